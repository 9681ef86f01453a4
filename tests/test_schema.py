"""The event schema defined once (store/schema.py), the shared ``Filters`` and the store's read
model, without the coder: events are made by hand and stored, then read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from tidings.knowledge.bundle import load_knowledge
from tidings.records import Actor, Article, Event, Place, Sentence
from tidings.store import export
from tidings.store.database import open_store
from tidings.store.filters import Filters, like_escape
from tidings.store.plover import plover_record
from tidings.store.schema import (
    CODED,
    DATABASE,
    EVENTS,
    EVIDENCE,
    MENTIONS,
    PARTITION_EVENTS,
    SQL_TYPES,
    event_from_row,
)

from .databases import BACKENDS, fresh_db

TEHRAN = Place("Tehran", "IRN", 35.69, 51.39, "city", "sentence:Tehran")


def event(source: str, target: str | None, code: str, *, day: dt.date | None,
          place: Place | None = None, sentence: int = 0) -> Event:
    tgt = Actor(target, target.title(), 20, 26, "t-rule", target[:3], target[3:] or None) \
        if target else None
    return Event(Actor(source, source.title(), 0, 6, "s-rule", source[:3], source[3:] or None),
                 tgt, code, code[:2], 1, 1.0, "CONSULT", "met", 7, 10, sentence, "rule-1",
                 future=code == "036", intent_of="040" if code == "036" else None,
                 date=day, date_source="published" if day else None, place=place)


# -- the schema ----------------------------------------------------------------------------------
def test_every_event_field_survives_a_flat_row():
    examples = [
        event("IRNGOV", "QATGOV", "042", day=dt.date(2024, 3, 10), place=TEHRAN),
        event("---REB", None, "036", day=None),
    ]
    for ev in examples:
        row = PARTITION_EVENTS.event_row(ev, record_id="r", origin="o")
        assert tuple(row) == PARTITION_EVENTS.names
        assert event_from_row(row) == ev


def test_the_coded_columns_cover_every_field_of_an_event():
    names = {c.name for c in CODED}
    for f in fields(Event):
        if f.name in ("source", "target", "place"):
            continue  # flattened: source_*, target_*, place_*
        assert f.name in names, f.name
    for f in fields(Actor):
        for side in ("source", "target"):
            assert (side if f.name == "code" else f"{side}_{f.name}") in names
    assert {f"place_{f.name}" for f in fields(Place)} <= names
    assert all(c.read is not None for c in CODED)


def test_column_kinds_and_names_are_unique():
    for table in (*DATABASE, EVIDENCE, PARTITION_EVENTS):
        assert len(set(table.names)) == len(table.names), table.name
        assert {c.kind for c in table.columns} <= set(SQL_TYPES)
    with pytest.raises(ValueError, match="unknown kind"):
        type(CODED[0])("x", "uuid")


_SQL_NAMES = {"VARCHAR": "TEXT", "TEXT": "TEXT", "INTEGER": "INTEGER", "DOUBLE": "DOUBLE PRECISION",
              "DOUBLE PRECISION": "DOUBLE PRECISION", "BOOLEAN": "BOOLEAN", "DATE": "DATE",
              "TIMESTAMP": "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_database_has_the_schema_columns_in_order(backend, tmp_path):
    with fresh_db(backend, tmp_path) as db:
        store = open_store(db)
        try:
            for table in DATABASE:
                rows = store._execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_name = ? AND table_schema = current_schema() "
                    "ORDER BY ordinal_position", [table.name]).fetchall()
                assert [r[0] for r in rows] == list(table.names), table.name
                assert [_SQL_NAMES[r[1].upper()] for r in rows] == \
                    [SQL_TYPES[c.kind] for c in table.columns], table.name
        finally:
            store.close()


# -- every export mapping has exactly the schema's fields -----------------------------------------
class Tracking(Mapping[str, Any]):
    """A row that records which keys were read and refuses keys the schema does not have."""

    def __init__(self, names: tuple[str, ...], values: dict[str, Any]) -> None:
        self.names, self.values, self.read = names, values, set()

    def __getitem__(self, key: str) -> Any:
        assert key in self.names, f"{key} is not a column"
        self.read.add(key)
        return self.values.get(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def _full_event_row() -> dict[str, Any]:
    row = {n: f"v-{n}" for n in EVENTS.names}
    row.update(date=dt.date(2024, 3, 10), quad_class=1, goldstein=1.0, place_lat=1.5,
               place_lon=2.5, num_mentions=2, num_sources=2, num_articles=2,
               first_seen=dt.datetime(2024, 3, 10, 8), last_seen=dt.datetime(2024, 3, 11, 8),
               source="IRNGOV", target="QATGOV", source_country="IRN", source_agent="GOV",
               target_country="QAT", target_agent="GOV", code="042", root="04",
               place_feature="city", confidence=0.875, dead=8, dead_bound="lower",
               injured=20, injured_bound="exact", arrested=None, arrested_bound=None,
               displaced=None, displaced_bound=None, hostages=None, hostages_bound=None,
               counts=None)
    return row


def test_gdelt_and_plover_read_only_schema_columns():
    for mapping in (export.gdelt_row, plover_record):
        row = Tracking(EVENTS.names, _full_event_row())
        mapping(row)
        assert row.read <= set(EVENTS.names) and row.read
    mention = Tracking(EVIDENCE.names, {"event_id": "e", "published": dt.date(2024, 1, 2)})
    export.gdelt_mention_row(mention)
    assert mention.read <= set(EVIDENCE.names)


def test_jsonl_csv_and_parquet_write_exactly_the_schema_columns(tmp_path):
    row = _full_event_row()
    buf = io.StringIO()
    export.write_jsonl([row], buf)
    assert tuple(json.loads(buf.getvalue())) == EVENTS.names
    buf = io.StringIO()
    export.write_csv([row], buf)
    assert tuple(next(csv.reader(io.StringIO(buf.getvalue())))) == EVENTS.names
    export.write_parquet([row], tmp_path / "e.parquet")
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "e.parquet")
    assert tuple(table.schema.names) == EVENTS.names
    assert table.schema.equals(EVENTS.arrow_schema())
    assert export.TABLE_FIELDS == {"events": EVENTS.names, "mentions": EVIDENCE.names,
                                   "daily": export.DAILY_FIELDS}


def test_the_column_tuples_elsewhere_are_the_schema():
    from tidings.scale import cluster
    from tidings.store import database

    assert database.EVENT_COLUMNS == EVENTS.names == export.EVENT_FIELDS
    assert database.MENTION_COLUMNS == MENTIONS.names
    assert cluster.EVENT_COLUMNS == PARTITION_EVENTS.names
    assert tuple(cluster.SCHEMA.names) == (*PARTITION_EVENTS.names, *cluster.POSITION_COLUMNS)


# -- Filters -------------------------------------------------------------------------------------
def test_no_filter_is_no_where_clause():
    assert Filters().where() == ("", [])
    assert Filters().where("date IS NOT NULL") == (" WHERE date IS NOT NULL", [])


def test_each_filter_renders_its_condition_and_parameters():
    day = dt.date(2024, 3, 10)
    cases = [
        (Filters(actor="IRN"), "(source LIKE ? OR target LIKE ?)", ["IRN%", "IRN%"]),
        (Filters(source="IRN"), "source LIKE ?", ["IRN%"]),
        (Filters(target="QAT"), "target LIKE ?", ["QAT%"]),
        (Filters(dyad=("IRN", "QAT")),
         "((source LIKE ? AND target LIKE ?) OR (source LIKE ? AND target LIKE ?))",
         ["IRN%", "QAT%", "QAT%", "IRN%"]),
        (Filters(code="04"), "code LIKE ?", ["04%"]),
        (Filters(root="4"), "root = ?", ["04"]),
        (Filters(root="14"), "root = ?", ["14"]),
        (Filters(plover="CONSULT"), "plover = ?", ["CONSULT"]),
        (Filters(quad_class=1), "quad_class = ?", [1]),
        (Filters(since=day), "date >= ?", [day]),
        (Filters(until=day), "date <= ?", [day]),
        (Filters(country="IRN"), "place_country = ?", ["IRN"]),
        (Filters(place="Te_h%"), "(lower(place_name) LIKE ? ESCAPE '!')", ["%te!_h!%%"]),
        (Filters(q="Met!"), "lower(sentence) LIKE ? ESCAPE '!'", ["%met!!%"]),
    ]
    for filters, sql, params in cases:
        assert filters.where() == (f" WHERE {sql}", params), filters


def test_filters_combine_with_and_and_extra_conditions_come_last():
    where, params = Filters(actor="IRN", root="04").where(("event_id > ?", ["x"]), "a IS NULL")
    assert where == (" WHERE (source LIKE ? OR target LIKE ?) AND root = ? AND event_id > ? "
                     "AND a IS NULL")
    assert params == ["IRN%", "IRN%", "04", "x"]
    assert like_escape("a!b%c_d") == "a!!b!%c!_d"


# -- the read model ------------------------------------------------------------------------------
@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    with fresh_db(request.param, tmp_path_factory.mktemp("read")) as db:
        s = open_store(db)
        onto = load_knowledge().ontology
        day1, day2 = dt.date(2024, 3, 10), dt.date(2024, 3, 12)
        a = Article("a1", "Iran met Qatar in Tehran. Turkey arrested students.", day1,
                    "http://a/1", "Wire A")
        b = Article("a2", "Iran met Qatar in Tehran.", day1, "http://b/1", "Wire B")
        c = Article("a3", "Qatar met Iran.", day2, None, "Wire A")
        s.save_article(a, [Sentence(0, 0, 25, "Iran met Qatar in Tehran."),
                           Sentence(1, 26, 52, "Turkey arrested students.")],
                       [event("IRNGOV", "QATGOV", "042", day=day1, place=TEHRAN),
                        event("TURCOP", "TUREDU", "173", day=day1, sentence=1)], onto)
        s.save_article(b, [Sentence(0, 0, 25, "Iran met Qatar in Tehran.")],
                       [event("IRNGOV", "QATGOV", "042", day=day1, place=TEHRAN)], onto)
        s.save_article(c, [Sentence(0, 0, 15, "Qatar met Iran.")],
                       [event("QATGOV", "IRNGOV", "043", day=day2)], onto)
        yield s
        s.close()


def test_read_events_pages_in_order(store):
    read = store.read
    rows = read.events(Filters(), sort="date", limit=10)
    assert [(r["source"], r["code"]) for r in rows][-1] == ("QATGOV", "043")
    assert len(rows) == 3 and tuple(rows[0]) == EVENTS.names
    first = read.events(Filters(), sort="-num_mentions", limit=1)
    assert first[0]["num_mentions"] == 2 and first[0]["num_sources"] == 2
    rest = read.events(Filters(), sort="-num_mentions", limit=5,
                       after=(first[0]["num_mentions"], first[0]["event_id"]))
    assert len(rest) == 2 and first[0]["event_id"] not in {r["event_id"] for r in rest}
    with pytest.raises(ValueError):
        read.events(Filters(), sort="rule")


def test_read_filters_count_and_one_event(store):
    read = store.read
    assert read.count(Filters()) == 3
    assert read.count(Filters(dyad=("QAT", "IRN"))) == 2
    assert read.count(Filters(q="ARRESTED")) == 1
    assert read.count(Filters(country="IRN", root="4")) == 1
    (visit,) = read.events(Filters(source="IRN"))
    assert read.event(visit["event_id"]) == visit
    assert read.event("nope") is None
    evidence = read.evidence(visit["event_id"])
    assert [m["url"] for m in evidence] == ["http://a/1", "http://b/1"]
    assert evidence[0]["sentence"] == "Iran met Qatar in Tehran."
    assert (evidence[0]["sentence_start"], evidence[0]["sentence_end"]) == (0, 25)
    streamed = list(read.iter_events(Filters(actor="TUR")))
    assert [e["code"] for e in streamed] == ["173"]
    assert list(store.iter_events(Filters(actor="TUR"))) == streamed


def test_read_aggregates(store):
    read = store.read
    assert read.counts() == {"articles": 3, "sentences": 4, "mentions": 4, "events": 3,
                             "actors": 4}
    dated = read.dated(Filters(dyad=("IRN", "QAT")))
    assert [(d, s) for d, s, *_ in dated] == [(dt.date(2024, 3, 10), "IRNGOV"),
                                             (dt.date(2024, 3, 12), "QATGOV")]
    assert [a["code"] for a in read.actors("qat")] == ["QATGOV"]
    assert [a["code"] for a in read.actors("%")] == []
    actor = read.actor("IRNGOV")
    assert actor is not None and actor["num_events"] == 2
    assert actor["as_source"] == 1 and actor["top_partners"][0]["code"] == "QATGOV"
    assert read.actor("NOPE") is None
    edges = read.network(Filters(), max_edges=2)
    assert len(edges) == 2 and all(e["count"] == 1 for e in edges)
    assert [p["name"] for p in read.places(Filters())] == ["Tehran"]
    assert read.countries(Filters()) == [  # 042: Goldstein 1.9
        {"country": "IRN", "count": 1, "mean_goldstein": 1.9, "dead": 0}]
    assert read.unplaced(Filters()) == 2
    assert [r["code"] for r in read.iter_daily()] == ["042", "173", "043"]
    assert len(list(read.iter_mentions())) == 4


def test_the_api_writes_no_sql():
    api = (Path(__file__).parents[1] / "src" / "tidings" / "web" / "api.py").read_text()
    assert "_execute" not in api and "SELECT " not in api
