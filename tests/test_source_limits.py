"""Ceilings of the sources stage (issue 12): a download has a total deadline. Downloads go to a
local HTTP server on 127.0.0.1 that can send a byte a second."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tidings.records import Article
from tidings.sources.base import Problem
from tidings.sources.fetch import FETCH_FAILED, FetchError, download, fetch_url
from tidings.sources.reader import read

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
DEADLINE = 2.0  # seconds for a download in these tests
SLACK = 1.0  # how far past the deadline a failing download may return


@dataclass
class Server:
    base: str
    stop: threading.Event

    def url(self, path: str) -> str:
        return self.base + path


def _feed(server: Server, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Entry {i}</title><link>{server.url(p)}</link>"
                    "<description>Short summary.</description></item>"
                    for i, p in enumerate(paths, start=1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Limits</title>'
            f"<link>{server.base}/</link><description>d</description>{items}"
            "</channel></rss>").encode()


def _make_handler(server: Server) -> type[BaseHTTPRequestHandler]:
    page = (FIXTURES / "border.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

        def _drip(self, data: bytes) -> None:
            """``data`` a byte a second, until it is sent, the client goes or the test ends."""
            for byte in data:
                if server.stop.wait(1.0):
                    return
                try:
                    self.wfile.write(bytes([byte]))
                except OSError:
                    return  # the client has gone

        def _head(self, ctype: str, length: int | None) -> None:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            if length is not None:
                self.send_header("Content-Length", str(length))
            self.send_header("Connection", "close")
            self.end_headers()

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            if path == "/drip":  # the headers at once, then the body a byte a second
                self._head("text/html", 60)
                self._drip(b"<html><body><p>" + b"x" * 40 + b"</p></body></html>")
            elif path == "/drip-headers":  # even the status line a byte a second
                self._drip(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            elif path == "/page":
                self._head("text/html; charset=utf-8", len(page))
                self.wfile.write(page)
            elif path == "/endless":  # no length announced, more than the size limit sent
                self._head("text/html", None)
                block = b"<p>" + b"y" * 65_533 + b"\n"
                try:
                    for _ in range(51 * 16):
                        self.wfile.write(block)
                except OSError:
                    pass
            elif path == "/feed.rss":
                body = _feed(server, ["/page", "/drip"])
                self._head("application/rss+xml", len(body))
                self.wfile.write(body)
            else:
                self.send_error(404)

    return Handler


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    class HTTPServer(ThreadingHTTPServer):
        daemon_threads = True

    state = Server(base="", stop=threading.Event())
    httpd = HTTPServer(("127.0.0.1", 0), _make_handler(state))
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


# --------------------------------------------------------------------------- downloads


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_dripping_server_meets_the_total_deadline(server: Server, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^timed out after 2 s$") as failure:
        fetch_url(server.url(path), timeout=DEADLINE)
    elapsed = time.monotonic() - started
    assert DEADLINE - 0.1 < elapsed < DEADLINE + SLACK, elapsed
    assert failure.value.url == server.url(path)


@pytest.mark.slow
def test_a_small_page_still_downloads(server: Server) -> None:
    got = download(server.url("/page"), timeout=DEADLINE)
    assert b"Moyale" in got.body
    assert got.content_type == "text/html" and got.charset == "utf-8"
    assert got.url == server.url("/page")
    assert fetch_url(server.url("/page"), timeout=DEADLINE) == got.body


@pytest.mark.slow
def test_the_size_limit_holds_while_streaming(server: Server) -> None:
    with pytest.raises(FetchError, match=r"^response is over the 50 MB limit$"):
        fetch_url(server.url("/endless"), timeout=30)


@pytest.mark.slow
def test_a_dripping_url_is_one_problem_naming_it(server: Server) -> None:
    started = time.monotonic()
    items = list(read([server.url("/drip")], timeout=DEADLINE))
    assert time.monotonic() - started < DEADLINE + SLACK
    assert items == [Problem(server.url("/drip"), f"{FETCH_FAILED} (timed out after 2 s)")]


@pytest.mark.slow
def test_a_feed_follows_each_page_with_the_deadline(server: Server) -> None:
    started = time.monotonic()
    items = list(read([server.url("/feed.rss")], timeout=DEADLINE))
    # the feed, the page and the dripping page: one deadline each, the last one met in full
    # (without a total deadline the dripping page alone would take a minute)
    assert time.monotonic() - started < DEADLINE + SLACK + 3.0
    page, drip = items
    assert isinstance(page, Article) and "Moyale" in page.text
    assert isinstance(drip, Problem) and drip.origin == server.url("/drip")
    assert drip.message == (f"{FETCH_FAILED} the page of entry 2 of {server.url('/feed.rss')} "
                            "(timed out after 2 s)")
