"""Sources: HTML pages, RSS/Atom feeds, downloads, the one reader and the feed watcher.

Every download goes to a local HTTP server that the module starts on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tidings.records import Article
from tidings.sources.base import Problem
from tidings.sources.feeds import read_feed
from tidings.sources.fetch import FetchError, fetch_url, url_id
from tidings.sources.pages import read_html
from tidings.sources.reader import read, read_source
from tidings.sources.watch import FeedWatcher, parse_interval

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
FAST = 0.5  # client timeout for the slow path, in seconds
CANONICAL = "https://herald.example/world/2024/03/12/kenya-ethiopia-border"

BORDER_SENTENCES = [
    "The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday and agreed to reopen "
    "the Moyale border crossing, which has been closed to trade since last autumn.",
    "The Ethiopian minister praised the talks as frank and constructive",
    "Opposition lawmakers in Nairobi criticised the agreement",
]
BOILERPLATE = ["All rights reserved", "Subscribe", "cookies", "Related stories",
               "Markets rally", "Privacy policy", "Sport"]


@dataclass
class Site:
    base: str
    hits: Counter[str] = field(default_factory=Counter)
    watch_items: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path


def _fixture(name: str, base: str) -> bytes:
    return (FIXTURES / name).read_bytes().replace(b"{base}", base.encode())


def _watch_feed(site: Site) -> bytes:
    items = "".join(site.watch_items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Watched</title>'
            f"<link>{site.base}/</link><description>d</description>{items}"
            "</channel></rss>").encode()


def _item(site: Site, path: str, title: str, day: int) -> str:
    return (f"<item><title>{title}</title><link>{site.base}{path}</link>"
            f"<pubDate>{day:02d} Mar 2024 10:00:00 GMT</pubDate>"
            "<description>Short summary.</description></item>")


def _make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    static = {
        "/news/border.html": ("border.html", "text/html; charset=utf-8"),
        "/news/protest.html": ("protest.html", "text/html"),  # charset only in the page
        "/feed.rss": ("feed.rss", "application/rss+xml"),
        "/mixed.rss": ("feed_broken_links.rss", "application/rss+xml"),
        "/full.atom": ("full.atom", "application/atom+xml"),
        "/notfeed.xml": ("not_a_feed.xml", "application/rss+xml"),
    }

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

        def _send(self, status: int, body: bytes, ctype: str = "text/plain") -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            site.hits[path] += 1
            if path in static:
                name, ctype = static[path]
                self._send(200, _fixture(name, site.base), ctype)
            elif path == "/watch.rss":
                self._send(200, _watch_feed(site), "application/rss+xml")
            elif path == "/error500":
                self._send(500, b"server error")
            elif path == "/slow":
                site.release.wait(3.0)  # bounded: the fixture releases it at the end
                try:
                    self._send(200, b"<html><body><p>too late</p></body></html>", "text/html")
                except OSError:
                    pass  # the client has gone
            elif path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "/news/protest.html")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/huge":  # announces more than the limit, sends nothing
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(60 * 1024 * 1024))
                self.end_headers()
            else:
                self._send(404, b"not found")

    return Handler


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    class Server(ThreadingHTTPServer):
        daemon_threads = True

    state = Site(base="")
    server = Server(("127.0.0.1", 0), _make_handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _articles(items: list[Article | Problem]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _problems(items: list[Article | Problem]) -> list[Problem]:
    return [i for i in items if isinstance(i, Problem)]


# --------------------------------------------------------------------------- HTML pages


def test_html_page_text_title_date_and_stable_id() -> None:
    raw = (FIXTURES / "border.html").read_bytes()
    art = read_html(raw, "border.html", "http://127.0.0.1:1/news/border.html")
    assert isinstance(art, Article), art
    for sentence in BORDER_SENTENCES:
        assert sentence in art.text
    for junk in BOILERPLATE:
        assert junk not in art.text
    assert art.title == "Kenya and Ethiopia agree to reopen border crossing"
    assert art.date == dt.date(2024, 3, 12)
    assert art.url == CANONICAL  # the canonical link, tracking parameter dropped
    assert art.id == url_id(CANONICAL)
    assert art.source == "herald.example"
    assert art.origin == "border.html"
    again = read_html(raw, "elsewhere", None)
    assert isinstance(again, Article) and again.id == art.id


def test_html_page_from_url_with_latin1_and_redirect(site: Site) -> None:
    url = site.url("/news/protest.html")
    first = list(read_source(url))
    second = list(read_source(site.url("/redirect")))
    assert len(first) == 1 and len(second) == 1
    art, again = first[0], second[0]
    assert isinstance(art, Article) and isinstance(again, Article), (art, again)
    assert "São Bento palace" in art.text  # ISO-8859-1 named only in a meta tag
    assert "Police blocked the main avenue" in art.text
    assert "Sign in" not in art.text and "Advertise" not in art.text
    assert art.title == "Farmers protest outside parliament in Lisbon"
    assert art.date == dt.date(2024, 4, 2)
    assert art.url == url and art.id == url_id(url) == again.id
    assert art.source == "127.0.0.1"


def test_page_without_text_is_a_problem() -> None:
    got = read_html(b"<html><head><title>t</title></head><body></body></html>", "empty.html")
    assert isinstance(got, Problem)
    assert got.origin == "empty.html"
    assert "no article text" in got.message or "empty" in got.message


@pytest.mark.parametrize("raw", [
    b"<html><body><p>Unclosed <div><b><i>The minister resigned",
    b"<html><body>" + bytes(range(256)) * 40 + b"</body>",
    b"\x00\x01\x02\xff\xfe\xfd" * 500,
    b"<?xml version='1.0' encoding='utf-8'?><html><body><p>The talks failed.</p></body></html>",
    b'<meta charset="no-such-codec"><p>' + "caf\u00e9 ".encode("utf-8") * 3 + b"</p>",
    b"<<<>>><!-- <p>& &#xZZ; &bogus; </table></html></html>",
    b"",
    "<html><body><p>Пресс-служба сообщила о встрече.</p></body></html>".encode("utf-16"),
])
def test_broken_html_never_raises(raw: bytes) -> None:
    got = read_html(raw, "broken.html")
    assert isinstance(got, Article | Problem)
    if isinstance(got, Problem):
        assert got.origin == "broken.html" and "\n" not in got.message


# --------------------------------------------------------------------------- feeds


def test_rss_summaries_follow_links_to_full_pages(site: Site) -> None:
    before = site.hits.copy()
    items = list(read_source(site.url("/feed.rss")))
    arts = _articles(items)
    assert not _problems(items)
    assert [a.title for a in arts] == ["Kenya and Ethiopia agree to reopen border crossing",
                                       "Farmers protest outside parliament in Lisbon"]
    border, protest = arts
    assert all(s in border.text for s in BORDER_SENTENCES)
    assert "São Bento" in protest.text and "fuel duty" in protest.text
    assert "Tractors outside" not in protest.text  # the summary gave way to the page
    assert border.date == dt.date(2024, 3, 12) and protest.date == dt.date(2024, 4, 2)
    assert border.url == site.url("/news/border.html")
    assert border.id == url_id(site.url("/news/border.html"))
    assert border.source == "The Lakeside Herald: World"
    assert site.hits["/news/border.html"] == before["/news/border.html"] + 1
    assert site.hits["/news/protest.html"] == before["/news/protest.html"] + 1


def test_rss_summaries_without_fetch_are_kept_as_they_are(site: Site) -> None:
    raw = _fixture("feed.rss", site.base)
    items = list(read_feed(raw, "feed.rss", None))
    assert [a.text for a in _articles(items)] == [
        "The two governments will set up a joint committee.", "Tractors outside parliament."]


def test_feed_date_and_title_fill_in_what_the_page_lacks(site: Site) -> None:
    page = b"<html><body><article>" + b"".join(
        b"<p>" + s.encode() + b".</p>" for s in BORDER_SENTENCES) + b"</article></body></html>"
    feed = _fixture("feed.rss", site.base)
    items = list(read_feed(feed, "feed.rss", lambda url: page))
    arts = _articles(items)
    assert len(arts) == 2
    assert arts[1].title == "Farmers protest in Lisbon"
    assert arts[1].date == dt.date(2024, 4, 2)


def test_atom_full_content_is_used_without_fetching(site: Site) -> None:
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        return b""

    items = list(read_feed(_fixture("full.atom", site.base), "full.atom", fetch))
    assert asked == []
    arts = _articles(items)
    assert len(arts) == 2 and not _problems(items)
    energy, security = arts
    assert energy.title == "Norway and Sweden sign an energy pact"
    assert energy.date == dt.date(2024, 5, 20)  # published, not updated
    assert security.date == dt.date(2024, 5, 19)  # updated, for want of published
    assert energy.source == "Northern Wire"
    assert ("The prime ministers of Norway and Sweden signed an energy pact in Oslo on Monday"
            in energy.text)  # line breaks inside a paragraph are spaces
    assert "protected forests" in energy.text and "<p>" not in energy.text
    assert "share radar data" in security.text
    assert len(energy.text.splitlines()) == 4
    assert energy.id == url_id(site.url("/never-fetched/energy"))

    before = site.hits["/never-fetched/energy"]
    over_http = list(read_source(site.url("/full.atom")))
    assert [a.id for a in _articles(over_http)] == [energy.id, security.id]
    assert site.hits["/never-fetched/energy"] == before


def test_failed_pages_are_problems_and_other_entries_come_through(site: Site) -> None:
    raw = _fixture("feed_broken_links.rss", site.base)
    items = list(read_feed(raw, "mixed.rss", lambda url: fetch_url(url, timeout=FAST)))
    assert [type(i).__name__ for i in items] == ["Article", "Problem", "Problem", "Article"]
    error, slow = _problems(items)
    assert error.origin == site.url("/error500") and "HTTP 500" in error.message
    assert slow.origin == site.url("/slow") and "timed out" in slow.message
    for problem in (error, slow):
        assert "mixed.rss" in problem.message and "\n" not in str(problem)
    assert [a.date for a in _articles(items)] == [dt.date(2024, 3, 12), dt.date(2024, 4, 2)]


def test_not_a_feed_is_one_problem(site: Site) -> None:
    raw = (FIXTURES / "not_a_feed.xml").read_bytes()
    items = list(read_feed(raw, "not_a_feed.xml", None))
    assert len(items) == 1 and isinstance(items[0], Problem)
    assert items[0].message.startswith("not an RSS or Atom feed (")
    from_file = list(read_source(str(FIXTURES / "not_a_feed.xml")))
    assert len(from_file) == 1 and from_file[0].origin == str(FIXTURES / "not_a_feed.xml")
    over_http = list(read_source(site.url("/notfeed.xml")))
    assert len(over_http) == 1 and isinstance(over_http[0], Problem)
    assert over_http[0].origin == site.url("/notfeed.xml")
    assert list(read_feed(b"\x00\xff garbage \x89PNG", "junk.rss", None))[0].message.startswith(
        "not an RSS or Atom feed")


# --------------------------------------------------------------------------- downloads


def test_fetch_url_errors_are_one_line(site: Site) -> None:
    with pytest.raises(FetchError, match=r"^HTTP 500"):
        fetch_url(site.url("/error500"))
    with pytest.raises(FetchError, match="timed out after 0.5 s"):
        fetch_url(site.url("/slow"), timeout=FAST)
    with pytest.raises(FetchError, match="over the 50 MB limit"):
        fetch_url(site.url("/huge"))
    with socket.socket() as sock:  # a port on which nothing listens
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    with pytest.raises(FetchError, match="cannot connect"):
        fetch_url(f"http://127.0.0.1:{closed}/", timeout=FAST)
    assert b"Moyale" in fetch_url(site.url("/news/border.html"))


def test_url_source_failing_is_one_problem_naming_it(site: Site) -> None:
    items = list(read_source(site.url("/error500")))
    assert items == [Problem(site.url("/error500"), "cannot fetch (HTTP 500 Internal Server "
                                                    "Error)")]


# --------------------------------------------------------------------------- files


def test_oversized_files_are_skipped_without_reading(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("big.html", "big.rss", "big.txt"):
        with open(tmp_path / name, "wb") as fh:
            fh.truncate(51 * 1024 * 1024)  # sparse: takes no disk space

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("an oversized file was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    for name in ("big.html", "big.rss", "big.txt"):
        items = list(read_source(str(tmp_path / name)))
        assert items == [Problem(str(tmp_path / name),
                                 "file is 51.0 MB, over the 50 MB limit; skipped")]


def test_directory_walk_mixes_text_html_and_feeds(site: Site, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The president of Chile met the leaders of the opposition in Santiago on Monday. "
        "They agreed to hold a referendum on the new constitution next year.\n")
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "border.html", tmp_path / "sub" / "b.html")
    (tmp_path / "c.rss").write_bytes(_fixture("feed.rss", site.base))
    (tmp_path / "notes.dat").write_text("not read")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("not read either")
    items = list(read_source(str(tmp_path)))
    assert not _problems(items), items
    origins = [i.origin for i in items]
    assert origins == [str(tmp_path / "a.txt"), site.url("/news/border.html"),
                       site.url("/news/protest.html"), str(tmp_path / "sub" / "b.html")]
    assert "referendum" in items[0].text and "Moyale" in items[3].text
    assert list(read_source(str(tmp_path / "missing")))[0].message.startswith("no such file")


def test_read_takes_every_kind_of_location_in_order(site: Site, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    (tmp_path / "a.txt").write_text(
        "The president of Chile met the leaders of the opposition in Santiago on Monday.")
    page = tmp_path / "b.html"
    shutil.copy(FIXTURES / "border.html", page)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        b'{"id": "s1", "text": "Peru praised Chile."}\n{"id": "s2"}\n')))
    items = list(read([str(tmp_path / "a.txt"), "-", str(page), site.url("/news/protest.html"),
                       str(tmp_path / "missing.txt")], stdin_format="jsonl"))
    assert [i.origin for i in items] == [
        str(tmp_path / "a.txt"), "<stdin>:1", "<stdin>:2", str(page),
        site.url("/news/protest.html"), str(tmp_path / "missing.txt")]
    assert isinstance(items[1], Article) and items[1].id == "s1"
    assert isinstance(items[2], Problem) and items[2].record_id == "s2"
    assert isinstance(items[3], Article) and "Moyale" in items[3].text
    assert "<" not in items[3].text and items[3].id == url_id(CANONICAL)
    assert items[5] == Problem(str(tmp_path / "missing.txt"),
                               "no such file or directory, and not an http(s) URL")


def test_read_a_directory_without_sources_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.dat").write_text("not read")
    assert list(read([str(tmp_path)])) == [
        Problem(str(tmp_path), "directory holds no .txt, .jsonl, .html or feed files")]


# --------------------------------------------------------------------------- watching


def test_feed_watcher_returns_only_new_items(site: Site) -> None:
    site.watch_items[:] = [_item(site, "/news/border.html", "Border", 12)]
    seen: set[str] = set()
    # (a generous timeout: this test is about which items are new, not about slow feeds)
    watcher = FeedWatcher(site.url("/watch.rss"), seen, timeout=10)
    first = watcher.poll()
    assert [a.title for a in _articles(first)] == [
        "Kenya and Ethiopia agree to reopen border crossing"]
    assert seen == {url_id(site.url("/news/border.html"))}
    fetched = site.hits["/news/border.html"]

    assert watcher.poll() == []
    assert site.hits["/news/border.html"] == fetched  # a seen entry is not downloaded again

    site.watch_items.append(_item(site, "/news/protest.html", "Protest", 2))
    site.watch_items.append(_item(site, "/error500", "Broken", 3))
    third = watcher.poll()
    assert [a.origin for a in _articles(third)] == [site.url("/news/protest.html")]
    assert [p.origin for p in _problems(third)] == [site.url("/error500")]
    errors = site.hits["/error500"]
    assert watcher.poll() == []  # the failure is tried again, but reported once
    assert site.hits["/error500"] == errors + 1
    assert url_id(site.url("/error500")) not in seen


def test_feed_watcher_reports_a_failing_feed(site: Site) -> None:
    watcher = FeedWatcher(site.url("/error500"))
    for _ in range(2):
        got = watcher.poll()
        assert len(got) == 1 and isinstance(got[0], Problem)
        assert got[0].origin == site.url("/error500")


@pytest.mark.parametrize(("text", "seconds"), [
    ("15m", 900), ("30s", 30), ("2h", 7200), ("1d", 86400), ("1.5h", 5400),
    ("1h30m", 5400), (" 15M ", 900),
])
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "15", "m", "15x", "0m", "-5m", "15m30", "fifteen"])
def test_parse_interval_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="interval"):
        parse_interval(text)


def test_url_id_normalises() -> None:
    assert url_id("HTTP://Example.COM:80/a?utm_source=x&b=1#top") == url_id(
        "http://example.com/a?b=1")
    assert url_id("https://example.com") == url_id("https://example.com/")
    assert url_id("https://example.com/a") != url_id("https://example.com/b")
