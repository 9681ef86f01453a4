"""Counts (dead, injured, arrested, displaced, hostages) and confidence everywhere an event goes:
the store's filters and sums, the API (/events, /events/{id}, /counts, /places, 422s), the
command line and every export format, on hand-made events (tests/counted.py) stored in DuckDB
and, with TIDINGS_TEST_PG, in PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from tidings.config import DATA_DIR
from tidings.store.database import open_store
from tidings.store.export import export, gdelt_mention_row, write_jsonl
from tidings.store.facts import MentionFacts
from tidings.store.filters import Filters, count_filters
from tidings.store.plover import plover_record
from tidings.store.sums import count_sums
from tidings.web.api import create_app

from . import counted
from .counted import DOHA, GUSAU, ISTANBUL, KHARKIV, SUDAN, UNDATED
from .databases import BACKENDS, fresh_db

ALL = {KHARKIV, DOHA, GUSAU, ISTANBUL, SUDAN, UNDATED}


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    with fresh_db(request.param, tmp_path_factory.mktemp("counts")) as url:
        counted.fill(url)
        yield url


@pytest.fixture(scope="module")
def store(db):  # type: ignore[no-untyped-def]
    s = open_store(db, read_only=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(db):  # type: ignore[no-untyped-def]
    with TestClient(create_app(db)) as c:
        yield c


def ids(store, **filters) -> set[str]:  # type: ignore[no-untyped-def]
    return {e["event_id"] for e in store.read.events(Filters(**filters), limit=100)}


# -- the store -------------------------------------------------------------------------------
def test_the_events_table_merges_each_reports_figures(store):
    row = store.read.event(KHARKIV)
    # three reports: at least 8, 12, at least 8: the highest is 12, exact, given by one
    assert (row["dead"], row["dead_bound"], row["injured"]) == (12, "exact", 20)
    assert row["confidence"] == pytest.approx(0.82)
    doha = store.read.event(DOHA)
    assert doha["confidence"] is None and doha["counts"] is None
    assert all(doha[k] is None for k in ("dead", "dead_bound", "hostages", "arrested"))


@pytest.mark.parametrize(("filters", "expected"), [
    ({"min_confidence": 0.6}, {KHARKIV, GUSAU, UNDATED}),
    ({"min_confidence": 0.0}, ALL - {DOHA}),  # no confidence: never at least anything
    ({"min_confidence": 0.95}, set()),
    ({"min_counts": (("dead", 10),)}, {KHARKIV, GUSAU}),
    ({"min_counts": (("dead", 0),)}, {KHARKIV, GUSAU, SUDAN, UNDATED}),
    ({"min_counts": (("dead", 10), ("injured", 1))}, {KHARKIV}),
    ({"has_counts": ("hostages",)}, {GUSAU}),
    ({"has_counts": ("dead", "arrested")}, set()),
    ({"has_counts": ("any",)}, ALL - {DOHA}),
    ({"has_counts": ("arrested",), "min_confidence": 0.5}, {ISTANBUL}),
])
def test_confidence_and_count_filters(store, filters, expected):
    assert ids(store, **filters) == expected
    assert store.read.count(Filters(**filters)) == len(expected)


def test_a_kind_of_count_that_does_not_exist_is_refused():
    with pytest.raises(ValueError, match="wounded"):
        Filters(min_counts=(("wounded", 1),)).where()
    with pytest.raises(ValueError, match="has_counts"):
        count_filters(has_counts="dead,zombies")
    with pytest.raises(ValueError, match="min_confidence"):
        count_filters(min_confidence=1.5)
    assert count_filters(0.5, "Dead, any", dead=3, injured=None) == {
        "min_confidence": 0.5, "has_counts": ("dead", "any"), "min_counts": (("dead", 3),)}


def test_deaths_summed_by_country_and_month(store):
    found = count_sums(store.read, Filters(), "dead", ["country", "month"])
    rows = [(r["country"], r["month"], r["total"], r["events"]) for r in found["rows"]]
    # Sudan's event has no place: its target's country; the undated one is left out
    assert rows == [("NGA", "2024-06", 30, 1), ("UKR", "2024-05", 12, 1),
                    ("SDN", "2024-06", 3, 1)]
    assert found["rows"][0]["bounds"] == {"exact": 0, "lower": 1, "upper": 0, "estimate": 0,
                                          "range": 0}
    assert (found["total"], found["events"], found["groups"]) == (47, 4, 3)
    assert found["left_out"] == {"events": 1, "total": 2}
    # the place's country only: unplaced events are left out, not given an actor's country
    strict = count_sums(store.read, Filters(), "dead", ["place_country"])
    assert [(r["place_country"], r["total"]) for r in strict["rows"]] == [("NGA", 30),
                                                                          ("UKR", 12)]
    assert strict["left_out"] == {"events": 2, "total": 5}
    # filters apply; sorting and limits
    few = count_sums(store.read, Filters(min_confidence=0.8), "dead", ["month"],
                     sort="key", limit=1)
    assert [(r["month"], r["total"]) for r in few["rows"]] == [("2024-05", 12)]
    assert few["groups"] == 2 and few["total"] == 42
    assert count_sums(store.read, Filters(), "displaced", ["country"])["rows"] == []


def test_places_sum_their_deaths(store):
    places = {p["name"]: p for p in store.read.places(Filters())}
    assert places["Kharkiv"]["dead"] == 12 and places["Gusau"]["dead"] == 30
    assert places["Doha"]["dead"] == 0 and places["Istanbul"]["dead"] == 0
    countries = {c["country"]: c["dead"] for c in store.read.countries(Filters())}
    assert countries == {"UKR": 12, "NGA": 30, "TUR": 0, "QAT": 0}


# -- exports ---------------------------------------------------------------------------------
def _export(store, fmt: str, tmp_path: Path, table: str = "events") -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / f"out.{fmt}"
    rows = store.iter_mentions() if table == "mentions" else store.iter_events()
    export(rows, fmt, out, table=table, store=store)
    return out


def test_plover_records_carry_size_and_confidence(store, tmp_path):
    schema = json.loads((DATA_DIR / "schemas" / "plover_record.schema.json").read_text())
    lines = _export(store, "plover", tmp_path).read_text().splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    for record in records.values():
        jsonschema.validate(record, schema)
    kharkiv, gusau = records[KHARKIV], records[GUSAU]
    assert kharkiv["size"] == {"dead": 12, "injured": 20}
    # (the highest figure names no side: the side another report named is kept)
    assert kharkiv["size_detail"]["dead"] == {"bound": "exact", "high": None, "side": "MIL",
                                              "reports": 1, "figures": 3}
    assert kharkiv["confidence"] == pytest.approx(0.82)
    assert gusau["size"] == {"dead": 30, "hostages": 5}
    assert gusau["size_detail"]["dead"]["bound"] == "lower"
    assert gusau["size_detail"]["dead"]["side"] == "CVL"
    assert gusau["size_detail"]["dead"]["reports"] == 2
    assert records[ISTANBUL]["size"] == {"arrested": 40}
    # an event without counts has no size object; without a confidence, null
    assert records[DOHA]["size"] is None and records[DOHA]["size_detail"] is None
    assert records[DOHA]["confidence"] is None
    assert UNDATED not in records  # PLOVER needs a date


def test_the_plover_schema_refuses_a_bad_size():
    schema = json.loads((DATA_DIR / "schemas" / "plover_record.schema.json").read_text())
    base = {"id": "x", "date": "2024-01-01", "actor": [{"code": "IRN"}], "event": ["ASSAULT"]}
    jsonschema.validate({**base, "size": {"dead": 3}, "confidence": 0.5}, schema)
    for bad in ({"size": {"dead": -1}}, {"size": {"zombies": 1}}, {"size": {}},
                {"size": {"dead": "three"}}, {"confidence": 1.5}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**base, **bad}, schema)


def test_a_record_without_count_columns_still_exports():
    row = {"event_id": "e", "date": None, "plover": "ASSAULT", "code": "190"}
    record = plover_record(row)
    assert record["size"] is None and record["confidence"] is None


def test_jsonl_csv_and_parquet_keep_types_and_nulls(store, tmp_path):
    rows = {r["event_id"]: r for r in map(json.loads,
                                          _export(store, "jsonl", tmp_path).read_text()
                                          .splitlines())}
    k, d = rows[KHARKIV], rows[DOHA]
    assert k["dead"] == 12 and isinstance(k["dead"], int) and k["dead_bound"] == "exact"
    assert k["confidence"] == pytest.approx(0.82)
    assert [c["kind"] for c in k["counts"]] == ["dead", "injured"]  # an array, not text
    assert [f["number"] for f in k["counts"][0]["figures"]] == [8, 12, 8]
    assert d["dead"] is None and d["confidence"] is None and d["counts"] is None
    text = _export(store, "csv", tmp_path).read_text()
    by_id = {r["event_id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert by_id[KHARKIV]["dead"] == "12" and by_id[KHARKIV]["hostages"] == ""
    assert json.loads(by_id[KHARKIV]["counts"])[0]["number"] == 12
    assert by_id[DOHA]["confidence"] == "" and by_id[DOHA]["counts"] == ""
    table = pq.read_table(_export(store, "parquet", tmp_path))
    assert str(table.schema.field("dead").type) == "int64"
    assert str(table.schema.field("confidence").type) == "double"
    parquet = {r["event_id"]: r for r in table.to_pylist()}
    assert parquet[GUSAU]["dead"] == 30 and parquet[GUSAU]["hostages"] == 5
    assert parquet[DOHA]["dead"] is None and parquet[DOHA]["confidence"] is None


def test_write_jsonl_leaves_other_rows_alone():
    buf = io.StringIO()
    write_jsonl([{"a": 1, "counts": None}], buf, fields=("a", "counts"))
    assert json.loads(buf.getvalue()) == {"a": 1, "counts": None}


def test_gdelt_mentions_confidence_is_the_mentions_percent(store, tmp_path):
    lines = _export(store, "gdelt", tmp_path, table="mentions").read_text().splitlines()
    confidence = sorted(line.split("\t")[11] for line in lines)
    # 0.82 0.64 0.5 (Kharkiv), 0.9 0.7 (Gusau), 0.55, 0.4, 0.7; Doha has none: agreement
    assert confidence == sorted(["82", "64", "50", "90", "70", "55", "40", "70", "100"])
    row = {"event_id": "e", "published": None, "sentence_index": 0}
    assert gdelt_mention_row(row, MentionFacts(None, None, 100, 0.126))[11] == "13"
    assert gdelt_mention_row(row, MentionFacts(None, None, 50, None))[11] == "50"
    assert gdelt_mention_row(row, MentionFacts(None, None, None, None))[11] == ""
    assert gdelt_mention_row(row, MentionFacts(None, None, 80, 1.0))[11] == "100"


# -- the API ---------------------------------------------------------------------------------
def _ids(client, **params) -> set[str]:  # type: ignore[no-untyped-def]
    r = client.get("/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return {e["event_id"] for e in r.json()["events"]}


def test_events_json_carries_counts_and_confidence(client):
    body = client.get("/events", params={"limit": 1000}).json()
    events = {e["event_id"]: e for e in body["events"]}
    k = events[KHARKIV]
    assert (k["dead"], k["dead_bound"], k["confidence"]) == (12, "exact", 0.82)
    assert k["counts"][0]["kind"] == "dead" and len(k["counts"][0]["figures"]) == 3
    assert events[DOHA]["counts"] is None and events[DOHA]["confidence"] is None
    one = client.get(f"/events/{KHARKIV}").json()
    assert one["counts"] == k["counts"] and one["confidence"] == 0.82
    by_article = {m["article_id"]: m for m in one["mentions"]}
    assert by_article["k1"]["confidence"] == 0.82
    assert by_article["k1"]["counts"][0] == {
        "kind": "dead", "number": 8, "bound": "lower", "high": None, "side": "MIL",
        "parts": [], "text": "at least 8 soldiers", "span": [30, 40]}
    doha = client.get(f"/events/{DOHA}").json()
    assert doha["counts"] is None and doha["mentions"][0]["counts"] is None


def test_api_filters(client):
    assert _ids(client, min_confidence=0.6) == {KHARKIV, GUSAU, UNDATED}
    assert _ids(client, min_dead=10) == {KHARKIV, GUSAU}
    assert _ids(client, min_dead=0, min_confidence=0.5) == {KHARKIV, GUSAU, UNDATED}
    assert _ids(client, has_counts="hostages") == {GUSAU}
    assert _ids(client, has_counts="any") == ALL - {DOHA}
    assert _ids(client, min_arrested=1) == {ISTANBUL}
    assert _ids(client, has_counts="") == ALL  # empty: no filter, as for the others
    places = client.get("/places", params={"min_dead": 1}).json()
    assert {p["name"]: p["dead"] for p in places["places"]} == {"Kharkiv": 12, "Gusau": 30}
    agg = client.get("/aggregate", params={"by": "root", "min_dead": 1}).json()
    assert {r["root"]: r["events"] for r in agg["rows"]} == {"19": 3, "18": 1}


@pytest.mark.parametrize(("params", "name"), [
    ({"min_confidence": 1.5}, "min_confidence"), ({"min_confidence": -0.1}, "min_confidence"),
    ({"min_confidence": "high"}, "min_confidence"), ({"min_confidence": "nan"}, "min_confidence"),
    ({"min_dead": -1}, "min_dead"), ({"min_dead": "many"}, "min_dead"),
    ({"min_hostages": 10**12}, "min_hostages"), ({"has_counts": "zombies"}, "has_counts"),
    ({"has_counts": ",,"}, "has_counts"), ({"has_counts": "x" * 61}, "has_counts"),
])
def test_bad_filters_are_422_naming_the_parameter(client, params, name):
    for url in ("/events", "/counts", "/places"):
        r = client.get(url, params=params)
        assert r.status_code == 422, (url, r.text)
        assert [e["loc"] for e in r.json()["detail"]] == [["query", name]]


def test_counts_endpoint(client):
    body = client.get("/counts", params={"kind": "dead", "by": "country,month"}).json()
    assert body["kind"] == "dead" and body["by"] == ["country", "month"]
    assert [{k: r[k] for k in ("country", "month", "total", "events")} for r in body["rows"]] == [
        {"country": "NGA", "month": "2024-06", "total": 30, "events": 1},
        {"country": "UKR", "month": "2024-05", "total": 12, "events": 1},
        {"country": "SDN", "month": "2024-06", "total": 3, "events": 1}]
    assert body["total"] == 47 and body["left_out"] == {"events": 1, "total": 2}
    assert body["groups"] == 3 and body["truncated"] is False
    assert client.get("/counts").json()["rows"] == body["rows"]  # dead by country, month
    limited = client.get("/counts", params={"limit": 1, "sort": "total"}).json()
    assert [r["country"] for r in limited["rows"]] == ["SDN"] and limited["truncated"]
    filtered = client.get("/counts", params={"by": "country", "actor": "RUS"}).json()
    assert [(r["country"], r["total"]) for r in filtered["rows"]] == [("UKR", 12)]
    named = client.get("/counts", params={"by": "country", "actor": "Russia"}).json()
    assert named["rows"] == filtered["rows"] and named["resolved"] == {
        "actor": {"Russia": "RUS"}}
    hostages = client.get("/counts", params={"kind": "hostages", "by": "place"}).json()
    assert [(r["place"], r["total"]) for r in hostages["rows"]] == [("Gusau", 5)]


@pytest.mark.parametrize(("params", "name"), [
    ({"kind": "wounded"}, "kind"), ({"by": "actor"}, "by"), ({"by": "month,month"}, "by"),
    ({"by": "country,month,day"}, "by"), ({"by": ""}, "by"), ({"by": "x" * 61}, "by"),
    ({"limit": 0}, "limit"), ({"limit": 1001}, "limit"), ({"sort": "-goldstein"}, "sort"),
    ({"since": "2024-07-01", "until": "2024-01-01"}, "since"),
])
def test_counts_bad_requests(client, params, name):
    r = client.get("/counts", params=params)
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"] == ["query", name]


# -- the command line ------------------------------------------------------------------------
def _cli(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tidings.cli", "--db", db, "events", *args],
                          capture_output=True, text=True, timeout=120)


def test_cli_events_filters_and_shows_counts(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    counted.fill(db)
    out = _cli(db, "--min-dead", "10", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    assert {json.loads(line)["event_id"] for line in out.stdout.splitlines()} == {KHARKIV,
                                                                                  GUSAU}
    out = _cli(db, "--min-confidence", "0.6", "--has-counts", "hostages", "--format", "csv")
    assert [r["event_id"] for r in csv.DictReader(io.StringIO(out.stdout))] == [GUSAU]
    table = _cli(db, "--has-counts", "dead").stdout
    assert ">=30" in table and "0.90" in table and "Doha" not in table
    bad = _cli(db, "--has-counts", "zombies")
    assert bad.returncode != 0 and "has_counts" in bad.stderr and "zombies" in bad.stderr


def test_events_sort_by_deaths_and_confidence_page_by_page(client):
    for sort, expected in (("-dead", [GUSAU, KHARKIV, SUDAN, UNDATED]),
                           ("-confidence", [GUSAU, KHARKIV, UNDATED, ISTANBUL, SUDAN])):
        seen: list[str] = []
        cursor = None
        while True:
            params = {"sort": sort, "limit": 2, **({"cursor": cursor} if cursor else {})}
            body = client.get("/events", params=params).json()
            seen += [e["event_id"] for e in body["events"]]
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert seen[:len(expected)] == expected  # then the events without one, last
        assert set(seen) == ALL and len(seen) == len(ALL)
