"""Data added while the dashboard runs: a real `tidings serve --watch DIR` process, a real
browser on its dashboard, and an article dropped into the watched folder whose event then
shows in the events table (DuckDB: the server is the database's one writer)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from .test_serve_watch import _free_port, _get
from .test_web import ARTIFACTS, browser, wait_ready  # noqa: F401 - the browser fixture

pytestmark = pytest.mark.slow


def test_an_article_dropped_in_while_serving_shows_in_the_table(browser, tmp_path):  # noqa: F811
    watched = tmp_path / "inbox"
    watched.mkdir()
    (watched / "first.txt").write_text("Turkish police arrested dozens of students in Ankara.")
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli", "serve", "--db", str(tmp_path / "live.duckdb"),
         "--port", str(port), "--watch", str(watched), "--every", "1"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "TIDINGS_CODING_WAIT": "5"})
    base = f"http://127.0.0.1:{port}"
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        deadline = time.monotonic() + 180
        while not (_get(f"{base}/events?actor=TUR") or {}).get("events"):
            assert server.poll() is None and time.monotonic() < deadline, \
                (tmp_path / "server.log").read_text()
            time.sleep(0.5)
        page.goto(f"{base}/#/events")
        wait_ready(page)
        table = page.locator("#events-table tbody")
        assert "TURCOP" in table.inner_text() and "MNG" not in table.inner_text()
        (watched / "second.txt").write_text("Mongolia praised Japan for its help on Monday.")
        while "MNG" not in table.inner_text():  # what a user does: reload the view
            assert server.poll() is None and time.monotonic() < deadline, \
                (tmp_path / "server.log").read_text()
            time.sleep(1)
            page.reload()
            wait_ready(page)
            table = page.locator("#events-table tbody")
        assert "TURCOP" in table.inner_text()  # and the first article is still there
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "serve-watch-new-event.png"), full_page=True)
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=60)
        log.close()
    assert "Traceback" not in (tmp_path / "server.log").read_text()
