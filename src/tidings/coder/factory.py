"""The ``tidings_coder`` factory, registered with spaCy.

spaCy imports the modules named by ``spacy_factories`` entry points whenever it loads a
pipeline, in every process of an environment where tidings is installed. This module is that
entry point, and it is kept small: the coder itself (``coder/components.py``) and its
knowledge are imported only when a pipeline actually adds the component.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from tidings.coder.components import TidingsCoder


@Language.factory("tidings_coder", default_config={"data_dirs": [], "lexicons": "default"},
                  requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
                  assigns=["doc._.events", "doc._.sentences", "doc._.place_names"])
def make_tidings_coder(nlp: Language, name: str, data_dirs: list[str],
                       lexicons: str) -> TidingsCoder:
    """The tidings coder component; ``lexicons`` names the imported public lexicons read after
    the bundled knowledge ("default", "none", or names separated by commas), ``data_dirs``
    extra knowledge directories read after them (see docs/patterns.md)."""
    from tidings.coder.components import TidingsCoder

    return TidingsCoder(nlp, name, data_dirs, lexicons)
