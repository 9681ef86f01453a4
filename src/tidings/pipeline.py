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
from tidings.sources.base import Problem, failure, unique_ids
from tidings.store.database import SaveResult, Store, content_hash


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
    seen_ids: dict[str, str] = field(default_factory=dict, repr=False)  # id -> where first read

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

        for item in unique_ids(items, summary.seen_ids):
            if isinstance(item, Problem):
                _skip(summary, on_problem, item)
                continue
            summary.read += 1
            buffer.append(item)
            if len(buffer) >= batch_size:
                yield from drain()
        yield from drain()

    def failed(article: Article, exc: Exception) -> None:
        summary.read -= 1  # read, but neither stored nor unchanged: a skipped record
        _skip(summary, on_problem, failure(article, exc))

    def enriched() -> Iterator[CodedArticle]:
        for coded in coder.code_articles(fresh(), on_error=failed):
            try:
                yield enrich_coded(coded, gazetteer, coder.knowledge)
            except Exception as exc:  # noqa: BLE001 - one record's fault costs only itself
                failed(coded.article, exc)

    return store_coded(enriched(), store, summary=summary, progress=progress,
                       batch_size=batch_size, ontology=coder.ontology, count_read=False,
                       on_problem=on_problem)


def _skip(summary: IngestSummary, on_problem: Callable[[Problem], None] | None,
          problem: Problem) -> None:
    summary.skipped.append(problem)
    if on_problem:
        on_problem(problem)


def store_coded(items: Iterable[CodedArticle], store: Store, *,
                summary: IngestSummary | None = None, progress: bool = False,
                batch_size: int = 100, ontology: Ontology | None = None,
                count_read: bool = True,
                on_problem: Callable[[Problem], None] | None = None) -> IngestSummary:
    """Store articles already coded, dated and placed (by ``ingest`` or by a Dask job, see
    ``scale.cluster.read_coded``), ``batch_size`` to a transaction. An article stored before
    with the same content is left as it is, so storing the same output twice changes
    nothing. When the database refuses a record's data, the batch is stored again one
    article at a time and only that article is skipped; any other database error stops."""
    summary = summary or IngestSummary()
    ontology = ontology or load_knowledge().ontology
    bar = Progress(None, enabled=progress)
    pending: list = []

    def save() -> list[SaveResult]:
        try:
            return store.save_articles(pending, ontology)
        except Exception as exc:
            if not store.is_record_error(exc):
                raise
        results = []
        for item in pending:  # one at a time, to find the record the database refuses
            try:
                results += store.save_articles([item], ontology)
            except Exception as exc:
                if not store.is_record_error(exc):
                    raise
                summary.read -= 1
                _skip(summary, on_problem, failure(item[0], exc, "stored"))
        return results

    def flush() -> None:
        events_before = summary.events_new + summary.events_merged
        for result in save():
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

