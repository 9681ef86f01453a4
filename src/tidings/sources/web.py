"""Web sources for the ingest stage: HTML news pages, RSS and Atom feeds, and URLs.

Pages become Article records through trafilatura (main text, title, date, canonical URL);
feeds through feedparser, one Article per entry, following an entry's link when the feed holds
only a short summary. As in :mod:`tidings.sources.files`, nothing here raises on bad input: a page,
entry, file or URL that cannot be read becomes a Problem naming it, and reading goes on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import logging
import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from tidings.records import Article
from tidings.sources.files import (
    JSONL_SUFFIXES,
    MAX_CHARS,
    MAX_FILE_BYTES,
    TEXT_SUFFIXES,
    Problem,
    corpus_files,
    language_problem,
    parse_date,
    read_file_bytes,
    read_path,
    stable_id,
)

__all__ = [
    "FeedWatcher",
    "FetchError",
    "fetch_url",
    "parse_interval",
    "read_feed",
    "read_html",
    "read_source",
    "url_id",
]

USER_AGENT = "tidings/0.1 (political event coder; research use)"
MAX_SOURCE_BYTES = MAX_FILE_BYTES  # a downloaded page or feed, or a file (JSONL apart)
SUMMARY_CHARS = 500  # an entry text shorter than this is a summary: follow the link
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SOURCE_SUFFIXES = (TEXT_SUFFIXES - {""}) | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
FETCH_FAILED = "cannot fetch"  # how a Problem for a failed download begins

_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.I)
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>/]", re.I)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html|head|body)[\s>]", re.I)
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


# trafilatura logs every page it cannot parse; here such a page is a Problem already, so its
# messages are not printed by logging's last-resort handler (configured handlers still get them)
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


class FetchError(Exception):
    """A URL could not be downloaded; the message is one line ("HTTP 500", "timed out ...")."""

    def __init__(self, message: str, url: str = "") -> None:
        super().__init__(message)
        self.url = url


# --------------------------------------------------------------------------- small helpers


def _one_line(text: object, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def normalise_url(url: str) -> str:
    """A URL in one spelling: lower-case scheme and host, no default port, fragment or
    tracking parameters (utm_*, fbclid, ...), and "/" for an empty path."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80 if scheme == "http" else 443) else None
    netloc = f"{host}:{port}" if port else host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING_PARAMS.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def url_id(url: str) -> str:
    """The stable Article id for a URL: ``"url:"`` and 16 hex digits of its SHA-1."""
    return "url:" + hashlib.sha1(normalise_url(url).encode("utf-8")).hexdigest()[:16]


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _is_url(location: str) -> bool:
    return urlsplit(location).scheme.lower() in ("http", "https")


_WORDS = re.compile(r"[^\W\d_]{2,}")


def _content_problem(text: str) -> str | None:
    """Why ``text`` is not coded (empty, too long, not English), or None."""
    if len(_WORDS.findall(text)) < 3:  # nothing but markup debris ("| \xff\xfe |")
        return "no article text found in the page"
    if len(text) > MAX_CHARS:
        return (f"text is {len(text):,} characters, over the limit of {MAX_CHARS:,} "
                "for one record; skipped")
    return language_problem(text)


def _decode_markup(raw: bytes, encoding: str | None = None) -> str:
    """Bytes of a page to text: BOM, then the given (HTTP) charset, then a meta or XML
    declaration, then UTF-8, then Windows-1252 (which never fails)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace").lstrip("\ufeff")
    head = raw[:4096]
    candidates: list[str] = []
    if encoding:
        candidates.append(encoding)
    for pattern in (_META_CHARSET, _XML_ENCODING):
        if m := pattern.search(head):
            candidates.append(m.group(1).decode("ascii", errors="ignore"))
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"  # what browsers do with these labels
        if codec.startswith("utf-16"):
            continue  # an ASCII-compatible page that claims UTF-16 is lying
        if codec == "utf-8":
            break
        return raw.decode(codec, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


class _TextParser(HTMLParser):
    """A small HTML-to-text converter for feed content: block elements end lines."""

    _BLOCK = frozenset(
        "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article "
        "header footer figure figcaption dd dt hr".split())
    _SKIP = frozenset("script style noscript template iframe object".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACE.sub(" ", data))  # source line breaks are only spaces


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per paragraph, spaces collapsed."""
    if "<" not in fragment:
        text = " ".join(unescape(fragment).split())
    else:
        parser = _TextParser()
        try:
            parser.feed(fragment)
            parser.close()
            text = "".join(parser.parts)
        except Exception:  # HTMLParser is lenient, but never let a fragment stop a feed
            text = unescape(re.sub(r"<[^>]*>", " ", fragment))
    lines = (" ".join(line.split()) for line in _CONTROL.sub("", text).splitlines())
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- HTML pages


def read_html(raw: bytes, origin: str, url: str | None = None, *,
              encoding: str | None = None) -> Article | Problem:
    """One Article from the bytes of an HTML page: main text, title, publication date and
    canonical URL by trafilatura. ``url`` is where the page came from (for relative canonical
    links, the id and the source when the page names no canonical URL); ``encoding`` a charset
    from the HTTP headers. Pages without article text, and anything that goes wrong inside the
    extraction, become a Problem."""
    try:
        return _read_html(raw, origin, url, encoding)
    except Exception as exc:  # broken pages must not stop a run
        return Problem(origin, f"cannot extract the page ({type(exc).__name__}: "
                               f"{_one_line(exc, 120)})")


def _read_html(raw: bytes, origin: str, url: str | None, encoding: str | None
               ) -> Article | Problem:
    import trafilatura

    if not raw.strip():
        return Problem(origin, "empty page; nothing to code")
    markup = _XML_DECLARATION.sub("", _CONTROL.sub("", _decode_markup(raw, encoding)), count=1)
    if not markup.strip():
        return Problem(origin, "empty page; nothing to code")
    doc = trafilatura.bare_extraction(
        markup, url=url, with_metadata=True, include_comments=False, include_images=False,
        include_links=False, include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return Problem(origin, "no article text found in the page")
    meta: dict[str, Any] = doc if isinstance(doc, dict) else {
        k: getattr(doc, k, None) for k in ("text", "title", "date", "url", "sitename")}
    text = (meta.get("text") or "").strip()
    if problem := _content_problem(text):
        return Problem(origin, problem)
    page_url = meta.get("url") or None
    if page_url and url:
        page_url = urljoin(url, page_url)
    if page_url and not _is_url(page_url):
        page_url = None
    page_url = page_url or url
    try:
        date = parse_date(meta.get("date"))
    except ValueError:
        date = None
    return Article(
        id=url_id(page_url) if page_url else stable_id(text),
        text=text,
        date=date,
        url=page_url,
        source=_host(page_url) or meta.get("sitename") or None,
        title=(meta.get("title") or "").strip() or None,
        origin=origin,
    )


# --------------------------------------------------------------------------- feeds


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value[0], value[1], value[2])
            except (TypeError, ValueError, IndexError):
                continue
    return None


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks, else its summary, as plain text."""
    texts = []
    for block in entry.get("content") or []:
        value = block.get("value") or ""
        kind = (block.get("type") or "").lower()
        texts.append(html_to_text(value) if "html" in kind or "<" in value
                     else " ".join(value.split()))
    if not any(texts):
        summary = entry.get("summary") or entry.get("description") or ""
        texts.append(html_to_text(summary))
    return max(texts, key=len)


def read_feed(raw: bytes, origin: str, fetch: Callable[[str], bytes] | None,
              *, skip_ids: Container[str] = ()) -> Iterator[Article | Problem]:
    """Articles from an RSS or Atom feed, one per entry. An entry whose text is missing or
    shorter than SUMMARY_CHARS is a summary: when ``fetch`` is given its link is downloaded and
    read as a page (the feed's date and title fill in what the page lacks). A failing download
    is a Problem for that entry; the other entries still come through. Entries whose id is in
    ``skip_ids`` are passed over before anything is downloaded."""
    import feedparser

    try:
        parsed = feedparser.parse(io.BytesIO(raw))
    except Exception as exc:
        yield Problem(origin, f"not an RSS or Atom feed ({_one_line(exc, 120)})")
        return
    entries = parsed.get("entries") or []
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no feed elements found"
        yield Problem(origin, f"not an RSS or Atom feed ({_one_line(reason, 120)})")
        return
    feed = parsed.get("feed") or {}
    feed_link = feed.get("link") or (origin if _is_url(origin) else None)
    source = (feed.get("title") or "").strip() or _host(feed_link) or None
    for number, entry in enumerate(entries, start=1):
        try:
            yield from _read_entry(entry, number, origin, source, feed_link, fetch, skip_ids)
        except Exception as exc:  # one odd entry must not stop the feed
            yield Problem(f"{origin} entry {number}",
                          f"cannot read the entry ({type(exc).__name__}: {_one_line(exc, 120)})")


def _read_entry(entry: Any, number: int, origin: str, source: str | None,
                feed_link: str | None, fetch: Callable[[str], bytes] | None,
                skip_ids: Container[str]) -> Iterator[Article | Problem]:
    link = (entry.get("link") or "").strip() or None
    if link and feed_link:
        link = urljoin(feed_link, link)
    if link and not _is_url(link):
        link = None
    rid = url_id(link) if link else None
    if rid and rid in skip_ids:
        return
    where = link or f"{origin} entry {number}"
    title = " ".join((entry.get("title") or "").split()) or None
    date = _entry_date(entry)
    text = _entry_text(entry)
    if len(text) < SUMMARY_CHARS and fetch is not None and link:
        try:
            page = fetch(link)
        except FetchError as exc:
            yield Problem(link, f"{FETCH_FAILED} the page of entry {number} of {origin} "
                                f"({_one_line(exc, 120)})", rid)
            return
        except Exception as exc:  # a caller's fetch function may raise anything
            yield Problem(link, f"{FETCH_FAILED} the page of entry {number} of {origin} "
                                f"({type(exc).__name__}: {_one_line(exc, 120)})", rid)
            return
        article = read_html(page, link, link)
        if isinstance(article, Problem):
            yield Problem(link, article.message, rid)
            return
        yield Article(id=rid or article.id, text=article.text, date=article.date or date,
                      url=link, source=source or article.source,
                      title=article.title or title, origin=link)
        return
    if problem := _content_problem(text):
        if problem.startswith("no article text"):
            problem = "entry has no text"
        yield Problem(where, problem, rid or (stable_id(text) if text else None))
        return
    yield Article(id=rid or stable_id(text), text=text, date=date, url=link,
                  source=source or _host(link), title=title, origin=where)


# --------------------------------------------------------------------------- downloads


@dataclass(frozen=True, slots=True)
class _Download:
    body: bytes
    content_type: str  # lower case, without parameters: "text/html"
    charset: str | None
    url: str  # after redirects


def _download(url: str, timeout: float = 10.0) -> _Download:
    import httpx

    limit_mb = MAX_SOURCE_BYTES // (1024 * 1024)
    try:
        with httpx.Client(headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
                          follow_redirects=True, timeout=httpx.Timeout(timeout)) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    reason = response.reason_phrase
                    raise FetchError(f"HTTP {response.status_code}"
                                     + (f" {reason}" if reason else ""), url)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > MAX_SOURCE_BYTES:
                    raise FetchError(f"response is {int(declared) / 2**20:.1f} MB, over the "
                                     f"{limit_mb} MB limit", url)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_SOURCE_BYTES:
                        raise FetchError(f"response is over the {limit_mb} MB limit", url)
                    chunks.append(chunk)
                ctype = response.headers.get("content-type", "")
                return _Download(
                    body=b"".join(chunks),
                    content_type=ctype.split(";")[0].strip().lower(),
                    charset=response.charset_encoding,
                    url=str(response.url),
                )
    except FetchError:
        raise
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {timeout:g} s", url) from None
    except httpx.TooManyRedirects:
        raise FetchError("too many redirects", url) from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect ({_one_line(exc, 120)})", url) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise FetchError(f"not a usable URL ({_one_line(exc, 120)})", url) from None
    except httpx.HTTPError as exc:
        raise FetchError(f"request failed ({type(exc).__name__}: {_one_line(exc, 120)})",
                         url) from None


def fetch_url(url: str, timeout: float = 10.0) -> bytes:
    """The body of ``url`` (redirects followed, at most 50 MB, ``timeout`` seconds for the
    connection and for each read). Raises FetchError with a one-line message: "HTTP 500",
    "timed out after 10 s", "cannot connect (...)", "response is over the 50 MB limit"."""
    return _download(url, timeout).body


# --------------------------------------------------------------------------- dispatch


def _looks_like(body: bytes, content_type: str) -> str:
    """ "feed", "html" or "text", from the first bytes and then the content type."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _FEED_ROOT.search(head[:1024]) and not _HTML_ROOT.search(head[:1024]):
        return "feed"
    if _HTML_ROOT.search(head):
        return "html"
    if any(k in content_type for k in ("rss", "atom", "xml")):
        return "feed"
    if content_type.startswith("text/plain"):
        return "text"
    return "html"


def _plain_text(raw: bytes, origin: str, url: str, charset: str | None) -> Article | Problem:
    text = _CONTROL.sub("", _decode_markup(raw, charset)).strip()
    if problem := _content_problem(text):
        return Problem(origin, "empty document; nothing to code"
                       if problem.startswith("no article text") else problem)
    return Article(id=url_id(url), text=text, url=url, source=_host(url), origin=origin)


def _read_url(url: str, timeout: float, skip_ids: Container[str]
              ) -> Iterator[Article | Problem]:
    try:
        got = _download(url, timeout)
    except FetchError as exc:
        yield Problem(url, f"{FETCH_FAILED} ({exc})")
        return
    kind = _looks_like(got.body, got.content_type)
    if kind == "feed":
        yield from read_feed(got.body, url, lambda u: fetch_url(u, timeout),
                             skip_ids=skip_ids)
    elif kind == "text":
        yield _plain_text(got.body, url, got.url, got.charset)
    else:
        yield read_html(got.body, url, got.url, encoding=got.charset)


def _read_file(path: Path, timeout: float, skip_ids: Container[str]
               ) -> Iterator[Article | Problem]:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:  # read line by line, so large corpora are fine
        yield from read_path(path)
        return
    if suffix not in HTML_SUFFIXES | FEED_SUFFIXES:
        yield from read_path(path)  # plain text, with the same size limit
        return
    raw = read_file_bytes(path, MAX_FILE_BYTES)
    if isinstance(raw, Problem):
        yield raw
        return
    if suffix in HTML_SUFFIXES:
        yield read_html(raw, name)
    else:
        yield from read_feed(raw, name, lambda u: fetch_url(u, timeout), skip_ids=skip_ids)


def _read_location(location: str, timeout: float, skip_ids: Container[str]
                   ) -> Iterator[Article | Problem]:
    if _is_url(location):
        yield from _read_url(location, timeout, skip_ids)
        return
    path = Path(location)
    if path.is_dir():
        files = corpus_files(path, SOURCE_SUFFIXES)
        if not files:
            yield Problem(location, "directory holds no .txt, .jsonl, .html or feed files")
        for p in files:
            yield from _read_file(p, timeout, skip_ids)
    elif path.exists():
        yield from _read_file(path, timeout, skip_ids)
    else:
        yield Problem(location, "no such file, directory or http(s) URL")


def read_source(location: str, *, timeout: float = 10.0) -> Iterator[Article | Problem]:
    """Articles from a URL, a file or a directory.

    An http(s) URL is downloaded and read as a feed or a page (by its first bytes, then its
    content type); a file by its suffix: .html/.htm as a page, .xml/.rss/.atom as a feed
    (summary-only entries are followed with fetch_url), anything else by
    :func:`tidings.ingest.read_path`. A directory is walked recursively in sorted order.
    HTML, feed and text files over 50 MB are skipped with a Problem without being read.
    ``timeout`` applies to every download."""
    yield from _read_location(location, timeout, ())


# --------------------------------------------------------------------------- watching


def parse_interval(text: str) -> float:
    """Seconds in an interval such as "30s", "15m", "1.5h", "1d" or "1h30m"."""
    spec = text.strip().lower().replace(" ", "")
    pos = 0
    total = 0.0
    for m in _INTERVAL.finditer(spec):
        if m.start() != pos:
            break
        total += float(m.group(1)) * _UNITS[m.group(2)]
        pos = m.end()
    if not spec or pos != len(spec):
        raise ValueError(f"interval {text!r} is not a number with a unit s, m, h or d "
                         "(e.g. 30s, 15m, 2h, 1d)")
    if total <= 0:
        raise ValueError(f"interval {text!r} must be longer than zero")
    return total


class FeedWatcher:
    """Polls a feed (or any location read_source takes) and returns only what is new.

    ``seen_ids`` is shared and updated in place, so a caller may persist it between runs.
    Entries whose page could not be downloaded are not marked seen: they are tried again on
    the next poll, and the same failure is reported only once. Other problems with an entry
    (not English, no text) mark it seen."""

    def __init__(self, url: str, seen_ids: set[str] | None = None, *,
                 timeout: float = 10.0) -> None:
        self.url = url
        self.seen_ids: set[str] = seen_ids if seen_ids is not None else set()
        self.timeout = timeout
        self._reported: set[tuple[str, str]] = set()

    def poll(self) -> list[Article | Problem]:
        """New Articles since the last poll, with the Problems met on the way."""
        new: list[Article | Problem] = []
        for item in _read_location(self.url, self.timeout, self.seen_ids):
            if isinstance(item, Article):
                if item.id not in self.seen_ids:
                    self.seen_ids.add(item.id)
                    new.append(item)
                continue
            if item.record_id is None:  # the feed itself failed: say so every time
                new.append(item)
            elif item.record_id in self.seen_ids:
                continue
            elif item.message.startswith(FETCH_FAILED):
                key = (item.record_id, item.message)
                if key not in self._reported:
                    self._reported.add(key)
                    new.append(item)
            else:
                self.seen_ids.add(item.record_id)
                new.append(item)
        return new
