"""The dashboard over a large database (issue 13): 3,009 generated articles, 16,520 events.

The database is made by ``tests/bigdb.py`` without the coder (about 15 s) once per test
session, in DuckDB. Debian's chromium, driven by Playwright as in ``test_web.py``, opens every
view at 1366x900 and checks what a political scientist found wrong on a corpus this size: the
network's labels overlap nothing, organisations are nodes of their own and unknown actors are
left out; the dyad view opens on the busiest pair and breaks its line at empty periods; the
events table fits; the actor profile counts as the table does; and every view is drawn in under
a second. Screenshots of every view land in $TIDINGS_ARTIFACTS/screenshots/big-*.png and the
draw times in $TIDINGS_ARTIFACTS/draw-times.json.
"""

from __future__ import annotations

import json
import re
import time

import httpx
import pytest

from tidings.web.api import create_app

from .bigdb import build
from .servers import serve_app
from .test_web import ARTIFACTS, browser, group_key  # noqa: F401 - browser fixture

pytestmark = pytest.mark.slow  # a browser and a database of 16,520 events: not `make test-fast`

WIDTH, HEIGHT = 1366, 900
BUDGET_MS = 1000


@pytest.fixture(scope="session")
def big_db(tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    db = str(tmp_path_factory.mktemp("bigdb") / "big.duckdb")
    summary = build(db)
    assert summary.events_new >= 15_000
    return db


@pytest.fixture(scope="module")
def big(big_db):  # type: ignore[no-untyped-def]
    """The app over the large database on a free port; yields its base URL."""
    for url in serve_app(create_app(big_db)):
        httpx.get(url + "/health", timeout=30)  # the store is opened on the first request
        yield url


@pytest.fixture
def page(browser, request):  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.set_default_timeout(20_000)
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = request.node.name.replace("[", "-").replace("]", "")
    pg.screenshot(path=str(ARTIFACTS / f"big-{name}.png"), full_page=True)
    context.close()
    assert not errors, f"script errors in the page: {errors}"


def api(server: str, path: str, **params: object) -> dict:
    r = httpx.get(server + path, params=params, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def has_aggregate(server: str) -> bool:
    return httpx.get(server + "/aggregate", params={"by": "year"}, timeout=30).status_code != 404


def open_view(page, server: str, hash_: str, view: str | None = None) -> float:  # type: ignore[no-untyped-def]
    """Load the page afresh on a view; the milliseconds from navigation to its ready marker."""
    page.goto("about:blank")
    start = time.perf_counter()
    page.goto(f"{server}/#/{hash_}")
    view = view or hash_.split("?")[0]
    page.wait_for_selector(f"body[data-ready=true][data-view={view}]")
    return (time.perf_counter() - start) * 1000


# -- the actor grouping the dashboard uses, for expectations -----------------------------------
def busiest_pair(server: str) -> tuple[str, str]:
    names = api(server, "/ontology")["actor_names"]
    pairs: dict[tuple[str, str], int] = {}
    for e in api(server, "/network", since="0001-01-01", max_edges=2000)["edges"]:
        a, b = group_key(e["source"], names), group_key(e["target"], names)
        if a and b and a != b:
            key = (min(a, b), max(a, b))
            pairs[key] = pairs.get(key, 0) + e["count"]
    return max(sorted(pairs), key=lambda k: pairs[k])


# -- every view, drawn in under a second --------------------------------------------------------
VIEWS = [("events", "events"), ("events-actor", "events?actor=IRN"), ("dyad", "dyad"),
         ("dyad-sparse", "dyad?a=NOR&b=CHL"), ("network", "network"),
         ("network-actors-80", "network?group=actor&nodes=80"),
         ("network-drill", "network?actor=IRN"), ("map", "map"),
         ("analysis-month", "analysis?by=month&actor=IRN"),
         ("analysis-dyads", "analysis?by=dyad&since=2022-01-01&until=2022-12-31"),
         ("analysis-country-year", "analysis?by=source_country,year"), ("code", "code")]


def test_every_view_is_drawn_in_under_a_second(page, big):
    """From navigation (a fresh load) and from a click on the menu to the view's ready
    marker; a screenshot of each view at 1366x900."""
    times: dict[str, dict[str, float]] = {}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    open_view(page, big, "events")  # the browser's own first start is not the dashboard's
    for name, hash_ in VIEWS:
        runs = []   # the best of three loads: the machine may be busy with something else
        for _ in range(3):
            wall = open_view(page, big, hash_)
            runs.append((round(wall), round(float(page.evaluate("document.body.dataset.drawnAt")))))
        best = min(runs)
        times[name] = {"load_ms": best[0], "in_page_ms": best[1]}
        assert page.locator("#status.error").count() == 0, page.locator("#status").inner_text()
        page.screenshot(path=str(ARTIFACTS / f"big-view-{name}.png"))
    for view in ["dyad", "network", "map", "analysis", "events"]:   # clicks within the page
        start = time.perf_counter()
        page.click(f"nav a[data-view={view}]")
        page.wait_for_selector(f"body[data-ready=true][data-view={view}]")
        in_page = float(page.evaluate("document.body.dataset.drawMs"))
        times[f"click-{view}"] = {"load_ms": round((time.perf_counter() - start) * 1000),
                                  "in_page_ms": in_page}
    (ARTIFACTS.parent / "draw-times.json").write_text(json.dumps(times, indent=1))
    print(json.dumps(times, indent=1))
    slow = {k: v for k, v in times.items() if v["load_ms"] >= BUDGET_MS}
    assert not slow, f"views drawn in a second or more: {slow}"


# -- the network -------------------------------------------------------------------------------
LABEL_BOXES = """() => [...document.querySelectorAll('#network-graph g.node')].map((g) => {
  const t = g.querySelector('text').getBoundingClientRect();
  const c = g.querySelector('circle').getBoundingClientRect();
  return {id: g.dataset.actor, text: [t.left, t.top, t.right, t.bottom],
          circle: [c.left, c.top, c.right, c.bottom]};
})"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


@pytest.mark.parametrize("hash_", ["network", "network?nodes=80",
                                   "network?group=actor&nodes=80", "network?quad_class=4"],
                         ids=["countries-30", "countries-80", "actors-80", "conflict"])
def test_network_labels_overlap_nothing(page, big, hash_):
    open_view(page, big, hash_, "network")
    boxes = page.evaluate(LABEL_BOXES)
    assert len(boxes) >= 10
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not _overlap(a["text"], b["text"]), (a, b)      # label on label
            assert not _overlap(a["text"], b["circle"]), (a, b)    # label on another node
            assert not _overlap(a["circle"], b["circle"]), (a, b)
    graph = page.locator("svg#network-graph")
    assert graph.get_attribute("data-clear") == "true"
    # the graph fills the panel: nodes reach into every quarter of it
    _, _, width, height = (float(v) for v in graph.get_attribute("viewBox").split())
    transforms = graph.locator("g.node").evaluate_all(
        "ns => ns.map(n => n.getAttribute('transform'))")
    xy = [[float(v) for v in re.findall(r"[-\d.]+", t)] for t in transforms]
    assert {(x > width / 2, y > height / 2) for x, y in xy} == {(False, False), (False, True),
                                                               (True, False), (True, True)}


def test_network_keeps_organisations_apart_leaves_unknowns_out_and_drills_in(page, big):
    open_view(page, big, "network?nodes=30")
    ids = page.locator("g.node").evaluate_all("ns => ns.map(n => n.dataset.actor)")
    assert len(ids) <= 30
    assert "IGO" not in ids and not any(i.startswith("-") for i in ids)
    assert {"IGOUNO", "IGOWSTNAT"} <= set(ids)
    # the cap: the busiest nodes by events
    names = api(big, "/ontology")["actor_names"]
    counts: dict[str, int] = {}
    for e in api(big, "/network", max_edges=500)["edges"]:
        s, t = group_key(e["source"], names), group_key(e["target"], names)
        if s and t:
            counts[s] = counts.get(s, 0) + e["count"]
            if t != s:
                counts[t] = counts.get(t, 0) + e["count"]
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:30]
    assert ids == [k for k, _ in top]
    # every arrow ends at the edge of its target's circle, with a head of fixed size
    ends = page.evaluate("""() => [...document.querySelectorAll('path.edge')].map((p) => {
      const node = document.querySelector(`g.node[data-actor="${p.dataset.target}"]`);
      const [x, y] = node.getAttribute('transform').match(/[-\\d.]+/g).map(Number);
      const r = Number(node.querySelector('circle').getAttribute('r'));
      const end = p.getPointAtLength(p.getTotalLength());
      const marker = document.getElementById(p.getAttribute('marker-end').slice(5, -1));
      return {gap: Math.hypot(end.x - x, end.y - y) - r, units: marker.getAttribute('markerUnits')};
    })""")
    assert ends and all(-0.5 <= e["gap"] <= 3 for e in ends), ends[:5]
    assert {e["units"] for e in ends} == {"userSpaceOnUse"}
    # a click on a node drills in: the network of that actor, then a link to its events
    page.locator("g.node[data-actor='IRN']").click()
    page.wait_for_url(re.compile(r"#/network\?.*actor=IRN"))
    page.wait_for_selector("body[data-ready=true][data-view=network]")
    assert page.locator("g.node.focus").get_attribute("data-actor") == "IRN"
    edges = page.locator("path.edge").evaluate_all(
        "ps => ps.map(p => [p.dataset.source, p.dataset.target])")
    assert edges and all("IRN" in pair for pair in edges)
    page.click("#network-events-link")
    page.wait_for_url(re.compile(r"#/events\?actor=IRN"))
    page.wait_for_selector("body[data-ready=true][data-view=events]")
    assert page.locator("#filters input[name=actor]").input_value() == "IRN"


# -- the dyad view -----------------------------------------------------------------------------
def test_dyad_opens_on_the_busiest_pair_and_breaks_its_line_at_gaps(page, big):
    a, b = busiest_pair(big)
    assert {a, b} == {"RUS", "UKR"}
    open_view(page, big, "dyad")
    assert (page.locator("#dyad-form input[name=a]").input_value(),
            page.locator("#dyad-form input[name=b]").input_value()) == (a, b)
    # two events twelve years apart: a handful of yearly periods, not 640 weeks, and no line
    open_view(page, big, "dyad?a=NOR&b=CHL", "dyad")
    chart = page.locator("svg#dyad-chart")
    assert chart.get_attribute("data-interval") in {"year", "month"}
    assert chart.locator("g.bar").count() <= 160
    assert chart.locator("circle.goldstein-point").count() == 2
    assert chart.locator("polyline.goldstein-line").count() == 0
    # months with gaps: the line joins neighbouring months with events only
    open_view(page, big, "dyad?a=NZL&b=FJI&interval=month", "dyad")
    series = api(big, "/dyads/NZL/FJI/timeseries", interval="month")["both"]
    index = {p["period"]: i for i, p in enumerate(series)}
    runs = [line.split() for line in page.locator("polyline.goldstein-line").evaluate_all(
        "ls => ls.map(l => l.dataset.periods)")]
    for run in runs:
        positions = [index[p] for p in run]
        assert positions == list(range(positions[0], positions[0] + len(run))), run
        assert all(series[i]["count"] for i in positions), run
    assert runs == [["2021-01-01", "2021-02-01", "2021-03-01"], ["2021-07-01", "2021-08-01"]]


# -- the events table and the actor profile ----------------------------------------------------
def test_events_table_fits_at_1366_and_the_profile_counts_as_the_table(page, big):
    open_view(page, big, "events?actor=IRN", "events")
    geometry = page.evaluate("""() => {
      const section = document.querySelector('#events-table').closest('section');
      const s = section.getBoundingClientRect();
      const cells = [...document.querySelectorAll('#events-table tr > :last-child')]
        .map((c) => c.getBoundingClientRect());
      return {right: s.right, width: window.innerWidth, scroll: section.scrollWidth,
              client: section.clientWidth, cells: cells.map((c) => [c.left, c.right])};
    }""")
    assert geometry["scroll"] <= geometry["client"]
    assert len(geometry["cells"]) == 51   # the header and 50 rows
    for left, right in geometry["cells"]:
        assert right <= geometry["right"] + 0.5 and right <= geometry["width"]
        assert right - left >= 60   # the Action column is there, not squeezed away
    # the profile counts what the table lists (every code starting IRN), same filters
    total = api(big, "/events", actor="IRN", limit=1)["total"]
    assert page.locator("#events-total").inner_text().startswith(f"{total} events")
    page.locator("#profile-counts").wait_for()
    as_source = api(big, "/events", source="IRN", limit=1)["total"]
    as_target = api(big, "/events", target="IRN", limit=1)["total"]
    assert page.locator("#profile-counts").inner_text().startswith(
        f"{total} events ({as_source} as source, {as_target} as target)")
    # a long action is cut with an ellipsis and whole in its tooltip
    open_view(page, big, "events?q=sweeping+new+restrictions", "events")
    cell = page.locator("#events-table tbody tr.event-row td:last-child").first
    assert cell.get_attribute("title").startswith("announced sweeping new restrictions")
    assert cell.evaluate("c => c.scrollWidth > c.clientWidth")
    assert cell.evaluate("c => getComputedStyle(c).textOverflow") == "ellipsis"
    links = page.locator("#download-links a")
    formats = [link.get_attribute("data-format") for link in links.all()]
    assert formats == ["csv", "parquet", "plover"]
    assert all("q=sweeping+new+restrictions" in (link.get_attribute("href") or "")
               for link in links.all())


def test_names_resolved_by_the_api_are_shown(page, big):
    """When the API answers with `resolved` ({"actor": {"Iran": "IRN"}}), the page shows
    "Iran → IRN" by the filter; without it, nothing. (The answer is amended here, so the test
    does not wait for the API to learn names.)"""
    def amend(route):  # type: ignore[no-untyped-def]
        response = route.fetch()
        body = response.json()
        body["resolved"] = {"actor": {"Iran": "IRN"}}
        route.fulfill(response=response, json=body)

    if "resolved" in api(big, "/events", actor="Iran", limit=1):   # the API knows names
        open_view(page, big, "events?actor=Iran", "events")
        assert page.locator("#resolved .resolved").inner_text() == "Iran → IRN"
        page.locator("#profile-counts").wait_for()
        assert page.locator(".profile h2").inner_text().startswith("IRN: Iran")
        total = api(big, "/events", actor="IRN", limit=1)["total"]
        assert page.locator("#profile-counts").inner_text().startswith(f"{total} events")
    open_view(page, big, "events?actor=IRN", "events")
    assert page.locator("#resolved").inner_text() == ""
    page.route(re.compile(r"/events\?"), amend)
    open_view(page, big, "events?actor=IRN&root=04", "events")
    assert page.locator("#resolved .resolved").inner_text() == "Iran → IRN"


# -- the analysis view -------------------------------------------------------------------------
def test_analysis_view_tables_and_charts_the_aggregates(page, big):
    if not has_aggregate(big):
        open_view(page, big, "analysis")
        assert page.locator("#analysis-missing").is_visible()
        pytest.skip("the server has no GET /aggregate yet")
    # conflict against cooperation for one country by month
    open_view(page, big, "analysis?by=month&actor=IRN", "analysis")
    data = api(big, "/aggregate", by="month", actor="IRN", sort="key", limit=100)
    assert page.locator("#analysis-table tbody tr").count() == len(data["rows"])
    chart = page.locator("svg#analysis-chart")
    assert chart.get_attribute("data-kind") == "shares"
    assert chart.locator("g.share-bar").count() == len(data["rows"])
    first = data["rows"][0]
    assert page.locator("#analysis-table tbody tr").first.locator("td").first.inner_text() \
        == first["month"]
    # the top dyads of a year, as bars
    open_view(page, big, "analysis?by=dyad&since=2022-01-01&until=2022-12-31", "analysis")
    data = api(big, "/aggregate", by="dyad", since="2022-01-01", until="2022-12-31",
               sort="-events", limit=100)
    assert page.locator("svg#analysis-chart").get_attribute("data-kind") == "bars"
    assert page.locator("#analysis-table tbody tr").count() == len(data["rows"])
    # two dimensions with time: a line per group, broken where a group has no events
    open_view(page, big, "analysis?by=source_country,year", "analysis")
    assert page.locator("svg#analysis-chart").get_attribute("data-kind") == "lines"
    assert page.locator("#download-links a").count() == 3
