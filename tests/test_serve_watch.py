"""`tidings serve --watch DIR`: a real server process that ingests what is dropped into a
watched folder while it serves, so a new article's events appear in /events without a
restart (DuckDB: the server is the database's one writer)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return json.loads(r.read())
    except OSError:
        return None


def test_serve_watch_ingests_a_new_file_while_serving(tmp_path: Path) -> None:
    watched = tmp_path / "inbox"
    watched.mkdir()
    (watched / "first.txt").write_text("Turkish police arrested dozens of students in Ankara.")
    db = tmp_path / "live.duckdb"
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli", "serve", "--db", str(db), "--port", str(port),
         "--watch", str(watched), "--every", "1"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "TIDINGS_CODING_WAIT": "5"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180

        def wait_for(params: str) -> list[dict]:
            while time.monotonic() < deadline:
                assert server.poll() is None, (tmp_path / "server.log").read_text()
                body = _get(f"{base}/events?{params}")
                if body and body["events"]:
                    return list(body["events"])
                time.sleep(0.5)
            raise AssertionError((tmp_path / "server.log").read_text())

        assert wait_for("actor=TUR")[0]["source"] == "TURCOP"
        # A new article, dropped in while the server runs
        (watched / "second.txt").write_text("Iran condemned Israel on Monday.")
        (watched / "empty.txt").write_text("   ")  # a problem: one line on stderr
        (new,) = wait_for("dyad=IRN-ISR")
        assert new["source"] == "IRN" and new["target"] == "ISR" and new["root"] == "11"
        assert _get(f"{base}/health")["counts"]["articles"] == 2  # type: ignore[index]
        # the download reads on a connection of its own to the database the server writes
        with urllib.request.urlopen(f"{base}/events/download?format=csv", timeout=30) as r:
            lines = r.read().decode("utf-8").splitlines()
        assert len(lines) == 1 + len(wait_for("limit=1000"))
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    text = (tmp_path / "server.log").read_text()
    assert "tidings: watching" in text and "tidings: watch: articles read: 1" in text
    assert "Traceback" not in text
    (problem,) = [line for line in text.splitlines() if "empty.txt" in line]
    assert problem.startswith("tidings: ")
