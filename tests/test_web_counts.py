"""Counts and confidence in the dashboard, in a real browser (as tests/test_web.py): the
evidence panel's counts and confidence, the confidence slider and the dead filter, and map
circles sized by deaths, over hand-made counted events (tests/counted.py)."""

from __future__ import annotations

import re

import pytest

from tidings.web.api import create_app

from . import counted, test_web
from .counted import DOHA, GUSAU, KHARKIV, UNDATED
from .databases import BACKENDS, fresh_db
from .servers import serve_app
from .test_web import api, open_view, wait_ready

browser, page = test_web.browser, test_web.page  # the fixtures: chromium, a fresh page


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    with fresh_db(request.param, tmp_path_factory.mktemp("web-counts")) as db:
        counted.fill(db)
        yield from serve_app(create_app(db))


def _rows(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator("#events-table tr.event-row").evaluate_all(
        "rows => rows.map(r => r.dataset.eventId)")


def test_the_evidence_panel_shows_counts_and_confidence(page, server):
    open_view(page, server, f"events?event={GUSAU}")
    detail = page.locator("#event-detail")
    detail.locator(".mention").first.wait_for()
    counts = detail.locator("#event-counts li")
    assert counts.all_inner_texts() == [
        "dead: at least 30 (2 reports), Civilians (CVL)",
        "hostages: 5 (1 report), Civilians (CVL)"]
    assert detail.locator("#event-confidence").inner_text() == "0.90"
    metas = detail.locator(".mention .meta").all_inner_texts()
    assert any("dead at least 30, hostages 5" in m and "confidence 0.90" in m for m in metas)
    # the highest figure of three reports: one gave 12, two "at least 8" (in the tooltip)
    open_view(page, server, f"events?event={KHARKIV}")
    detail.locator(".mention").first.wait_for()
    dead = detail.locator("#event-counts li[data-kind=dead]")
    assert dead.inner_text() == "dead: 12 (1 report of 3), Military (MIL)"
    assert dead.get_attribute("title") == "other reports: at least 8, at least 8"
    # an event with neither says so, and shows no figures in its mentions
    open_view(page, server, f"events?event={DOHA}")
    detail.locator(".mention").first.wait_for()
    assert detail.locator("#event-counts").count() == 0
    assert "Counts\nnone reported" in detail.inner_text()
    assert detail.locator("#event-confidence").inner_text() == "not scored"
    assert "confidence" not in detail.locator(".mention .meta").first.inner_text()
    # a range, as its report worded it
    open_view(page, server, f"events?event={UNDATED}")
    detail.locator(".mention").first.wait_for()
    assert detail.locator("#event-counts li").inner_text() == "dead: 2–4 (1 report)"


def test_the_confidence_slider_and_the_dead_filter(page, server):
    open_view(page, server, "events")
    everything = set(_rows(page))
    assert len(everything) == 6
    assert page.locator("#min-confidence-value").inner_text() == "any"
    page.fill("#filters input[name=min_confidence]", "0.6")
    assert page.locator("#min-confidence-value").inner_text() == "0.60"
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"min_confidence=0\.6"))
    wait_ready(page)
    expected = {e["event_id"] for e in api(server, "/events", min_confidence=0.6)["events"]}
    assert set(_rows(page)) == expected == {KHARKIV, GUSAU, UNDATED}
    assert page.locator("#events-total").inner_text().startswith("3 events")
    # the map of the same filter shows only those events' places, the slider where it was
    open_view(page, server, "map?min_confidence=0.6")
    assert page.locator("#filters input[name=min_confidence]").input_value() == "0.6"
    assert page.locator("#min-confidence-value").inner_text() == "0.60"
    places = page.locator("circle.place").evaluate_all("cs => cs.map(c => c.dataset.place)")
    assert sorted(places) == ["Gusau", "Kharkiv"]
    # with the dead filter too; then back to 0 on the slider: no filter at all
    open_view(page, server, "events?min_confidence=0.6")
    page.fill("#filters input[name=min_dead]", "20")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"min_dead=20"))
    wait_ready(page)
    assert _rows(page) == [GUSAU]
    page.fill("#filters input[name=min_dead]", "")
    page.fill("#filters input[name=min_confidence]", "0")
    page.click("#filters button[type=submit]")
    page.wait_for_function("!location.hash.includes('min_')")
    wait_ready(page)
    assert set(_rows(page)) == everything  # unscored events are back
    assert page.locator("#min-confidence-value").inner_text() == "any"


def test_map_circles_are_sized_by_deaths(page, server):
    data = api(server, "/places")
    dead = {p["name"]: p["dead"] for p in data["places"]}
    assert dead == {"Gusau": 30, "Kharkiv": 12, "Istanbul": 0, "Doha": 0}
    open_view(page, server, "map")
    svg = page.locator("svg#event-map")
    radius = {name: float(svg.locator(f"circle.place[data-place='{name}']").get_attribute("r"))
              for name in dead}
    assert radius["Gusau"] > radius["Kharkiv"] > radius["Doha"] == radius["Istanbul"] == 3
    tooltip = svg.locator("circle.place[data-place='Gusau'] title").text_content()
    assert "1 event(s), 30 dead" in tooltip
    legend = page.locator("#map-legend").inner_text()
    assert "Circle size: deaths reported at the place" in legend
    assert "30 dead" in legend and "none reported" in legend
    assert "size: deaths reported there" in page.locator("#map-note").inner_text()
