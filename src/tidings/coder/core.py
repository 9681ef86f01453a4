"""The coder: articles in, coded articles (sentences and events) out.

A ``Coder`` is one spaCy ``nlp`` object: the English pipeline with the ``tidings_coder``
component after it (``coder/components.py``: actors, then events). Everything it knows comes
from the knowledge bundle of the data directories in its settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import cast

import numpy
from spacy.tokens import Doc

import tidings.coder.factory  # noqa: F401 - registers "tidings_coder" without the entry point
from tidings.coder.components import TidingsCoder
from tidings.coder.nlp import new_pipeline
from tidings.config import DATA_DIR, LEXICONS_DIR, Settings
from tidings.records import Article, CodedArticle, Event

CHUNK_CHARS = 20_000  # a longer text is parsed by spaCy in pieces of about this many characters
BATCH_CHARS = 250_000  # spaCy parses at most about this many characters at once


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

    def code_articles(self, articles: Iterable[Article], *, include_all: bool = False,
                      on_error: Callable[[Article, Exception], None] | None = None
                      ) -> Iterator[CodedArticle]:
        """Code articles in order. spaCy parses them in batches of at most
        ``settings.batch_size`` articles and :data:`BATCH_CHARS` characters, and a text
        longer than :data:`CHUNK_CHARS` in pieces of about that size (:func:`chunk_spans`),
        so the memory coding takes is bounded whatever the input.

        When an article cannot be coded (an exception in spaCy or in the coder), its batch is
        coded again one article at a time; with ``on_error`` the article that fails is passed
        to it and coding goes on with the next one, without it the exception is raised."""
        for batch in _batches(articles, self.settings.batch_size, BATCH_CHARS):
            try:
                docs = self._parse(batch)
            except Exception:
                if on_error is None:
                    raise
                docs = None
            if docs is not None:
                for article, doc in zip(batch, docs, strict=True):
                    yield self._coded(article, doc, include_all)
                continue
            for article in batch:  # the batch failed: find the article that does
                try:
                    doc = self._parse([article])[0]
                except Exception as exc:  # noqa: BLE001 - reported through on_error
                    assert on_error is not None
                    on_error(article, exc)
                    continue
                yield self._coded(article, doc, include_all)

    # -- parsing ---------------------------------------------------------------------------
    def _parse(self, batch: list[Article]) -> list[Doc]:
        """The coded documents of a batch, in order: short texts through ``nlp.pipe``
        together, each long one on its own (:meth:`_parse_long`)."""
        short = [a for a in batch if len(a.text) <= CHUNK_CHARS]
        parsed = iter(self.nlp.pipe((self._new_doc(a) for a in short),
                                    batch_size=max(1, len(short))))
        return [next(parsed) if len(a.text) <= CHUNK_CHARS else self._parse_long(a)
                for a in batch]

    def _new_doc(self, article: Article, text: str | None = None) -> Doc:
        doc = self.nlp.make_doc(article.text if text is None else text)
        doc._.published = article.date
        return doc

    def _parse_long(self, article: Article) -> Doc:
        """A long text parsed a piece at a time by spaCy's own components, the pieces joined
        into one document with the text's own offsets, then coded as one article."""
        pieces = []
        for start, end in chunk_spans(article.text, CHUNK_CHARS):
            doc = self.nlp.make_doc(article.text[start:end])
            for name, proc in self.nlp.pipeline:
                if name != self.component.name:
                    doc = proc(doc)
            doc.tensor = numpy.zeros((0,), dtype="float32")  # not needed once parsed
            pieces.append(doc)
        joined = Doc.from_docs(pieces, ensure_whitespace=False)
        joined._.published = article.date
        return cast(Doc, self.component(joined))

    def _coded(self, article: Article, doc: Doc, include_all: bool) -> CodedArticle:
        events: list[Event] = doc._.events
        if not include_all:
            events = [e for e in events if e.asserted]
        return CodedArticle(article, doc._.sentences, events, doc._.place_names)


def _batches(articles: Iterable[Article], size: int, chars: int) -> Iterator[list[Article]]:
    """Articles in lists of at most ``size`` articles and about ``chars`` characters (a list
    ends at the article that takes it over; a long article is a list of its own)."""
    batch: list[Article] = []
    total = 0
    for article in articles:
        length = min(len(article.text), CHUNK_CHARS)
        if batch and (len(batch) >= size or total + length > chars):
            yield batch
            batch, total = [], 0
        batch.append(article)
        total += length
    if batch:
        yield batch


_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
           re.compile(r"\n"), re.compile(r"\s+"))


def chunk_spans(text: str, size: int) -> list[tuple[int, int]]:
    """``text`` cut into consecutive (start, end) pieces of at most about ``size`` characters,
    each ending after a paragraph break if there is one in its second half, else after the
    end of a sentence, a line or a word (a piece without any is cut at ``size``)."""
    spans = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = size
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, size // 2)]
            if ends:
                cut = ends[-1]
                break
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans
