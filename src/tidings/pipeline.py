"""From news to the event database: read sources, code, date and place, store.

    ingest → nlp → actors → events (the coder) → enrich (dates, places) → store (dedup)

Articles are stored in small batches, each in one transaction; an article already stored with
the same content is skipped before it is coded, so running the same input again changes
nothing and a run that was killed picks up where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from tidings.coder.core import Coder
from tidings.knowledge.bundle import load_knowledge
from tidings.knowledge.ontology import Ontology
from tidings.progress import Progress
from tidings.records import Article, CodedArticle
from tidings.sources.base import Problem
from tidings.store.database import Store, content_hash


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    events_new: int = 0
    events_merged: int = 0
    mentions: int = 0
    skipped: list[Problem] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"articles read: {self.read} (new {self.new}, changed {self.replaced}, "
            f"unchanged {self.unchanged}), skipped: {len(self.skipped)}",
            f"events: {self.events_new} new, {self.events_merged} merged into existing "
            f"events; {self.mentions} mentions",
        ]
        reasons: dict[str, int] = {}
        for p in self.skipped:
            reason = p.message.split(";")[0].split(" (")[0]
            reasons[reason] = reasons.get(reason, 0) + 1
        out += [f"  skipped, {n}: {reason}" for reason, n in sorted(reasons.items())]
        return out


def ingest(items: Iterable[Article | Problem], store: Store, coder: Coder, *,
           on_problem: Callable[[Problem], None] | None = None,
           progress: bool = False, summary: IngestSummary | None = None,
           batch_size: int = 100) -> IngestSummary:
    """Code and store articles; problems are counted (and reported through ``on_problem``).
    Articles are written ``batch_size`` at a time, each batch in one transaction."""
    from tidings.enrich.stage import enrich_coded, load_gazetteer

    summary = summary or IngestSummary()
    gazetteer = load_gazetteer(coder.knowledge)

    def fresh() -> Iterator[Article]:
        """The articles not stored yet with this content (looked up a batch at a time)."""
        buffer: list[Article] = []

        def drain() -> Iterator[Article]:
            known = store.stored_hashes([a.id for a in buffer])
            for article in buffer:
                if known.get(article.id) == content_hash(article):
                    summary.unchanged += 1
                else:
                    yield article
            buffer.clear()

        for item in items:
            if isinstance(item, Problem):
                summary.skipped.append(item)
                if on_problem:
                    on_problem(item)
                continue
            summary.read += 1
            buffer.append(item)
            if len(buffer) >= batch_size:
                yield from drain()
        yield from drain()

    coded = (enrich_coded(c, gazetteer, coder.knowledge) for c in coder.code_articles(fresh()))
    return store_coded(coded, store, summary=summary, progress=progress, batch_size=batch_size,
                       ontology=coder.ontology, count_read=False)


def store_coded(items: Iterable[CodedArticle], store: Store, *,
                summary: IngestSummary | None = None, progress: bool = False,
                batch_size: int = 100, ontology: Ontology | None = None,
                count_read: bool = True) -> IngestSummary:
    """Store articles already coded, dated and placed (by ``ingest`` or by a Dask job, see
    ``scale.cluster.read_coded``), ``batch_size`` to a transaction. An article stored before
    with the same content is left as it is, so storing the same output twice changes
    nothing."""
    summary = summary or IngestSummary()
    ontology = ontology or load_knowledge().ontology
    bar = Progress(None, enabled=progress)
    pending: list = []

    def flush() -> None:
        events_before = summary.events_new + summary.events_merged
        for result in store.save_articles(pending, ontology):
            if result.status == "new":
                summary.new += 1
            elif result.status == "replaced":
                summary.replaced += 1
            else:
                summary.unchanged += 1
            summary.events_new += result.events_new
            summary.events_merged += result.events_merged
            summary.mentions += result.mentions
        bar.advance(len(pending), summary.events_new + summary.events_merged - events_before)
        pending.clear()

    try:
        for coded in items:
            if count_read:
                summary.read += 1
            pending.append((coded.article, coded.sentences, coded.events))
            if len(pending) >= batch_size:
                flush()
        if pending:
            flush()
    finally:
        bar.close()
    return summary

