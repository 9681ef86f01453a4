"""The coder: articles in, coded articles (sentences and events) out.

A ``Coder`` is one spaCy ``nlp`` object: the English pipeline with the ``tidings_coder``
component after it (``coder/components.py``: actors, then events). Everything it knows comes
from the knowledge bundle of the data directories in its settings.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

from spacy.tokens import Doc

import tidings.coder.factory  # noqa: F401 - registers "tidings_coder" without the entry point
from tidings.coder.components import TidingsCoder
from tidings.coder.nlp import new_pipeline
from tidings.config import DATA_DIR, LEXICONS_DIR, Settings
from tidings.records import Article, CodedArticle, Event


class Coder:
    """Codes articles into events. Build it once per process; it is not cheap to load."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.nlp = new_pipeline(self.settings.model)
        dirs = [Path(d) for d in self.settings.data_dirs if Path(d) != DATA_DIR]
        lexicons = [d.name for d in dirs if d.parent == LEXICONS_DIR]
        extra = [str(d) for d in dirs if d.parent != LEXICONS_DIR]
        self.component = cast(TidingsCoder, self.nlp.add_pipe(
            "tidings_coder", config={"data_dirs": extra,
                                     "lexicons": ",".join(lexicons) or "none"}))
        self.knowledge = self.component.knowledge
        self.ontology, self.patterns = self.component.ontology, self.component.patterns
        self.rules, self.dictionary = self.component.rules, self.component.dictionary
        self.resolver = self.component.resolver

    # -- public ----------------------------------------------------------------------------
    def code_text(self, text: str, date: object = None, *,
                  include_all: bool = False) -> list[Event]:
        """Code one text (an article or a sentence) and return its events."""
        from tidings.sources.base import parse_date

        article = Article(id="text", text=text, date=parse_date(date) if date else None)
        return next(self.code_articles([article], include_all=include_all)).events

    def code_articles(self, articles: Iterable[Article], *,
                      include_all: bool = False) -> Iterator[CodedArticle]:
        """Code articles in order; spaCy parses them in batches (``nlp.pipe``)."""
        kept: deque[Article] = deque()

        def docs() -> Iterator[Doc]:
            for article in articles:
                doc = self.nlp.make_doc(article.text)
                doc._.published = article.date
                kept.append(article)
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=self.settings.batch_size):
            article = kept.popleft()
            events: list[Event] = doc._.events
            if not include_all:
                events = [e for e in events if e.asserted]
            yield CodedArticle(article, doc._.sentences, events, doc._.place_names)
