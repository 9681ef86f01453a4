"""Facts about stored events that the events table does not hold, for the GDELT and PLOVER
exports: where an event's representative mention sits in its article (sentence number,
offsets, lead paragraph or not), the article's title and length, and, for mention rows, the
event's DATEADDED and the agreement of the event's mentions.

Looked up in batches of event ids (one query per batch), so an export that streams events
still runs in constant memory. The representative mention is the one the events table takes
its evidence from: the first by seen_at, article, sentence and mention id.

The *lead paragraph* of an article is its text up to the first line break that follows some
text; an article without any line break (one long line, as JSONL records often are) has its
first sentence as its lead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Execute = Callable[[str, Sequence[Any]], Any]  # a cursor with fetchall()
Row = Mapping[str, Any]

BATCH = 500


@dataclass(frozen=True, slots=True)
class EventFacts:
    """An event's representative mention in its article."""

    article_id: str
    sentence_index: int  # 0-based
    sentence_start: int | None  # the sentence's character offsets in the article text
    sentence_end: int | None
    in_lead: bool  # the sentence is in the article's lead paragraph
    title: str | None
    source_name: str | None
    doc_len: int


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """What a GDELT mention record needs beyond the mention row."""

    date_added: dt.datetime | None  # the event's first_seen
    doc_len: int | None  # characters of the mention's article
    agreement: int | None  # percent of the event's mentions with this mention's CAMEO code
    confidence: float | None = None  # the coder's confidence in this mention (0..1)


def in_lead(before: str, has_breaks: bool) -> bool:
    """Whether a sentence preceded by the article text ``before`` is in the lead paragraph."""
    head = before.strip()
    if not head:
        return True
    return has_breaks and "\n" not in head


def executor(store: Any) -> Execute:
    """The query function of a store (``Store``) or of its read model (``Reader``)."""
    reader = getattr(store, "read", store)
    return reader._execute  # the store package's own SQL runs on the read model's cursor


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def event_facts(execute: Execute, event_ids: Sequence[str]) -> dict[str, EventFacts]:
    """The representative mention's facts of each event id found."""
    out: dict[str, EventFacts] = {}
    for chunk in _chunks(list(dict.fromkeys(event_ids)), BATCH):
        marks = ", ".join("?" * len(chunk))
        rows = execute(
            "SELECT m.event_id, m.article_id, m.sentence_index, s.start_char, s.end_char, "
            "substr(a.text, 1, coalesce(s.start_char, 0)), strpos(a.text, chr(10)) > 0, "
            "a.title, a.source_name, length(a.text) "
            "FROM mentions m JOIN articles a ON a.article_id = m.article_id "
            "LEFT JOIN sentences s ON s.article_id = m.article_id "
            "AND s.sentence_index = m.sentence_index "
            f"WHERE m.event_id IN ({marks}) "
            "ORDER BY m.event_id, m.seen_at, m.article_id, m.sentence_index, m.mention_id",
            list(chunk)).fetchall()
        for (eid, article, index, start, end, before, breaks, title, source,
             doc_len) in rows:
            if eid in out:
                continue
            lead = in_lead(before or "", bool(breaks)) if start is not None else index == 0
            out[eid] = EventFacts(article, int(index), start, end, lead, title, source,
                                  int(doc_len or 0))
    return out


def mention_key(row: Row) -> tuple:
    """A mention row's identity among its event's mentions (mention rows carry no id)."""
    return (str(row.get("event_id")), row.get("article_id"), row.get("sentence_index"),
            row.get("source_start"), row.get("action_start"))


@dataclass(slots=True)
class MentionBatch:
    """The facts of the events of a batch of mention rows."""

    added: dict[str, Any]  # event id -> first_seen
    doc_len: dict[str, int]  # article id -> characters
    codes: dict[str, dict[str, int]]  # event id -> CAMEO code -> mentions
    code_of: dict[tuple, str]  # mention_key -> CAMEO code
    confidence_of: dict[tuple, float | None]  # mention_key -> the mention's confidence

    def of(self, row: Row) -> MentionFacts:
        eid = str(row.get("event_id"))
        counts = self.codes.get(eid, {})
        total = sum(counts.values())
        key = mention_key(row)
        code = self.code_of.get(key)
        agreement = round(100 * counts[code] / total) if total and code in counts else None
        return MentionFacts(self.added.get(eid), self.doc_len.get(str(row.get("article_id"))),
                            agreement, self.confidence_of.get(key))


def mention_facts(execute: Execute, event_ids: Sequence[str]) -> MentionBatch:
    """For the events given: first_seen by event, article lengths by article, the number of
    mentions of each CAMEO code by event, and the code and confidence of each mention."""
    added: dict[str, Any] = {}
    doc_len: dict[str, int] = {}
    codes: dict[str, dict[str, int]] = {}
    code_of: dict[tuple, str] = {}
    confidence_of: dict[tuple, float | None] = {}
    for chunk in _chunks(list(dict.fromkeys(event_ids)), BATCH):
        marks = ", ".join("?" * len(chunk))
        for eid, seen in execute(f"SELECT event_id, first_seen FROM events "
                                 f"WHERE event_id IN ({marks})", list(chunk)).fetchall():
            added[eid] = seen
        rows = execute(
            "SELECT m.event_id, m.article_id, m.code, length(a.text), m.sentence_index, "
            "m.source_start, m.action_start, m.confidence FROM mentions m "
            "JOIN articles a ON a.article_id = m.article_id "
            f"WHERE m.event_id IN ({marks})", list(chunk)).fetchall()
        for eid, article, code, length, index, source_start, action_start, conf in rows:
            doc_len[article] = int(length or 0)
            by_code = codes.setdefault(eid, {})
            by_code[code] = by_code.get(code, 0) + 1
            code_of[(eid, article, index, source_start, action_start)] = code
            confidence_of[(eid, article, index, source_start, action_start)] = conf
    return MentionBatch(added, doc_len, codes, code_of, confidence_of)


def batched(rows: Iterable[Row], size: int = BATCH) -> Iterator[list[Row]]:
    """Rows in lists of ``size``."""
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def with_event_facts(rows: Iterable[Row], store: Any | None
                     ) -> Iterator[tuple[Row, EventFacts | None]]:
    """Event rows each with its facts (None for all without a store)."""
    if store is None:
        for row in rows:
            yield row, None
        return
    execute = executor(store)
    for batch in batched(rows):
        facts = event_facts(execute, [str(r["event_id"]) for r in batch])
        for row in batch:
            yield row, facts.get(str(row["event_id"]))
