"""Ceilings of the sources stage (issue 12): a download has a total deadline, a page handed to
trafilatura and a feed handed to feedparser have size bounds, and a feed follows a bounded
number of pages. Downloads go to a local HTTP server on 127.0.0.1 that can send a byte a
second; the big inputs are read in a subprocess whose time and peak memory are measured."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tidings.records import Article
from tidings.sources import feeds
from tidings.sources.base import Problem
from tidings.sources.feeds import MAX_FEED_ENTRIES, read_feed
from tidings.sources.fetch import FETCH_FAILED, FetchError, download, fetch_url
from tidings.sources.pages import MAX_HTML_CHARS, MAX_HTML_TAGS, read_html
from tidings.sources.reader import read

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
DEADLINE = 2.0  # seconds for a download in these tests
SLACK = 1.0  # how far past the deadline a failing download may return
PARAGRAPH = ("<p>The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday and agreed "
             "to reopen the Moyale border crossing, which has been closed to trade since last "
             "autumn, officials said on {n}.</p>\n")
SENTENCE = PARAGRAPH.format(n="Tuesday")
SCRIPT = "<script>var state = [" + ",".join(str(i) for i in range(150_000)) + "];</script>\n"


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


# --------------------------------------------------------------------------- feeds


def test_a_feed_follows_a_bounded_number_of_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "MAX_FOLLOWED_PAGES", 3)
    page = (FIXTURES / "border.html").read_bytes()
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return page

    server = Server(base="http://feed.example", stop=threading.Event())
    paths = [f"/news/{i}" for i in range(1, 6)]
    items = list(read_feed(_feed(server, paths), "limits.rss", fetch))
    assert fetched == [server.url(p) for p in paths[:3]]
    assert [type(i) for i in items] == [Article] * 3 + [Problem] * 2
    for number, item in enumerate(items[3:], start=4):
        assert isinstance(item, Problem) and item.origin == server.url(f"/news/{number}")
        assert item.message == (f"{FETCH_FAILED} the page of entry {number} of limits.rss (not "
                                "followed: 3 pages of this feed are followed at most in one "
                                "reading)")
        assert item.record_id is not None  # a feed watcher tries it again on its next poll


def test_a_feed_with_too_many_entries_is_one_problem() -> None:
    server = Server(base="http://feed.example", stop=threading.Event())
    raw = _feed(server, [f"/{i}" for i in range(MAX_FEED_ENTRIES + 1)])
    started = time.monotonic()
    items = list(read_feed(raw, "crowded.rss", None))
    assert time.monotonic() - started < 2.0  # refused before feedparser parses it
    assert items == [Problem("crowded.rss", f"feed has {MAX_FEED_ENTRIES + 1:,} entries, over "
                             f"the {MAX_FEED_ENTRIES:,} one feed may have (a corpus this size "
                             "is for JSONL); skipped")]


def test_a_huge_feed_entry_is_a_problem_and_the_others_come_through() -> None:
    huge = SENTENCE * (MAX_HTML_CHARS // len(SENTENCE) + 10)
    normal = SENTENCE * 5
    raw = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>'
           "<link>http://feed.example/</link><description>d</description>"
           f"<item><title>Huge</title><link>http://feed.example/huge</link>"
           f"<description><![CDATA[{huge}]]></description></item>"
           f"<item><title>Normal</title><link>http://feed.example/normal</link>"
           f"<description><![CDATA[{normal}]]></description></item>"
           "</channel></rss>").encode()
    started = time.monotonic()
    first, second = read_feed(raw, "big.rss", None)
    assert time.monotonic() - started < 10
    assert isinstance(first, Problem) and first.origin == "http://feed.example/huge"
    assert first.message.startswith("entry is ") and first.message.endswith(
        f"characters of markup, over the {MAX_HTML_CHARS:,} one entry may have; skipped")
    assert isinstance(second, Article) and second.title == "Normal"


# --------------------------------------------------------------------------- pages


def test_a_page_cut_down_reads_as_the_page_does() -> None:
    """Over the bounds a page loses its scripts, styles and comments first; what trafilatura
    makes of it is what it makes of the page without them."""
    raw = (FIXTURES / "border.html").read_bytes()
    padding = (SCRIPT * (MAX_HTML_CHARS // len(SCRIPT) + 1) + "<style>p{}</style><!-- x -->"
               + '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg><svg class="icon"/>')
    big = raw.replace(b"<main>", b"<main>" + padding.encode())
    assert len(big) > MAX_HTML_CHARS
    expected = read_html(raw, "border.html", "http://127.0.0.1:1/border.html")
    started = time.monotonic()
    got = read_html(big, "border.html", "http://127.0.0.1:1/border.html")
    assert time.monotonic() - started < 10
    assert isinstance(expected, Article) and got == expected


def test_a_page_left_open_in_a_script_keeps_what_comes_before() -> None:
    raw = (FIXTURES / "border.html").read_bytes()
    big = raw.replace(b"</article>", b"</article><script>" + b"var x = 1;" * 600_000)
    got = read_html(big, "open.html")
    assert isinstance(got, Article) and "Moyale border crossing" in got.text


def test_a_page_of_too_many_tags_is_a_problem_at_once() -> None:
    raw = ("<html><body>" + "<b>a</b>" * (MAX_HTML_TAGS // 2 + 1) + "</body></html>").encode()
    started = time.monotonic()
    got = read_html(raw, "tags.html")
    assert time.monotonic() - started < 2.0  # never handed to trafilatura
    assert isinstance(got, Problem) and got.origin == "tags.html"
    assert got.message == (f"page too big to extract: {len(raw) / 2**20:.1f} MB of HTML, "
                           f"without scripts, styles and comments still {len(raw):,} "
                           f"characters and {MAX_HTML_TAGS + 6:,} tags (at most "
                           f"{MAX_HTML_CHARS:,} and {MAX_HTML_TAGS:,}); skipped")


# --------------------------------------------------------------------------- 49 MB inputs


def _big_page(paragraph_bytes: int, total: int = 49 * 2**20) -> bytes:
    """An HTML page of ``total`` bytes: ``paragraph_bytes`` of paragraphs, script blocks of
    ~1 MB between them making up the rest."""
    head = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>A big page</title>'
            '<meta property="article:published_time" content="2024-03-12"></head>'
            "<body><article><h1>A big page</h1>\n")
    parts, size, n = [head], len(head), 0
    scripts = (total - paragraph_bytes) // len(SCRIPT)
    per_script = max(1, paragraph_bytes // len(PARAGRAPH) // max(1, scripts))
    while size < paragraph_bytes or scripts:
        if scripts and n % per_script == 0:
            parts.append(SCRIPT)
            size, scripts = size + len(SCRIPT), scripts - 1
        paragraph = PARAGRAPH.format(n=n)
        parts.append(paragraph)
        size, n = size + len(paragraph), n + 1
    parts.append("</article></body></html>")
    return "".join(parts).encode()


def _big_feed(entries: int, total: int = 49 * 2**20) -> bytes:
    body = SENTENCE * ((total // entries) // len(SENTENCE))
    items = "".join(f"<item><title>Entry {i}</title><link>http://feed.example/{i}</link>"
                    f"<description><![CDATA[{body}]]></description></item>"
                    for i in range(entries))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>'
            "<link>http://feed.example/</link><description>d</description>"
            f"{items}</channel></rss>").encode()


_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from tidings.sources.feeds import read_feed
from tidings.sources.pages import read_html
path, kind = Path(sys.argv[1]), sys.argv[2]
raw = path.read_bytes()
started = time.perf_counter()
items = [read_html(raw, path.name)] if kind == "page" else list(read_feed(raw, path.name, None))
seconds = time.perf_counter() - started
# the high-water mark of this process's own memory: ru_maxrss would count the memory of the
# test process that started it (Linux carries it over a vfork and exec)
status = Path("/proc/self/status")
peak = [int(line.split()[1]) for line in (status.read_text() if status.exists() else "")
        .splitlines() if line.startswith("VmHWM:")]
print(json.dumps({
    "seconds": seconds,
    "peak_mb": (peak[0] if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024,
    "items": [[type(i).__name__, getattr(i, "message", None), len(getattr(i, "text", ""))]
              for i in items]}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("name, make, kind, expected", [
    ("scripts.html", lambda: _big_page(600_000), "page", "Article"),
    ("paragraphs.html", lambda: _big_page(20 * 2**20), "page", "page too big to extract"),
    ("one-entry.rss", lambda: _big_feed(1), "feed", "entry is 51,"),
    ("many-entries.rss", lambda: _big_feed(17_000), "feed", "feed has 17,000 entries"),
])
def test_a_49_mb_input_is_read_in_seconds_and_bounded_memory(
        tmp_path: Path, name: str, make: Callable[[], bytes], kind: str, expected: str
) -> None:
    path = tmp_path / name
    raw = make()
    assert 47 * 2**20 < len(raw) <= 50 * 2**20  # 49-52 MB
    path.write_bytes(raw)
    del raw
    run = subprocess.run([sys.executable, "-c", _MEASURE, str(path), kind],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    got = json.loads(run.stdout)
    print(f"{name}: {got['seconds']:.1f} s, peak {got['peak_mb']:.0f} MB, {got['items']}")
    assert len(got["items"]) == 1
    what, message, chars = got["items"][0]
    if expected == "Article":
        assert what == "Article" and chars > 100_000, got
    else:
        assert what == "Problem" and message.startswith(expected), got
        assert "\n" not in message
    assert got["seconds"] < 30, got
    assert got["peak_mb"] < 800, got
