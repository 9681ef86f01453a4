"""The API's questions beyond a page of events, on DuckDB and PostgreSQL: actor names where
codes go (and what they resolved to), dictionary names of actors, profiles that count as
/events does, word search, other names of places, GET /aggregate (checked against the
events themselves), the streamed download, interval=auto, and /docs without a network."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tidings.pipeline import ingest
from tidings.sources.reader import read_source
from tidings.store.database import open_store
from tidings.web.api import create_app

from .databases import BACKENDS, fresh_db
from .test_api import get

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
NEWS = [  # more dates, sides of one country, Kyiv by its old name, Hamas, an undated event
    {"id": "x-1", "date": "2023-01-16", "text": "Russian forces shelled Kiev on Monday."},
    {"id": "x-2", "date": "2023-06-20",
     "text": "Iran accused Israel of sabotage. Israel condemned Iran on Tuesday."},
    {"id": "x-3", "date": "2024-02-01", "text": "Hamas fired rockets at Israel. Egypt and "
                                                "Qatar agreed a truce with Hamas in Cairo."},
    {"id": "x-4", "date": "2025-05-05", "text": "The Iranian army arrested Iranian "
                                                "protesters in Tehran. Israel threatened Iran."},
    {"id": "x-5", "text": "Greece criticized Turkey."},
]


@pytest.fixture(scope="module", params=BACKENDS)
def client(request, tmp_path_factory, coder):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("queries")
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in NEWS))
    with fresh_db(request.param, folder) as db:
        store = open_store(db)
        try:
            ingest(read_source(str(CORPUS)), store, coder)
            ingest(read_source(str(news)), store, coder)
        finally:
            store.close()
        with TestClient(create_app(db, coder_factory=lambda: coder)) as c:
            yield c


def ids(client: TestClient, **params: object) -> set[str]:
    return {e["event_id"] for e in get(client, "/events", limit=1000, **params)["events"]}


def bad(client: TestClient, url: str, **params: object) -> str:
    r = client.get(url, params=params)
    assert r.status_code == 422, r.text
    assert len(r.content) < 1000
    return json.dumps(r.json()["detail"])


# -- names where codes go ----------------------------------------------------------------------
def test_names_resolve_to_codes_and_say_so(client):
    iran = get(client, "/events", actor="Iran")
    assert iran["total"] == get(client, "/events", actor="IRN")["total"] >= 5
    assert iran["resolved"] == {"actor": {"Iran": "IRN"}}
    assert get(client, "/events", actor="IRN")["resolved"] == {}
    assert ids(client, dyad="Iran-Israel") == ids(client, dyad="IRN-ISR") != set()
    assert get(client, "/events", dyad="Iran-Israel")["resolved"] == {
        "dyad": {"Iran": "IRN", "Israel": "ISR"}}
    hamas = get(client, "/events", actor="Hamas")
    assert hamas["total"] == 3 and hamas["resolved"] == {"actor": {"Hamas": "PSEREBHMS"}}
    assert ids(client, source="hamas", target="Israel") == ids(client, source="PSEREBHMS",
                                                                 target="ISR")
    assert ids(client, actor="Iran government") == ids(client, actor="IRNGOV") != set()
    assert ids(client, actor="irngov") == ids(client, actor="IRNGOV")  # codes still codes
    csv_text = client.get("/events", params={"actor": "Iran", "format": "csv"}).text
    assert "resolved" not in csv_text and len(csv_text.splitlines()) == iran["total"] + 1


def test_unknown_names_are_422_naming_them(client):
    assert "Atlantis" in bad(client, "/events", actor="Atlantis")
    assert "dyad" in bad(client, "/events", dyad="Iran-Atlantis")
    assert "source" in bad(client, "/events", source="x y z")
    assert "Narnia" in bad(client, "/aggregate", by="actor", target="Narnia")
    assert "Atlantis" in bad(client, "/dyads/Atlantis/ISR/timeseries")


def test_actors_have_dictionary_names(client):
    rows = {r["code"]: r for r in get(client, "/actors", limit=1000)["actors"]}
    assert rows["IRNGOV"]["name"] == "Iran government"
    assert rows["IRNGOV"]["text"] == "The Iranian foreign minister"
    assert rows["IRNMIL"]["name"] == "Iran military"
    assert rows["PSEREBHMS"]["name"] == "Hamas"
    assert rows["IGOEUREEC"]["name"] == "European Union"
    assert rows["TURCOP"]["name"] == "Turkey police"
    found = {r["code"] for r in get(client, "/actors", q="iran")["actors"]}
    assert {"IRN", "IRNGOV", "IRNMIL", "IRNOPP"} <= found
    assert "PSEREBHMS" in {r["code"] for r in get(client, "/actors", q="hamas")["actors"]}


def test_actor_profiles_count_as_events_do(client):
    for code in ["IRN", "IRNGOV", "ISR", "QAT", "IGO", "PSEREBHMS", "TUR"]:
        profile = get(client, f"/actors/{code}")
        events = get(client, "/events", actor=code, limit=1000)["events"]
        assert profile["num_events"] == len(events), code
        assert profile["as_source"] == sum(e["source"].startswith(code) for e in events)
        assert profile["as_target"] == sum(e["target"].startswith(code) for e in events)
    iran = get(client, "/actors/Iran")
    assert iran["code"] == "IRN" and iran["name"] == "Iran"
    assert iran["resolved"] == {"code": {"Iran": "IRN"}}


# -- words and places --------------------------------------------------------------------------
def test_words_in_any_order_and_other_names_of_places(client):
    truce = get(client, "/events", q="truce agreed")["events"]
    assert truce and all("agreed a truce" in e["sentence"] for e in truce)
    assert ids(client, q="agreed truce Cairo") == {e["event_id"] for e in truce}
    assert ids(client, q="truce sabotage") == set()
    kyiv = get(client, "/events", place="Kiev")["events"]
    assert [e["place_name"] for e in kyiv] == ["Kyiv"]
    assert ids(client, place="kyiv") == ids(client, place="Kiev")


# -- GET /aggregate ----------------------------------------------------------------------------
def _all_events(client: TestClient) -> list[dict]:
    text = client.get("/events/download", params={"format": "csv"}).text
    return list(csv.DictReader(io.StringIO(text)))


def _keys(event: dict, dim: str) -> set:
    """The groups an event counts in for one dimension (the contract, in Python)."""
    day = dt.date.fromisoformat(event["date"]) if event["date"] else None
    if dim in ("actor", "country"):
        cols = ("source", "target") if dim == "actor" else ("source_country", "target_country")
        return {event[c] for c in cols if event[c]}
    if dim in ("day", "week", "month", "year"):
        if day is None:
            return set()
        return {{"day": day.isoformat(),
                 "week": (day - dt.timedelta(days=day.weekday())).isoformat(),
                 "month": day.isoformat()[:7], "year": str(day.year)}[dim]}
    value = {"dyad": f"{event['source']}-{event['target']}",
             "place": event["place_name"]}.get(dim, event.get(dim))
    return {value} if value else set()


def _expected(events: list[dict], dims: list[str]) -> dict[tuple, dict]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for e in events:
        first = _keys(e, dims[0])
        second = _keys(e, dims[1]) if len(dims) > 1 else {None}
        if set(dims) == {"actor", "country"}:  # both by side: the side's code and country
            sides = {(e["source"], e["source_country"]), (e["target"], e["target_country"])}
            pairs = {(a, c) if dims[0] == "actor" else (c, a) for a, c in sides if a and c}
        else:
            pairs = {(a, b) for a in first for b in second}
        for key in pairs:
            groups[key].append(e)
    out = {}
    for key, rows in groups.items():
        n = len(rows)
        out[key] = {"events": n, "mentions": sum(int(r["num_mentions"]) for r in rows),
                    "goldstein_mean": sum(float(r["goldstein"]) for r in rows) / n,
                    **{f"q{i}": sum(r["quad_class"] == str(i) for r in rows) / n
                       for i in range(1, 5)}}
    return out


@pytest.mark.parametrize("by", [
    "actor", "country", "source", "target", "source_country", "target_country", "dyad",
    "root", "plover", "place", "day", "week", "month", "year", "country,month",
    "actor,year", "dyad,week", "root,country", "actor,country", "plover,actor"])
def test_aggregate_counts_what_the_events_say(client, by):
    dims = by.split(",")
    body = get(client, "/aggregate", by=by, limit=1000)
    assert body["by"] == dims and body["truncated"] is False and body["resolved"] == {}
    expected = _expected(_all_events(client), dims)
    got = {tuple(r[d] for d in dims) + ((None,) if len(dims) == 1 else ()): r
           for r in body["rows"]}
    assert body["groups"] == len(body["rows"]) == len(expected)
    assert set(got) == set(expected)
    for key, want in expected.items():
        row = got[key]
        assert set(row) == {*dims, "events", "mentions", "goldstein_mean", "q1", "q2", "q3",
                            "q4"}
        for name, value in want.items():
            assert row[name] == pytest.approx(value, abs=1e-6), (key, name)
    counts = [r["events"] for r in body["rows"]]
    assert counts == sorted(counts, reverse=True)  # -events by default


def test_aggregate_periods_sorting_limits_and_filters(client):
    months = get(client, "/aggregate", by="month", sort="key")["rows"]
    assert [r["month"] for r in months] == ["2023-01", "2023-06", "2024-02", "2024-03",
                                            "2025-05"]
    weeks = get(client, "/aggregate", by="week", sort="key")["rows"]
    assert weeks[0]["week"] == "2023-01-16"  # a Monday
    assert all(dt.date.fromisoformat(r["week"]).weekday() == 0 for r in weeks)
    years = get(client, "/aggregate", by="year", sort="key")["rows"]
    assert [r["year"] for r in years] == ["2023", "2024", "2025"]
    gold = [r["goldstein_mean"] for r in get(client, "/aggregate", by="root",
                                             sort="goldstein")["rows"]]
    assert gold == sorted(gold)
    assert [r["events"] for r in get(client, "/aggregate", by="root", sort="events")[
        "rows"]] == sorted(r["events"] for r in get(client, "/aggregate", by="root")["rows"])
    two = get(client, "/aggregate", by="actor", limit=2)
    assert len(two["rows"]) == 2 and two["truncated"] is True and two["groups"] > 2
    iran = get(client, "/aggregate", by="year", actor="Iran")
    assert iran["resolved"] == {"actor": {"Iran": "IRN"}}
    assert sum(r["events"] for r in iran["rows"]) == get(client, "/events", actor="IRN")[
        "total"]
    assert get(client, "/aggregate", by="dyad", since="2030-01-01") == {
        "by": ["dyad"], "rows": [], "groups": 0, "truncated": False, "resolved": {}}


@pytest.mark.parametrize(("params", "word"), [
    ({"by": "planet"}, "by"), ({"by": "actor,actor"}, "by"), ({"by": "a,b,c"}, "by"),
    ({"by": ""}, "by"), ({}, "by"), ({"by": "actor", "limit": 0}, "limit"),
    ({"by": "actor", "limit": 1001}, "limit"), ({"by": "actor", "sort": "name"}, "sort"),
    ({"by": "actor", "root": "99"}, "root"), ({"by": "x" * 200}, "by"),
])
def test_aggregate_bad_requests(client, params, word):
    assert word in bad(client, "/aggregate", **params)


# -- the download ------------------------------------------------------------------------------
def test_download_streams_every_matching_event(client):
    total = get(client, "/events")["total"]
    r = client.get("/events/download", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total
    assert [x["date"] for x in rows if x["date"]] == sorted(x["date"] for x in rows
                                                            if x["date"])
    iran = client.get("/events/download", params={"format": "csv", "actor": "Iran"}).text
    assert len(iran.splitlines()) - 1 == get(client, "/events", actor="IRN")["total"]
    import pyarrow.parquet as pq

    parquet = client.get("/events/download", params={"format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == total and "goldstein" in table.column_names
    plover = client.get("/events/download", params={"format": "plover"})
    lines = [json.loads(x) for x in plover.text.splitlines()]
    # (which events PLOVER has a record for is the export writer's to say)
    assert 0 < len(lines) <= sum(1 for x in rows if x["plover"])
    assert {line["id"] for line in lines} <= {x["event_id"] for x in rows}
    assert "format" in bad(client, "/events/download", format="xlsx")


def test_download_is_not_capped_at_a_page(client, monkeypatch):
    """Many events and small chunks: every row arrives, through many chunks."""
    from tidings.web import download

    monkeypatch.setattr(download, "CHUNK", 64)
    monkeypatch.setattr(download, "QUEUED", 2)
    r = client.get("/events/download", params={"format": "csv"})
    assert len(r.text.splitlines()) - 1 == get(client, "/events")["total"]


# -- dyad series, docs -------------------------------------------------------------------------
def test_dyad_series_interval_auto(client):
    auto = get(client, "/dyads/Iran/Israel/timeseries")
    # 2023-06-20 to 2025-05-05: 686 days, 99 weeks
    assert auto["interval"] == "week" and auto["requested_interval"] == "auto"
    assert len(auto["both"]) == 99 and auto["resolved"] == {"a": {"Iran": "IRN"},
                                                           "b": {"Israel": "ISR"}}
    year = get(client, "/dyads/IRN/ISR/timeseries", interval="year")
    assert [p["period"] for p in year["both"]] == ["2023-01-01", "2024-01-01", "2025-01-01"]
    assert get(client, "/dyads/IRN/QAT/timeseries")["interval"] == "day"
    assert get(client, "/dyads/IRN/QAT/timeseries", interval="month")["interval"] == "month"


def test_docs_load_nothing_from_another_host(client):
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text) + re.findall(
        r"url: '([^']+)'", page.text)
    assert len(urls) >= 4
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
        assert client.get(url).status_code == 200, url
    assert "validatorUrl\": null" in page.text
    assert not re.search(r"https?://", page.text)
    assert client.get("/redoc").status_code == 404


def test_download_of_more_events_than_a_page(tmp_path, coder):
    """1,500 events (the corpus's five, copied with new ids): all of them arrive, in one
    response, where /events gives at most 1,000 a page."""
    db = str(tmp_path / "many.duckdb")
    store = open_store(db)
    try:
        ingest(read_source(str(CORPUS)), store, coder)
        store._execute("INSERT INTO events SELECT e.* REPLACE (e.event_id || '-' || "
                       "CAST(t.i AS VARCHAR) AS event_id) FROM events e, range(1, 300) t(i)")
    finally:
        store.close()
    with TestClient(create_app(db, coder_factory=lambda: coder)) as c:
        assert get(c, "/events")["total"] == 1500
        text = c.get("/events/download", params={"format": "csv", "since": "2024-01-01"}).text
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 1500 and len({r["event_id"] for r in rows}) == 1500
        assert get(c, "/aggregate", by="dyad")["rows"][0]["events"] == 300
