"""The HTTP API over a database filled from the test corpus: every endpoint, every filter,
pagination and sorting, the evidence with its highlighted spans, dyad time series, actors,
the network, coding text on demand, and bad input (always 4xx with a message, never 500)."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tidings.pipeline import ingest
from tidings.sources.reader import read_source
from tidings.store.database import EVENT_COLUMNS, open_store
from tidings.web.api import create_app, decode_cursor, encode_cursor, highlight

from .databases import BACKENDS, fresh_db

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
@pytest.fixture(scope="module", params=BACKENDS)
def client(request, tmp_path_factory, coder):  # type: ignore[no-untyped-def]
    """The API over the test corpus: a DuckDB file, or a fresh PostgreSQL schema."""
    with fresh_db(request.param, tmp_path_factory.mktemp("api")) as db:
        store = open_store(db)
        try:
            ingest(read_source(str(CORPUS)), store, coder)
        finally:
            store.close()
        with TestClient(create_app(db, coder_factory=lambda: coder)) as c:
            yield c


def get(client: TestClient, url: str, **params: object) -> dict:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def events(client: TestClient, **params: object) -> list[dict]:
    return get(client, "/events", **params)["events"]


def triples(rows: list[dict]) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["code"]) for e in rows}


def visit_id(client: TestClient) -> str:
    (e,) = events(client, source="IRNGOV", target="QATGOV")
    return e["event_id"]


def assert_bad(client: TestClient, url: str, status: int = 422, **params: object) -> str:
    r = client.get(url, params=params)
    assert r.status_code == status, (url, params, r.status_code, r.text)
    detail = r.json()["detail"]
    assert detail
    return json.dumps(detail)


ALL = {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043"), ("TURCOP", "TUREDU", "173"),
       ("IGOEUREEC", "BLR", "163"), ("BLR", "IGOEUREEC", "111")}


# -- health, docs ----------------------------------------------------------------------------
def test_health_and_docs(client):
    body = get(client, "/health")
    assert body["status"] == "ok"
    assert body["counts"]["articles"] == 7 and body["counts"]["events"] == 5
    spec = get(client, "/openapi.json")
    assert {"/events", "/events/{event_id}", "/dyads/{a}/{b}/timeseries", "/actors",
            "/actors/{code}", "/network", "/places", "/ontology", "/code",
            "/health"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


# -- /events ---------------------------------------------------------------------------------
def test_events_all_and_the_visit(client):
    body = get(client, "/events")
    assert body["count"] == body["total"] == 5 and body["next_cursor"] is None
    assert triples(body["events"]) == ALL
    visit = next(e for e in body["events"] if e["source"] == "IRNGOV")
    assert set(visit) == set(EVENT_COLUMNS)
    assert visit["date"] == "2024-03-10" and visit["num_mentions"] == 4
    assert visit["place_name"] == "Doha" and visit["place_country"] == "QAT"


@pytest.mark.parametrize(("params", "expected"), [
    ({"actor": "IRN"}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
    ({"actor": "irngov"}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
    ({"actor": "BLR"}, {("IGOEUREEC", "BLR", "163"), ("BLR", "IGOEUREEC", "111")}),
    ({"source": "TUR"}, {("TURCOP", "TUREDU", "173")}),
    ({"target": "TUREDU"}, {("TURCOP", "TUREDU", "173")}),
    ({"source": "IGO", "target": "BLR"}, {("IGOEUREEC", "BLR", "163")}),
    ({"dyad": "IRN-QAT"}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
    ({"dyad": "QATGOV-IRN"}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
    ({"dyad": "IRN-BLR"}, set()),
    ({"code": "17"}, {("TURCOP", "TUREDU", "173")}),
    ({"code": "042"}, {("IRNGOV", "QATGOV", "042")}),
    ({"root": "04"}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
    ({"root": "4"}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
    ({"root": "16"}, {("IGOEUREEC", "BLR", "163")}),
    ({"plover": "SANCTION"}, {("IGOEUREEC", "BLR", "163")}),
    ({"plover": "coerce"}, {("TURCOP", "TUREDU", "173")}),
    ({"plover": "ASSAULT"}, set()),
    ({"quad_class": 1}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
    ({"quad_class": 3}, {("BLR", "IGOEUREEC", "111")}),
    ({"quad_class": 4}, {("TURCOP", "TUREDU", "173"), ("IGOEUREEC", "BLR", "163")}),
    ({"quad_class": 2}, set()),
    ({"since": "2024-03-11"}, {("TURCOP", "TUREDU", "173"), ("IGOEUREEC", "BLR", "163"),
                               ("BLR", "IGOEUREEC", "111")}),
    ({"until": "2024-03-11"}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043"),
                               ("TURCOP", "TUREDU", "173")}),
    ({"since": "2024-03-11", "until": "2024-03-11"}, {("TURCOP", "TUREDU", "173")}),
    ({"since": "2024-03-10", "until": "2024-03-10"}, {("IRNGOV", "QATGOV", "042"),
                                                      ("QATGOV", "IRNGOV", "043")}),
    ({"country": "TUR"}, {("TURCOP", "TUREDU", "173")}),
    ({"country": "qat"}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
    ({"place": "doh"}, {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
    ({"place": "ISTANBUL"}, {("TURCOP", "TUREDU", "173")}),
    ({"q": "ARRESTED"}, {("TURCOP", "TUREDU", "173")}),
    # every word, in any order, each a substring ("on" is in "condemned" too)
    ({"q": "sanctions on"}, {("IGOEUREEC", "BLR", "163"), ("BLR", "IGOEUREEC", "111")}),
    ({"q": "sanctions imposed"}, {("IGOEUREEC", "BLR", "163")}),
    ({"q": "  BELARUS   condemned "}, {("BLR", "IGOEUREEC", "111")}),
    ({"q": "%"}, set()),  # a literal percent sign, not a wildcard
    ({"q": "_"}, set()),
    ({"place": "%"}, set()),
    ({"actor": "IRN", "quad_class": 1, "place": "Doha", "code": "04", "country": "QAT"},
     {("IRNGOV", "QATGOV", "042"), ("QATGOV", "IRNGOV", "043")}),
])
def test_event_filters(client, params, expected):
    body = get(client, "/events", **params)
    assert triples(body["events"]) == expected
    assert body["total"] == len(expected)


@pytest.mark.parametrize("sort", ["date", "-date", "goldstein", "-goldstein", "num_mentions",
                                  "-num_mentions"])
def test_sorting(client, sort):
    rows = events(client, sort=sort)
    column = sort.lstrip("-")
    keys = [(r[column], r["event_id"]) for r in rows]
    if sort.startswith("-"):
        assert [k for k, _ in keys] == sorted((k for k, _ in keys), reverse=True)
    else:
        assert keys == sorted(keys)
    assert len(rows) == 5


def test_sorting_orders_goldstein_values(client):
    rows = events(client, sort="-goldstein")
    assert [r["goldstein"] for r in rows] == [2.8, 1.9, -2.0, -5.0, -8.0]
    assert events(client, sort="goldstein")[0]["code"] == "163"
    assert events(client, sort="-num_mentions")[0]["num_mentions"] == 4


@pytest.mark.parametrize("sort", ["date", "-date", "goldstein", "-goldstein", "num_mentions",
                                  "-num_mentions"])
def test_pagination_walks_every_page(client, sort):
    everything = [e["event_id"] for e in events(client, sort=sort)]
    seen, cursor, pages = [], None, 0
    while True:
        params = {"sort": sort, "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = get(client, "/events", **params)
        assert body["count"] == len(body["events"]) <= 2
        seen += [e["event_id"] for e in body["events"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
        assert re.fullmatch(r"[A-Za-z0-9_-]+", cursor)
    assert pages == 3
    assert seen == everything  # the same order, no duplicates, no gaps


def test_pagination_with_filters_and_cursor_round_trip(client):
    first = get(client, "/events", actor="IRN", limit=1)
    assert first["count"] == 1 and first["total"] == 2 and first["next_cursor"]
    second = get(client, "/events", actor="IRN", limit=1, cursor=first["next_cursor"])
    assert second["next_cursor"] is None
    assert {first["events"][0]["event_id"], second["events"][0]["event_id"]} == {
        e["event_id"] for e in events(client, actor="IRN")}
    # The cursor is base64url JSON of the last row's sort key and id.
    cursor = encode_cursor("-goldstein", 1.9, "abc")
    assert decode_cursor(cursor, "-goldstein") == (1.9, "abc")
    raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert raw["id"] == "abc"
    import datetime as dt

    assert decode_cursor(encode_cursor("date", dt.date(2024, 3, 10), "x"), "date") == (
        dt.date(2024, 3, 10), "x")
    assert decode_cursor(encode_cursor("date", None, "x"), "date") == (None, "x")


def test_csv_format(client):
    r = client.get("/events", params={"format": "csv", "actor": "IRN"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and list(rows[0]) == list(EVENT_COLUMNS)
    visit = next(x for x in rows if x["source"] == "IRNGOV")
    assert visit["date"] == "2024-03-10" and visit["code"] == "042"
    assert visit["num_mentions"] == "4" and visit["place_name"] == "Doha"
    paged = client.get("/events", params={"format": "csv", "limit": 2})
    assert len(list(csv.DictReader(io.StringIO(paged.text)))) == 2
    assert paged.headers["x-next-cursor"]


# -- /events/{id} ----------------------------------------------------------------------------
def test_event_detail_with_evidence(client):
    eid = visit_id(client)
    body = get(client, f"/events/{eid}")
    assert body["event_id"] == eid and body["code"] == "042" and len(body["mentions"]) == 4
    assert {m["article_id"] for m in body["mentions"]} == {"a-1", "b-1", "c-1"}
    assert {m["source_name"] for m in body["mentions"]} == {"Wire A", "Wire B", "Daily C"}
    for m in body["mentions"]:
        assert m["url"].startswith("https://") and m["published"].startswith("2024-03-")
        assert m["rule"].startswith("verbs:") and isinstance(m["sentence_index"], int)
        text = m["sentence"]
        s0, s1 = m["spans"]["source"]
        a0, a1 = m["spans"]["action"]
        assert 0 <= s0 < s1 <= len(text) and 0 <= a0 < a1 <= len(text)
        marked = re.search(r'<mark class="source">(?:<mark class="target">)?(.*?)</mark>',
                           m["highlighted"]).group(1)
        assert marked.replace("&#x27;", "'") == text[s0:s1]
        action = re.search(r'<mark class="action">(.*?)</mark>', m["highlighted"]).group(1)
        assert action == text[a0:a1]
        # Without the marks the highlighted text is the sentence, escaped.
        plain = re.sub(r"</?mark[^>]*>", "", m["highlighted"]).replace("&#x27;", "'")
        assert plain == text
    # The second sentence of wire A: offsets are within the sentence, not the article.
    second = next(m for m in body["mentions"] if m["sentence_index"] == 1)
    assert second["sentence"].startswith("The two ministers")
    assert second["spans"]["source"] == [0, 17]
    assert second["highlighted"].startswith(
        '<mark class="source"><mark class="target">The two ministers</mark></mark> '
        '<mark class="action">discussed</mark>')
    b1 = next(m for m in body["mentions"] if m["article_id"] == "b-1")
    assert re.search(r'<mark class="source">(.*?)</mark>', b1["highlighted"]).group(1) == (
        "the Iranian foreign minister")


def test_event_detail_caps_its_mentions(client):
    eid = visit_id(client)
    whole = get(client, f"/events/{eid}")
    assert len(whole["mentions"]) == whole["mentions_total"] == 4
    assert whole["mentions_truncated"] is False
    two = get(client, f"/events/{eid}", max_mentions=2)
    assert two["mentions"] == whole["mentions"][:2]  # the oldest articles first
    assert two["mentions_total"] == 4 and two["mentions_truncated"] is True
    assert "max_mentions" in assert_bad(client, f"/events/{eid}", max_mentions=0)
    assert "max_mentions" in assert_bad(client, f"/events/{eid}", max_mentions=1001)


def test_highlight_is_safe():
    text = "A <b>&</b> met B."
    out = highlight(text, {"source": [0, 1], "target": [15, 16], "action": [11, 14]})
    assert out == ('<mark class="source">A</mark> &lt;b&gt;&amp;&lt;/b&gt; '
                   '<mark class="action">met</mark> <mark class="target">B</mark>.')
    # Missing, empty, out-of-range and crossing spans are left out, never an error.
    assert highlight("abc", {"source": None, "target": [2, 2], "action": [5, 9]}) == "abc"
    crossing = highlight("abcdef", {"source": [0, 4], "target": [2, 6], "action": None})
    assert crossing == '<mark class="source">abcd</mark>ef'
    nested = highlight("abcdef", {"source": [0, 6], "target": [2, 4], "action": [-3, 1]})
    assert nested == ('<mark class="source"><mark class="action">a</mark>b'
                      '<mark class="target">cd</mark>ef</mark>')


def test_unknown_event_is_404(client):
    assert "no event" in assert_bad(client, "/events/0000000000", status=404)
    assert_bad(client, "/events/" + "x" * 200)


# -- /dyads ----------------------------------------------------------------------------------
def test_dyad_timeseries(client):
    day = get(client, "/dyads/IRN/QAT/timeseries", interval="day")
    assert day["a"] == "IRN" and day["b"] == "QAT"
    (ab,) = day["a_to_b"]
    assert ab == {"period": "2024-03-10", "q1": 1, "q2": 0, "q3": 0, "q4": 0, "count": 1,
                  "goldstein_sum": 1.9, "goldstein_mean": 1.9}
    (ba,) = day["b_to_a"]
    assert ba["count"] == 1 and ba["q1"] == 1 and ba["goldstein_sum"] == pytest.approx(2.8)
    (both,) = day["both"]
    assert both["count"] == 2 and both["q1"] == 2
    assert both["goldstein_sum"] == pytest.approx(4.7)
    assert both["goldstein_mean"] == pytest.approx(2.35)
    week = get(client, "/dyads/IRN/QAT/timeseries", interval="week")
    assert [p["period"] for p in week["both"]] == ["2024-03-04"]  # Sunday 10th: week of Mon 4th
    assert week["both"][0]["count"] == 2
    month = get(client, "/dyads/irn/qatgov/timeseries", interval="month")
    assert month["both"][0]["period"] == "2024-03-01" and month["both"][0]["count"] == 2
    assert month["a_to_b"][0]["goldstein_mean"] == pytest.approx(1.9)
    # Default interval is the day; date bounds apply.
    assert get(client, "/dyads/IRN/QAT/timeseries")["interval"] == "day"
    empty = get(client, "/dyads/IRN/QAT/timeseries", since="2024-03-11")
    assert empty["a_to_b"] == empty["b_to_a"] == empty["both"] == []
    bounded = get(client, "/dyads/QAT/IRN/timeseries", since="2024-03-10", until="2024-03-10")
    assert bounded["a_to_b"][0]["goldstein_sum"] == pytest.approx(2.8)


def test_dyad_timeseries_quad_classes_and_gaps(client):
    eu = get(client, "/dyads/IGOEUREEC/BLR/timeseries", interval="day")
    (ab,) = eu["a_to_b"]
    assert ab["q4"] == 1 and ab["goldstein_mean"] == pytest.approx(-8.0)
    (ba,) = eu["b_to_a"]
    assert ba["q3"] == 1 and ba["goldstein_sum"] == pytest.approx(-2.0)


def test_series_fills_gaps_with_zeros():
    import datetime as dt

    from tidings.web.series import series as _series

    rows = [(dt.date(2024, 1, 30), 1, 2.0), (dt.date(2024, 3, 2), 4, -8.0),
            (dt.date(2024, 3, 3), 4, -6.0)]
    months = _series(rows, "month")
    assert [p["period"] for p in months] == ["2024-01-01", "2024-02-01", "2024-03-01"]
    assert months[1]["count"] == 0 and months[1]["goldstein_mean"] is None
    assert months[2]["q4"] == 2 and months[2]["goldstein_mean"] == pytest.approx(-7.0)
    weeks = _series(rows, "week")
    assert weeks[0]["period"] == "2024-01-29" and weeks[-1]["period"] == "2024-02-26"
    assert len(weeks) == 5 and sum(p["count"] for p in weeks) == 3
    assert len(_series(rows, "day")) == 34


def test_dyad_timeseries_bad_input(client):
    assert "interval" in assert_bad(client, "/dyads/IRN/QAT/timeseries", interval="decade")
    assert "after" in assert_bad(client, "/dyads/IRN/QAT/timeseries", since="2024-03-12",
                                 until="2024-03-01")
    assert_bad(client, "/dyads/IRN/QAT/timeseries", since="2024-13-01")
    assert "actor code" in assert_bad(client, "/dyads/IR%25N/QAT/timeseries")


# -- /actors ---------------------------------------------------------------------------------
def test_actors(client):
    body = get(client, "/actors")
    rows = body["actors"]
    assert body["count"] == len(rows) == 6
    assert set(rows[0]) == {"code", "country", "agent", "name", "text", "num_events"}
    counts = [r["num_events"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    irn = next(r for r in rows if r["code"] == "IRNGOV")
    assert irn["country"] == "IRN" and irn["agent"] == "GOV" and irn["num_events"] == 2
    assert [r["code"] for r in get(client, "/actors", q="tur")["actors"]] == ["TURCOP",
                                                                               "TUREDU"]
    assert [r["code"] for r in get(client, "/actors", q="european")["actors"]] == ["IGOEUREEC"]
    assert get(client, "/actors", q="%")["actors"] == []
    assert len(get(client, "/actors", limit=2)["actors"]) == 2
    assert_bad(client, "/actors", limit=0)
    assert_bad(client, "/actors", limit=5000)


def test_actor_detail(client):
    body = get(client, "/actors/IRNGOV")
    assert body["code"] == "IRNGOV" and body["name"] == "Iran government"
    assert body["text"] == "The Iranian foreign minister"
    assert body["as_source"] == 1 and body["as_target"] == 1 and body["num_events"] == 2
    assert body["first_date"] == body["last_date"] == "2024-03-10"
    (partner,) = body["top_partners"]
    assert partner["code"] == "QATGOV" and partner["count"] == 2
    assert partner["mean_goldstein"] == pytest.approx(2.35)
    assert {c["code"] for c in body["top_codes"]} == {"042", "043"}
    blr = get(client, "/actors/blr")
    assert blr["as_source"] == 1 and blr["as_target"] == 1
    assert blr["top_partners"][0]["mean_goldstein"] == pytest.approx(-5.0)
    assert blr["first_date"] == "2024-03-13"


def test_unknown_actor_is_404(client):
    assert "no events" in assert_bad(client, "/actors/XYZGOV", status=404)
    assert "actor code" in assert_bad(client, "/actors/IRN%25")


# -- /network --------------------------------------------------------------------------------
def test_network(client):
    body = get(client, "/network")
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert len(edges) == 5
    assert edges[("IGOEUREEC", "BLR")]["count"] == 1
    assert edges[("IGOEUREEC", "BLR")]["mean_goldstein"] == pytest.approx(-8.0)
    nodes = {n["id"]: n["count"] for n in body["nodes"]}
    assert nodes == {"IRNGOV": 2, "QATGOV": 2, "BLR": 2, "IGOEUREEC": 2, "TURCOP": 1,
                     "TUREDU": 1}
    filtered = get(client, "/network", quad_class=4)
    assert {(e["source"], e["target"]) for e in filtered["edges"]} == {
        ("TURCOP", "TUREDU"), ("IGOEUREEC", "BLR")}
    dyad = get(client, "/network", dyad="IRN-QAT")
    assert {n["id"] for n in dyad["nodes"]} == {"IRNGOV", "QATGOV"}
    assert len(get(client, "/network", max_edges=2)["edges"]) == 2
    assert get(client, "/network", since="2025-01-01") == {"nodes": [], "edges": []}
    assert_bad(client, "/network", max_edges=0)
    assert_bad(client, "/network", max_edges=2001)
    assert_bad(client, "/network", dyad="IRN")
    assert_bad(client, "/network", since="2024-03-12", until="2024-03-01")


# -- /places, /ontology, the dashboard's files ---------------------------------------------
def test_places(client):
    body = get(client, "/places")
    places = {p["name"]: p for p in body["places"]}
    assert places["Doha"]["country"] == "QAT" and places["Doha"]["count"] == 2
    assert places["Doha"]["lat"] == pytest.approx(25.29, abs=0.1)
    assert places["Doha"]["lon"] == pytest.approx(51.53, abs=0.1)
    assert places["Doha"]["mean_goldstein"] == pytest.approx((1.9 + 2.8) / 2)
    assert places["Doha"]["feature"] == "city"
    countries = {c["country"]: c["count"] for c in body["countries"]}
    assert countries["QAT"] == 2 and countries["TUR"] == 1
    assert sum(countries.values()) + body["unplaced"] == 5
    only_turkey = get(client, "/places", country="TUR")
    assert [c["country"] for c in only_turkey["countries"]] == ["TUR"]
    assert all(p["country"] == "TUR" for p in only_turkey["places"])
    assert get(client, "/places", since="2025-01-01") == {"places": [], "countries": [],
                                                         "unplaced": 0}
    assert_bad(client, "/places", limit=0)
    assert_bad(client, "/places", root="99")


def test_ontology(client):
    body = get(client, "/ontology")
    codes = {c["code"]: c for c in body["cameo"]}
    assert len(codes) == 296 and codes["042"]["plover"] == "CONSULT"
    assert codes["190"]["quad_class"] == 4 and codes["190"]["goldstein"] == -10.0
    assert {"AGREE", "ASSAULT"} <= set(body["plover"]) and len(body["plover"]) == 16
    assert body["quad_classes"]["3"] == "verbal conflict"
    names = body["actor_names"]
    assert names["countries"]["IRN"] == "Iran" and names["agents"]["GOV"] == "Government"
    assert names["organizations"]["IGOUNO"] == "United Nations"
    roots = [r["code"] for r in body["roots"]]
    assert roots == [f"{i:02d}" for i in range(1, 21)]
    assert body["roots"][3]["name"] == "Consult"


def test_dashboard_files_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/static/app.js">' in page.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200
    world = client.get("/static/world.geojson", headers={"Accept-Encoding": "gzip"})
    assert world.status_code == 200 and world.headers.get("content-encoding") == "gzip"
    outline = world.json()
    iso3 = {f["properties"]["iso3"] for f in outline["features"]}
    assert {"IRN", "CHN", "USA", "BRA", "AUS"} <= iso3
    assert client.get("/static/../api.py").status_code == 404
    assert "/" not in get(client, "/openapi.json")["paths"]


# -- POST /code ------------------------------------------------------------------------------
def test_code_text(client):
    r = client.post("/code", json={"text": "Turkish police arrested dozens of students in "
                                           "Ankara on Monday.", "date": "2024-05-02"})
    assert r.status_code == 200, r.text
    (event,) = [e for e in r.json()["events"] if e["root"] == "17"]
    assert event["source"] == "TURCOP" and event["code"] == "173"
    assert event["action_text"] == "arrested" and event["spans"]["source"] == [0, 14]
    # dated and placed as ingest would: "on Monday" before Thursday 2 May 2024, in Ankara
    assert event["date"] == "2024-04-29" and event["date_source"].startswith("text:")
    assert event["place"]["name"] == "Ankara" and event["place"]["country"] == "TUR"
    # Nothing was stored.
    assert get(client, "/health")["counts"]["events"] == 5
    no_date = client.post("/code", json={"text": "Iran condemned Israel."})
    assert no_date.status_code == 200
    assert ("IRN", "ISR", "111") in triples(no_date.json()["events"])


@pytest.mark.parametrize("body", [
    {"text": ""}, {"text": "   "}, {"text": "x" * 100_001}, {}, {"text": 5},
    {"text": "Iran condemned Israel.", "date": "yesterday"},
    {"text": "Iran condemned Israel.", "date": "2024-02-30"},
])
def test_code_bad_input(client, body):
    r = client.post("/code", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["detail"]
    assert all(set(e) == {"loc", "msg", "type"} for e in r.json()["detail"])  # no input
    assert len(r.content) < 1000


def test_code_documents_its_limits(client):
    responses = get(client, "/openapi.json")["paths"]["/code"]["post"]["responses"]
    assert {"200", "400", "413", "422", "503"} <= set(responses)
    assert "Retry-After" in responses["503"]["headers"]


def test_code_without_or_with_broken_body(client):
    for r in (client.post("/code"),
              client.post("/code", content=b"{not json",
                          headers={"content-type": "application/json"})):
        assert 400 <= r.status_code < 500 and r.json()["detail"]


# -- bad input on /events --------------------------------------------------------------------
@pytest.mark.parametrize(("params", "words"), [
    ({"since": "2024-13-01"}, "since"),
    ({"until": "not-a-date"}, "until"),
    ({"since": "2024-03-12", "until": "2024-03-01"}, "after"),
    ({"limit": 0}, "limit"),
    ({"limit": 5000}, "limit"),
    ({"limit": "many"}, "limit"),
    ({"sort": "event_id"}, "sort"),
    ({"sort": "date; DROP TABLE events"}, "sort"),
    ({"cursor": "not a cursor"}, "cursor"),
    ({"cursor": "bm90IGpzb24"}, "cursor"),  # base64 of "not json"
    ({"cursor": encode_cursor("date", "2024-03-10", "x"), "sort": "-goldstein"}, "cursor"),
    ({"cursor": encode_cursor("goldstein", "high", "x"), "sort": "goldstein"}, "cursor"),
    ({"cursor": encode_cursor("date", "yesterday", "x"), "sort": "date"}, "cursor"),
    ({"dyad": "IRN"}, "dyad"),
    ({"dyad": "IRN-"}, "dyad"),
    ({"dyad": "IRN_ISR"}, "dyad"),
    ({"actor": "IR%"}, "actor"),
    ({"source": "I R N"}, "source"),
    ({"target": "'"}, "target"),
    ({"code": "04a"}, "code"),
    ({"code": "%"}, "code"),
    ({"root": "21"}, "root"),
    ({"root": "00"}, "root"),
    ({"root": "x"}, "root"),
    ({"plover": "HUG"}, "plover"),
    ({"quad_class": 5}, "quad_class"),
    ({"quad_class": 0}, "quad_class"),
    ({"country": "QATAR"}, "country"),
    ({"format": "xml"}, "format"),
])
def test_bad_event_parameters(client, params, words):
    assert words in assert_bad(client, "/events", **params)


def test_concurrent_requests(client):
    from concurrent.futures import ThreadPoolExecutor

    urls = ["/events", "/actors", "/network", "/health", "/dyads/IRN/QAT/timeseries"] * 8
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda u: client.get(u).status_code, urls))
    assert statuses == [200] * len(urls)


def test_a_database_that_cannot_be_opened_is_503_with_its_name(tmp_path):
    db = str(tmp_path / "missing-dir" / "x.duckdb")
    with TestClient(create_app(db)) as c:
        r = c.get("/health")
    assert r.status_code == 503 and "does not exist" in r.json()["detail"]


def test_a_missing_or_empty_database_is_503_saying_how_to_make_one(tmp_path):
    with TestClient(create_app(str(tmp_path / "none.duckdb"))) as c:
        r = c.get("/health")
    assert r.status_code == 503 and "no such database" in r.json()["detail"]
    assert not (tmp_path / "none.duckdb").exists()  # serving never creates a database
    import duckdb

    duckdb.connect(str(tmp_path / "other.duckdb")).close()  # a DuckDB file, not ours
    with TestClient(create_app(str(tmp_path / "other.duckdb"))) as c:
        r = c.get("/health")
    assert r.status_code == 503 and "no tidings tables" in r.json()["detail"]


def test_other_commands_read_the_database_while_it_is_served(client, tmp_path):
    """The API holds DuckDB read-only, so `tidings events` and `export` run beside it; a
    writer is told clearly that the file is in use."""
    backend = client.app.state.backend
    if not backend.db.endswith(".duckdb"):
        pytest.skip("DuckDB's file locking")
    assert get(client, "/health")["counts"]["events"] == 5  # the app holds the file now
    run = [sys.executable, "-m", "tidings.cli", "--db", backend.db]
    out = subprocess.run([*run, "events", "--format", "jsonl", "--limit", "3"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == 3
    exported = subprocess.run([*run, "export", "--format", "csv", "-o",
                               str(tmp_path / "e.csv")], capture_output=True, text=True,
                              timeout=300)
    assert exported.returncode == 0, exported.stderr
    write = subprocess.run([*run, "ingest", str(CORPUS)], capture_output=True, text=True,
                           timeout=300)
    assert write.returncode == 1
    assert "in use by another process" in write.stderr and "Traceback" not in write.stderr


def test_serve_binds_to_loopback(monkeypatch):
    import uvicorn

    from tidings.web.api import serve

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    serve("unused.duckdb")
    assert calls[0][1] == {"host": "127.0.0.1", "port": 8000}
    assert calls[0][0].title == "tidings"


def test_a_cursor_from_a_page_still_works_after_the_data_is_read_again(client):
    body = get(client, "/events", sort="-date", limit=3)
    again = get(client, "/events", sort="-date", limit=3, cursor=body["next_cursor"])
    assert again["count"] == 2 and again["next_cursor"] is None


@pytest.mark.parametrize("url", ["/events?q=truce%00agreed", "/events?place=Ky%00iv",
                                 "/events?actor=I%00ran", "/aggregate?by=country&q=a%00",
                                 "/actors/IR%00N", "/dyads/IRN/IS%00R/timeseries"])
def test_a_nul_character_in_the_url_is_a_422_on_either_database(client, url):
    # (PostgreSQL refuses NUL in text outright: it was a 500 there)
    r = client.get(url)
    assert r.status_code == 422, r.text
    assert "NUL" in r.json()["detail"][0]["msg"]
