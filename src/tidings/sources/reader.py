"""The one input reader of tidings: every command that reads articles (``tidings code``,
``tidings ingest``, the feed watcher) reads them through :func:`read`.

A location is an http(s) URL, a file, a directory or ``-`` (standard input):

* a URL is downloaded and read as a feed, a page or plain text (by its first bytes, then its
  content type);
* a file by its suffix: .html/.htm as a page (its main text, by trafilatura), .xml/.rss/.atom
  as a feed (summary-only entries followed to their page), .jsonl/.ndjson as one record a
  line, anything else as one plain-text article;
* a directory is walked recursively in sorted order (hidden files left out), reading the files
  with those suffixes, and files without one as plain text;
* ``-`` is one plain-text article, or JSONL records with ``stdin_format="jsonl"``.

Nothing raises on bad input: what cannot be read becomes a Problem naming it, and reading goes
on. Files over 50 MB (JSONL apart, which is streamed) are skipped without being read.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from pathlib import Path

from tidings.records import Article
from tidings.sources.base import MAX_FILE_BYTES, Problem
from tidings.sources.feeds import read_feed
from tidings.sources.fetch import FETCH_FAILED, FetchError, download, fetch_url, is_url
from tidings.sources.files import (
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    corpus_files,
    read_file_bytes,
    read_path,
    read_stdin,
    regular_file_problem,
    unreadable_entries,
)
from tidings.sources.pages import read_html, read_plain_text

__all__ = ["HTML_SUFFIXES", "FEED_SUFFIXES", "SOURCE_SUFFIXES", "read", "read_source"]

HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SOURCE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
STDIN = "-"

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>/]", re.I)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html|head|body)[\s>]", re.I)


def read(locations: Iterable[str], *, stdin_format: str = "text", timeout: float = 10.0,
         skip_ids: Container[str] = ()) -> Iterator[Article | Problem]:
    """Articles, and Problems for what cannot be read, from each location in turn.

    ``stdin_format`` ("text" or "jsonl") is how ``-`` is read; ``timeout`` applies to every
    download; feed entries whose id is in ``skip_ids`` are passed over before their page is
    downloaded (see :class:`tidings.sources.watch.FeedWatcher`)."""
    for location in locations:
        if location == STDIN:
            yield from read_stdin(stdin_format)
        elif is_url(location):
            yield from _read_url(location, timeout, skip_ids)
        else:
            yield from _read_local(Path(location), location, timeout, skip_ids)


def read_source(location: str, *, timeout: float = 10.0) -> Iterator[Article | Problem]:
    """Articles from one URL, file or directory: :func:`read` of ``[location]``."""
    yield from read([location], timeout=timeout)


def _read_local(path: Path, location: str, timeout: float, skip_ids: Container[str]
                ) -> Iterator[Article | Problem]:
    if path.is_dir():
        files = corpus_files(path, SOURCE_SUFFIXES)
        passed_over = unreadable_entries(path, SOURCE_SUFFIXES)
        if not files and not passed_over:
            yield Problem(location, "directory holds no .txt, .jsonl, .html or feed files")
        yield from passed_over
        for p in files:
            yield from _read_file(p, timeout, skip_ids)
    elif problem := regular_file_problem(path):
        yield problem
    elif path.exists():
        yield from _read_file(path, timeout, skip_ids)
    elif path.is_symlink():
        yield Problem(location, "link to a file that does not exist; skipped")
    else:
        yield Problem(location, "no such file or directory, and not an http(s) URL")


def _read_file(path: Path, timeout: float, skip_ids: Container[str]
               ) -> Iterator[Article | Problem]:
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES | FEED_SUFFIXES:
        yield from read_path(path)  # JSONL line by line, anything else as plain text
        return
    raw = read_file_bytes(path, MAX_FILE_BYTES)
    if isinstance(raw, Problem):
        yield raw
    elif suffix in HTML_SUFFIXES:
        yield read_html(raw, str(path))
    else:
        yield from read_feed(raw, str(path), lambda u: fetch_url(u, timeout), skip_ids=skip_ids)


def _read_url(url: str, timeout: float, skip_ids: Container[str]
              ) -> Iterator[Article | Problem]:
    try:
        got = download(url, timeout)
    except FetchError as exc:
        yield Problem(url, f"{FETCH_FAILED} ({exc})")
        return
    kind = _looks_like(got.body, got.content_type)
    if kind == "feed":
        yield from read_feed(got.body, url, lambda u: fetch_url(u, timeout), skip_ids=skip_ids)
    elif kind == "text":
        yield read_plain_text(got.body, url, got.url, got.charset)
    else:
        yield read_html(got.body, url, got.url, encoding=got.charset)


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
