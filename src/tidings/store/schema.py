"""The flat layouts of an event, defined once: every column of every row an event becomes.

An ``Event`` (records.py) is nested: a source ``Actor``, maybe a target and a ``Place``. Where
it is written flat (a mention row in the database, an event row of a Dask partition) or read
back flat (the deduplicated events table, the exports), the columns are the ones listed here,
each once, with its kind and, for the columns an ``Event`` carries, how it is read from one.
The database, the export formats (CSV header, JSON keys, Parquet schema) and the Dask output
take their column tuples, row builders and Arrow schemas from these tables; nothing else
lists them.

The kinds name the value's type in each world: SQL (the migrations' types, checked against
the database by the tests), Arrow/Parquet, and Python.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from tidings.records import COUNT_KINDS, Actor, Count, Event, Place

if TYPE_CHECKING:  # pyarrow is imported when an Arrow schema is asked for
    import pyarrow as pa

# kind -> SQL type as the migrations write it
SQL_TYPES: dict[str, str] = {
    "text": "TEXT", "int": "INTEGER", "int8": "INTEGER", "float": "DOUBLE PRECISION",
    "bool": "BOOLEAN", "date": "DATE", "timestamp": "TIMESTAMP",
}


def arrow_type(kind: str) -> pa.DataType:
    """The Arrow type of a column kind (a timestamp is in microseconds, UTC)."""
    import pyarrow as pa

    return {
        "text": pa.string(), "int": pa.int64(), "int8": pa.int8(), "float": pa.float64(),
        "bool": pa.bool_(), "date": pa.date32(), "timestamp": pa.timestamp("us", tz="UTC"),
    }[kind]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, its kind (a key of ``SQL_TYPES``) and, for a column an
    ``Event`` carries, how it is read from one."""

    name: str
    kind: str = "text"
    read: Callable[[Event], Any] | None = None

    def __post_init__(self) -> None:
        if self.kind not in SQL_TYPES:
            raise ValueError(f"column {self.name}: unknown kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Table:
    """An ordered set of columns: a table of the database or a flat file's layout."""

    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")

    def arrow_schema(self) -> pa.Schema:
        import pyarrow as pa

        return pa.schema([pa.field(c.name, arrow_type(c.kind)) for c in self.columns])

    def event_row(self, ev: Event, **given: Any) -> dict[str, Any]:
        """The row of one event: columns read from ``ev``, the others from ``given`` (all of
        them must be given)."""
        return {c.name: given[c.name] if c.read is None else c.read(ev) for c in self.columns}

    def values(self, row: dict[str, Any]) -> tuple[Any, ...]:
        """A row's values in column order."""
        return tuple(row[n] for n in self.names)

    def dicts(self, rows: Iterable[tuple]) -> Iterator[dict[str, Any]]:
        """Rows read in column order as dicts by column name."""
        names = self.names
        for row in rows:
            yield dict(zip(names, row, strict=True))


def _target(attr: str) -> Callable[[Event], Any]:
    return lambda ev: None if ev.target is None else getattr(ev.target, attr)


def _place(attr: str) -> Callable[[Event], Any]:
    return lambda ev: None if ev.place is None else getattr(ev.place, attr)


def _of(attr: str, kind: str = "text") -> Column:
    return Column(attr, kind, lambda ev: getattr(ev, attr))


def counts_json(counts: Iterable[Count]) -> str | None:
    """An event's counts as the JSON text a row holds (``None`` for none)."""
    out = [c.to_dict() for c in counts]
    return json.dumps(out, ensure_ascii=False) if out else None


def counts_from_json(text: str | None) -> tuple[Count, ...]:
    """The counts a row's JSON text holds (see :func:`counts_json`)."""
    return tuple(Count.from_dict(d) for d in json.loads(text)) if text else ()


# Every flat field of one coded event, in the order of a Dask partition's rows.
CODED: tuple[Column, ...] = (
    _of("sentence", "int"),
    Column("source", "text", lambda ev: ev.source.code),
    Column("target", "text", lambda ev: ev.target_code),
    _of("code"), _of("root"), _of("quad_class", "int"), _of("goldstein", "float"),
    _of("plover"),
    Column("source_text", "text", lambda ev: ev.source.text),
    Column("target_text", "text", _target("text")),
    _of("action_text"),
    Column("source_start", "int", lambda ev: ev.source.start),
    Column("source_end", "int", lambda ev: ev.source.end),
    Column("target_start", "int", _target("start")),
    Column("target_end", "int", _target("end")),
    _of("action_start", "int"), _of("action_end", "int"), _of("rule"),
    _of("negated", "bool"), _of("hypothetical", "bool"), _of("future", "bool"),
    _of("intent_of"),
    Column("source_country", "text", lambda ev: ev.source.country),
    Column("source_agent", "text", lambda ev: ev.source.agent),
    Column("source_rule", "text", lambda ev: ev.source.rule),
    Column("target_country", "text", _target("country")),
    Column("target_agent", "text", _target("agent")),
    Column("target_rule", "text", _target("rule")),
    _of("date", "date"), _of("date_source"),
    Column("place_name", "text", _place("name")),
    Column("place_country", "text", _place("country")),
    Column("place_lat", "float", _place("lat")),
    Column("place_lon", "float", _place("lon")),
    Column("place_feature", "text", _place("feature")),
    Column("place_source", "text", _place("source")),
    Column("counts", "text", lambda ev: counts_json(ev.counts)),
    _of("confidence", "float"),
)
_CODED = {c.name: c for c in CODED}


def _coded(*names: str) -> tuple[Column, ...]:
    return tuple(_CODED[n] for n in names)


def event_from_row(row: dict[str, Any]) -> Event:
    """The ``Event`` a row of ``CODED`` columns was made from (a target when the row has
    target offsets, a place when it has a place name)."""
    source = Actor(row["source"], row["source_text"], row["source_start"], row["source_end"],
                   row["source_rule"] or "", row["source_country"], row["source_agent"])
    target = None
    if row["target_start"] is not None:
        target = Actor(row["target"], row["target_text"], row["target_start"],
                       row["target_end"], row["target_rule"] or "", row["target_country"],
                       row["target_agent"])
    place = None
    if row["place_name"] is not None:
        place = Place(row["place_name"], row["place_country"], row["place_lat"],
                      row["place_lon"], row["place_feature"], row["place_source"])
    return Event(source, target, row["code"], row["root"], row["quad_class"], row["goldstein"],
                 row["plover"], row["action_text"], row["action_start"], row["action_end"],
                 row["sentence"], row["rule"], row["negated"], row["hypothetical"],
                 row["future"], row["intent_of"], row["date"], row["date_source"], place,
                 counts_from_json(row.get("counts")), row.get("confidence"))


# -- the database (data/migrations/*.sql) ------------------------------------------------------
ARTICLES = Table("articles", (
    Column("article_id"), Column("url"), Column("source_name"), Column("title"),
    Column("published", "date"), Column("content_hash"), Column("origin"),
    Column("ingested_at", "timestamp"), Column("text"),
))
SENTENCES = Table("sentences", (
    Column("article_id"), Column("sentence_index", "int"), Column("start_char", "int"),
    Column("end_char", "int"), Column("text"),
))
# One row per coded event in one sentence of one article.
MENTIONS = Table("mentions", (
    Column("mention_id"), Column("event_id"), Column("article_id"),
    replace(_CODED["sentence"], name="sentence_index"),
    *_coded("date", "date_source", "source", "target", "source_country", "source_agent",
            "target_country", "target_agent", "code", "root", "source_text", "target_text",
            "action_text", "source_start", "source_end", "target_start", "target_end",
            "action_start", "action_end", "place_name", "place_country", "place_lat",
            "place_lon", "place_feature", "place_source", "rule", "future", "intent_of"),
    Column("seen_at", "timestamp"),
    *_coded("counts", "confidence"),
))
# One row per distinct event (mentions of the same day, dyad, root and place merged): what
# the store yields and every export format writes.
EVENTS = Table("events", (
    Column("event_id"),
    *_coded("date", "source", "target", "source_country", "source_agent", "target_country",
            "target_agent", "source_text", "target_text", "action_text", "code", "root"),
    Column("quad_class", "int8"), Column("goldstein", "float"), Column("plover"),
    Column("plover_mode"),
    *_coded("place_name", "place_country", "place_lat", "place_lon", "place_feature"),
    Column("num_mentions", "int"), Column("num_sources", "int"), Column("num_articles", "int"),
    Column("first_seen", "timestamp"), Column("last_seen", "timestamp"),
    Column("source_url"), Column("sentence"), Column("rule"),
    # The highest confidence of its mentions; for each kind of count the highest figure any
    # report gave, with its bound; ``counts`` has the detail (see store/database.py).
    Column("confidence", "float"),
    *(c for kind in COUNT_KINDS for c in (Column(kind, "int"), Column(f"{kind}_bound"))),
    Column("counts"),
))
ACTORS = Table("actors", (
    Column("code"), Column("country"), Column("agent"), Column("name"),
    Column("num_events", "int"),
))
DATABASE: tuple[Table, ...] = (ARTICLES, SENTENCES, MENTIONS, EVENTS, ACTORS)

# -- read from the database: the mentions with their article, one row per day and dyad --------
EVIDENCE = Table("mentions", (
    Column("event_id"), Column("article_id"), Column("url"), Column("source_name"),
    Column("published", "date"), Column("sentence_index", "int"), Column("sentence"),
    Column("source_start", "int"), Column("source_end", "int"), Column("target_start", "int"),
    Column("target_end", "int"), Column("action_start", "int"), Column("action_end", "int"),
    Column("rule"), Column("date_source"), Column("counts"), Column("confidence", "float"),
))
DAILY = Table("daily", (
    Column("date", "date"), Column("source"), Column("target"), Column("code"),
    Column("root"), Column("quad_class", "int"), Column("goldstein", "float"),
    Column("num_events", "int"), Column("num_mentions", "int"),
))

# -- a Dask partition's events file ------------------------------------------------------------
# The event's own columns (what ``single_process_rows`` gives), dated and placed, with the
# record it was coded from ...
PARTITION_EVENTS = Table("partition_events", (Column("record_id"), Column("origin"), *CODED))
# ... and where it sits: the partition's id, the record's place in the partition (counting
# every record read, problems included) and the event's place in the record.
POSITION = Table("position", (
    Column("partition"), Column("record_index", "int"), Column("event_index", "int"),
))


@cache
def events_parquet_schema() -> pa.Schema:
    """The Parquet schema of event rows: ``EVENTS`` in order, all nullable."""
    return EVENTS.arrow_schema()
