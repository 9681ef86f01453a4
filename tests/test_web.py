"""The dashboard in a real browser: Debian's chromium driven by Playwright.

The app runs under uvicorn on a free loopback port over a database made from the bundled
sample articles (what `tidings run` stores): a DuckDB file, and a PostgreSQL schema too when
TIDINGS_TEST_PG names a server. Each test drives the page as a user would and
checks what it shows against the JSON API; screenshots go to $TIDINGS_ARTIFACTS (default
test-artifacts/) for people to look at.

Without playwright or a chromium executable the tests are skipped, unless
TIDINGS_REQUIRE_BROWSER=1 (as `.ci/run` sets), when that is a failure.
"""

from __future__ import annotations

import csv as csv_module
import datetime as dt
import io
import os
import re
import shutil
from pathlib import Path

import httpx
import pytest

from tidings.config import DATA_DIR
from tidings.pipeline import ingest
from tidings.records import Article
from tidings.sources.reader import read_source
from tidings.store.database import open_store
from tidings.web.api import create_app

from .databases import BACKENDS, fresh_db
from .servers import serve_app

REQUIRED = os.environ.get("TIDINGS_REQUIRE_BROWSER") == "1"
ARTIFACTS = Path(os.environ.get("TIDINGS_ARTIFACTS", "test-artifacts")) / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"browser tests required but {reason}")
    pytest.skip(reason)


def _chromium() -> str:
    path = os.environ.get("TIDINGS_CHROMIUM") or shutil.which("chromium") \
        or shutil.which("chromium-browser")
    if not path:
        _unavailable("no chromium executable (apt-get install chromium)")
    return path


# An article as a hostile feed might send it: markup in the text, a script URL.
HOSTILE = Article(id="hostile-1", url="javascript:document.body.dataset.pwned='yes'",
                  source="<img src=x onerror=\"document.body.dataset.pwned='yes'\">",
                  date=dt.date(2024, 6, 3),
                  text="Iran accused Israel of <img src=x onerror=\"document.body.dataset."
                       "pwned='yes'\"> sabotage near Haifa on Monday.")


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory, coder):  # type: ignore[no-untyped-def]
    """The app over the sample database (DuckDB, or a fresh PostgreSQL schema), on a free
    port; yields its base URL."""
    with fresh_db(request.param, tmp_path_factory.mktemp("web")) as db:
        yield from _serve(db, coder)


def _serve(db: str, coder):  # type: ignore[no-untyped-def]
    store = open_store(db)
    try:
        ingest(read_source(str(DATA_DIR / "samples")), store, coder)
        ingest([HOSTILE], store, coder)
    finally:
        store.close()
    yield from serve_app(create_app(db, coder_factory=lambda: coder))


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    executable = _chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):  # type: ignore[no-untyped-def]
    """A fresh laptop-sized page; fails the test on any script error in the page."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.set_default_timeout(20_000)
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = request.node.name.replace("[", "-").replace("]", "")
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()
    assert not errors, f"script errors in the page: {errors}"


def api(server: str, path: str, **params: object) -> dict:
    r = httpx.get(server + path, params=params, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def open_view(page, server: str, hash_: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/#/{hash_}")
    wait_ready(page)


def wait_ready(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("body[data-ready=true]")


def cells(page, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    selector = f"#events-table tbody tr.event-row td:nth-child({column})"
    return [t.strip() for t in page.locator(selector).all_inner_texts()]


# -- the events table, filters and evidence ---------------------------------------------------
def test_events_table_lists_every_event_page_by_page(page, server):
    total = api(server, "/events")["total"]
    assert total > 0
    open_view(page, server, "events")
    assert page.locator("#events-total").inner_text().startswith(f"{total} event")
    more = page.locator("button.more")
    while more.is_visible():
        shown = page.locator("tr.event-row").count()
        more.click()
        page.wait_for_function(
            f"document.querySelectorAll('tr.event-row').length > {shown}")
    assert page.locator("tr.event-row").count() == total
    dates = [d for d in cells(page, 1) if d != "undated"]
    assert dates == sorted(dates, reverse=True)  # newest first; undated events last


def test_filter_then_open_an_event_shows_highlighted_evidence(page, server):
    open_view(page, server, "events")
    page.fill("#filters input[name=actor]", "CHN")
    page.fill("#filters input[name=q]", "special envoy")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"#/events\?actor=CHN.*q=special"))
    wait_ready(page)
    expected = api(server, "/events", actor="CHN", q="special envoy")
    assert page.locator("#events-total").inner_text().startswith(f"{expected['total']} event")
    sources, targets = cells(page, 2), cells(page, 3)
    assert sources and all(s.startswith("CHN") or t.startswith("CHN")
                           for s, t in zip(sources, targets, strict=True))

    # the envoy's meeting in the bundled Tehran sample
    meeting = next(e for e in expected["events"]
                   if (e["source"], e["target"], e["code"]) == ("CHNGOV", "IRNGOV", "042"))
    page.click(f"tr[data-event-id='{meeting['event_id']}']")
    detail = page.locator("#event-detail")
    detail.locator(".mention").first.wait_for()
    assert detail.locator("h2").inner_text().startswith("CHNGOV → IRNGOV")
    assert "China · Government: “Chinese Special Envoy Yue Xiaoyong”" in detail.inner_text()
    assert "042" in detail.inner_text() and "Make a visit" in detail.inner_text()
    evidence = detail.locator(".mention .sentence").first
    assert evidence.locator("mark.source").inner_text() == "Chinese Special Envoy Yue Xiaoyong"
    assert evidence.locator("mark.target").inner_text() == "Iran's special representative"
    assert evidence.locator("mark.action").inner_text() == "met"
    assert detail.locator("code.rule").first.inner_text().startswith("verbs:")
    # the same events as CSV
    csv = httpx.get(server + page.locator("#csv-link").get_attribute("href"), timeout=30)
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    rows = list(csv_module.DictReader(io.StringIO(csv.text)))
    assert sorted(r["event_id"] for r in rows) == sorted(e["event_id"] for e in expected["events"])
    # the open event is part of the address: a reload shows it again
    assert f"event={meeting['event_id']}" in page.url
    page.reload()
    wait_ready(page)
    page.locator("#event-detail mark.action").first.wait_for()
    assert page.locator("tr.selected").get_attribute("data-event-id") == meeting["event_id"]


def test_menus_filter_by_quad_class_and_root(page, server):
    open_view(page, server, "events")
    page.select_option("#filters select[name=quad_class]", "1")
    page.select_option("#filters select[name=root]", "04")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"root=04"))
    wait_ready(page)
    expected = api(server, "/events", quad_class=1, root="04")["total"]
    assert expected > 0
    assert page.locator("tr.event-row").count() == min(expected, 50)
    assert all(code.startswith("04") for code in cells(page, 4))
    page.click("#clear-filters")
    page.wait_for_function("!location.hash.includes('root=')")
    wait_ready(page)
    assert page.locator("#filters select[name=root]").input_value() == ""


def test_a_bad_filter_gets_a_message_not_a_broken_page(page, server):
    open_view(page, server, "events")
    page.fill("#filters input[name=code]", "04x")
    page.click("#filters button[type=submit]")
    wait_ready(page)
    status = page.locator("#status")
    assert "error" in (status.get_attribute("class") or "")
    assert "code" in status.inner_text() and "digits" in status.inner_text()
    page.fill("#filters input[name=code]", "04")
    page.click("#filters button[type=submit]")
    page.wait_for_function("!document.getElementById('status').classList.contains('error')")
    wait_ready(page)
    assert page.locator("tr.event-row").count() > 0


# -- the dyad view ---------------------------------------------------------------------------
def busiest_dated_pair(server: str) -> tuple[str, str]:
    pairs: dict[tuple[str, str], int] = {}
    for e in api(server, "/network", since="0001-01-01", max_edges=2000)["edges"]:
        a, b = e["source"][:3], e["target"][:3]
        if a != b and "-" not in a + b:
            key = (min(a, b), max(a, b))
            pairs[key] = pairs.get(key, 0) + e["count"]
    return max(sorted(pairs), key=lambda k: pairs[k])


def test_dyad_view_draws_cooperation_and_conflict_over_time(page, server):
    a, b = busiest_dated_pair(server)
    open_view(page, server, f"dyad?a={a}&b={b}&interval=month")
    series = api(server, f"/dyads/{a}/{b}/timeseries", interval="month")["both"]
    chart = page.locator("svg#dyad-chart")
    chart.wait_for()
    assert chart.locator("g.bar").count() == len(series)
    drawn = chart.locator("g.bar rect").count()
    assert drawn == sum(1 for p in series for q in "1234" if p[f"q{q}"])
    total = sum(p["count"] for p in series)
    assert page.locator(".summary-cards .card b").first.inner_text() == str(total)
    assert chart.locator("circle.goldstein-point").count() == sum(1 for p in series
                                                                  if p["count"])
    # one direction only, chosen in the form
    page.select_option("#dyad-form select[name=direction]", "a_to_b")
    page.click("#dyad-form button[type=submit]")
    page.wait_for_url(re.compile("direction=a_to_b"))
    wait_ready(page)
    one_way = api(server, f"/dyads/{a}/{b}/timeseries", interval="month")["a_to_b"]
    assert page.locator(".summary-cards .card b").first.inner_text() == \
        str(sum(p["count"] for p in one_way))


def test_dyad_view_with_no_events_says_so(page, server):
    open_view(page, server, "dyad?a=ZZZ&b=YYY")
    assert "No dated events between ZZZ and YYY" in page.locator("#dyad-body").inner_text()


# -- the network -----------------------------------------------------------------------------
def _rgb(style: str) -> tuple[int, int, int]:
    r, g, b = (int(x) for x in re.findall(r"\d+", style)[:3])
    return r, g, b


def group_key(code: str, names: dict) -> str | None:
    """The node the dashboard draws an actor code as when it merges actors: its country, an
    organisation's own code (IGOUNO, IGOWSTNAT), nothing for an unknown country (---)."""
    if not code or code.startswith("-"):
        return None
    if code[:3] in names["countries"]:
        return code[:3]
    for n in range(len(code), 3, -1):
        if code[:n] in names["organizations"]:
            return code[:n]
    return code[:6] if re.match(r"(IGO|NGO|IMG|MNC|INT)", code) else code[:3]


def expected_network(server: str, group: str, cap: int = 30, **filters: object):
    """The nodes (busiest first) and directed links the network view draws."""
    names = api(server, "/ontology")["actor_names"]
    counts: dict[str, int] = {}
    links: set[tuple[str, str]] = set()
    for e in api(server, "/network", max_edges=500, **filters)["edges"]:
        if group == "country":
            s, t = group_key(e["source"], names), group_key(e["target"], names)
        else:
            s, t = e["source"], e["target"]
            s, t = (None, None) if s.startswith("-") or t.startswith("-") else (s, t)
        if not (s and t):
            continue
        links.add((s, t))
        counts[s] = counts.get(s, 0) + e["count"]
        if t != s:
            counts[t] = counts.get(t, 0) + e["count"]
    nodes = [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]]
    keep = set(nodes)
    return nodes, {(s, t) for s, t in links if s in keep and t in keep}


def test_network_draws_actors_and_colours_links_by_goldstein(page, server):
    nodes, links = expected_network(server, "actor")
    open_view(page, server, "network?group=actor")
    graph = page.locator("svg#network-graph")
    graph.wait_for()
    assert graph.locator("g.node").evaluate_all("ns => ns.map(n => n.dataset.actor)") == nodes
    assert graph.locator(".edge").count() == len(links)
    for edge in graph.locator("path.edge").all():
        goldstein = float(edge.get_attribute("data-goldstein"))
        r, g, _ = _rgb(edge.get_attribute("stroke"))
        if goldstein <= -2:
            assert r > g, (goldstein, r, g)   # conflict is red
        elif goldstein >= 2:
            assert g > r, (goldstein, r, g)   # cooperation is green
    # nodes stay inside the drawing
    _, _, width, height = (float(v) for v in graph.get_attribute("viewBox").split())
    for node in graph.locator("g.node").all():
        x, y = (float(v) for v in re.findall(r"[-\d.]+", node.get_attribute("transform")))
        assert 0 <= x <= width and 0 <= y <= height
    # clicking an actor drills in on it; from there, its events, under a profile of the actor
    actor = nodes[0]
    graph.locator(f"g.node[data-actor='{actor}']").click()
    page.wait_for_url(re.compile(rf"#/network\?.*actor={actor}"))
    wait_ready(page)
    assert page.locator("g.node.focus").get_attribute("data-actor") == actor
    page.click("#network-events-link")
    page.wait_for_url(re.compile(r"#/events\?"))
    wait_ready(page)
    assert page.locator("#filters input[name=actor]").input_value() == actor
    total = api(server, "/events", actor=actor)["total"]
    assert page.locator("tr.event-row").count() == min(total, 50)
    # the profile counts what the table lists: every code starting with the actor's
    page.locator("#profile-counts").wait_for()
    assert page.locator("#profile-counts").inner_text().startswith(f"{total} events")
    partners: dict[str, int] = {}
    for e in api(server, "/network", actor=actor, max_edges=2000)["edges"]:
        s_in, t_in = e["source"].startswith(actor), e["target"].startswith(actor)
        other = e["target"] if s_in and not t_in else e["source"] if t_in and not s_in \
            else e["target"]
        partners[other] = partners.get(other, 0) + e["count"]
    top = [k for k, _ in sorted(partners.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]
    links_shown = page.locator("#top-partners li a")
    assert links_shown.all_inner_texts() == top
    assert page.locator("#top-codes li").count() > 0
    links_shown.first.click()  # on to the dyad view of the actor and its first partner
    page.wait_for_url(re.compile(r"#/dyad\?"))
    wait_ready(page)
    assert page.locator("#dyad-form input[name=a]").input_value() == actor


def test_network_follows_the_filter_and_groups_by_country(page, server):
    nodes, _ = expected_network(server, "actor", quad_class=4)
    open_view(page, server, "network?quad_class=4&group=actor")
    assert page.locator("svg#network-graph g.node").count() == len(nodes)
    # the default view merges each country's actors into one node; organisations keep theirs
    page.select_option("#network-form select[name=group]", "country")
    page.wait_for_url(re.compile("group=country"))
    wait_ready(page)
    countries, links = expected_network(server, "country", quad_class=4)
    shown = [n.get_attribute("data-actor") for n in page.locator("g.node").all()]
    assert shown == countries
    assert "IGO" not in shown and not any(n.startswith("-") for n in shown)
    assert page.locator("svg#network-graph .edge").count() == len(links)


# -- the map ---------------------------------------------------------------------------------
def test_map_shows_countries_and_places(page, server):
    data = api(server, "/places")
    open_view(page, server, "map")
    svg = page.locator("svg#event-map")
    svg.wait_for()
    assert svg.locator("path.country").count() > 150
    inside = [p for p in data["places"] if p["feature"] != "country"]
    assert 0 < len(inside) < len(data["places"])  # the samples have both kinds
    assert svg.locator("circle.place").count() == len(inside)
    busiest = data["countries"][0]["country"]
    shaded = svg.locator(f"path.country[data-iso3='{busiest}']")
    assert shaded.get_attribute("fill").startswith("rgba(31,95,168")
    assert svg.locator("path.country[data-iso3='BRA']").get_attribute("fill") == "#dfe3e8" \
        or any(c["country"] == "BRA" for c in data["countries"])
    # a click on a country lists the events placed there
    shaded.dispatch_event("click")
    page.wait_for_url(re.compile(f"country={busiest}"))
    wait_ready(page)
    expected = api(server, "/events", country=busiest)["total"]
    assert page.locator("#events-total").inner_text().startswith(f"{expected} event")
    # and a click on a place, the events at that place
    place = inside[0]
    open_view(page, server, "map")
    page.locator(f"circle.place[data-place='{place['name']}']").click()
    page.wait_for_url(re.compile(r"#/events\?.*place="))
    wait_ready(page)
    assert page.locator("#filters input[name=place]").input_value() == place["name"]
    at_place = api(server, "/events", place=place["name"], country=place["country"])["total"]
    assert at_place >= place["count"]
    assert page.locator("#events-total").inner_text().startswith(f"{at_place} event")


# -- paste a text ----------------------------------------------------------------------------
def test_code_a_pasted_text_highlights_its_events(page, server):
    text = ("Chinese Special Envoy Yue Xiaoyong met Iran's special representative in Tehran "
            "and pledged aid to Afghanistan.")
    before = api(server, "/health")["counts"]
    open_view(page, server, "code")
    page.fill("#code-text", text)
    page.fill("#code-date", "2024-03-02")
    page.click("#code-form button[type=submit]")
    rows = page.locator("#coded-events tbody tr")
    rows.first.wait_for()
    coded = [tuple(r.locator("td").all_inner_texts()[:2]) for r in rows.all()]
    assert ("CHNGOV", "IRNGOV") in coded and ("IRNGOV", "CHNGOV") in coded
    assert ("CHNGOV", "AFG") in coded
    first = rows.first.locator("td").all_inner_texts()
    assert first[6] == "2024-03-02" and first[7] == "Tehran (IRN)"  # dated and placed
    shown = page.locator("#coded-text")
    assert shown.inner_text() == text  # the text itself is untouched
    assert "met" in shown.locator("mark.action").all_inner_texts()
    # pointing at the aid event shows only its words
    aid = next(i for i, (s, t) in enumerate(coded) if (s, t) == ("CHNGOV", "AFG"))
    rows.nth(aid).hover()
    assert shown.locator("mark.target").all_inner_texts() == ["Afghanistan"]
    assert "met" not in shown.locator("mark.action").all_inner_texts()
    assert "nothing was stored" in page.locator("#status").inner_text()
    assert api(server, "/health")["counts"] == before  # coding a text stores nothing


def test_code_page_rejects_empty_text(page, server):
    open_view(page, server, "code")
    page.fill("#code-text", "   ")
    page.click("#code-form button[type=submit]")
    page.wait_for_function("document.getElementById('status').classList.contains('error')")
    assert page.locator("#coded-events").count() == 0


def test_text_from_articles_is_shown_as_text_never_run(page, server):
    (event,) = api(server, "/events", q="sabotage near Haifa")["events"]
    open_view(page, server, f"events?q=sabotage+near+Haifa&event={event['event_id']}")
    detail = page.locator("#event-detail")
    detail.locator(".mention").first.wait_for()
    sentence = detail.locator(".mention .sentence").first
    assert "<img src=x" in sentence.inner_text()  # the markup is visible as text
    assert sentence.locator("img").count() == 0 and detail.locator("img").count() == 0
    assert detail.locator("a[href^='javascript']").count() == 0  # no link to a script URL
    assert "<img" in detail.locator(".mention .meta").first.inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("document.body.dataset.pwned") is None
