"""RSS and Atom feeds for the sources stage, read by feedparser: one Article per entry,
following an entry's link when the feed holds only a short summary. An entry that cannot be
read becomes a Problem naming it; the other entries still come through."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from tidings.records import Article
from tidings.sources.base import Problem, content_problem, one_line, stable_id
from tidings.sources.fetch import FETCH_FAILED, FetchError, host_of, is_url, url_id
from tidings.sources.pages import MAX_HTML_CHARS, html_to_text, read_html

__all__ = ["MAX_FEED_ENTRIES", "MAX_FOLLOWED_PAGES", "read_feed"]

SUMMARY_CHARS = 500  # an entry text shorter than this is a summary: follow the link

# Ceilings for one feed. feedparser holds every entry, at ~0.5 ms and a few KB each (68,000
# one-line entries, a 7 MB feed: 32 s and 170 MB), so a feed with more entries than news feeds
# have (tens to hundreds) is refused before it is parsed: a corpus that size is for JSONL. An
# entry's markup is bounded as a page's is (MAX_HTML_CHARS). Each followed page costs a
# download (``timeout`` at most) and an extraction, so at most MAX_FOLLOWED_PAGES are followed
# in one reading of a feed: the entries after them are a "cannot fetch" Problem, which a feed
# watcher tries again on its next poll.
MAX_FEED_ENTRIES = 5_000
MAX_FOLLOWED_PAGES = 200

_ENTRY_START = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(?:item|entry)[\s>/]")


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
    read as a page (the feed's date and title fill in what the page lacks), for at most
    MAX_FOLLOWED_PAGES entries. A failing download is a Problem for that entry; the other
    entries still come through. Entries whose id is in ``skip_ids`` are passed over before
    anything is downloaded. A feed of more than MAX_FEED_ENTRIES entries is one Problem."""
    import feedparser

    entry_count = sum(1 for _ in _ENTRY_START.finditer(raw))
    if entry_count > MAX_FEED_ENTRIES:
        yield Problem(origin, f"feed has {entry_count:,} entries, over the {MAX_FEED_ENTRIES:,} "
                              "one feed may have (a corpus this size is for JSONL); skipped")
        return
    try:
        # feedparser's HTML sanitizer and link resolver (in pure Python) cost 4 to 40 times
        # the parse itself, and neither changes the plain text taken out of an entry: its
        # scripts and styles are left out by html_to_text, and titles are not sanitized
        parsed = feedparser.parse(io.BytesIO(raw), sanitize_html=False,
                                  resolve_relative_uris=False)
    except Exception as exc:
        yield Problem(origin, f"not an RSS or Atom feed ({one_line(exc, 120)})")
        return
    entries = parsed.get("entries") or []
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no feed elements found"
        yield Problem(origin, f"not an RSS or Atom feed ({one_line(reason, 120)})")
        return
    feed = parsed.get("feed") or {}
    feed_link = feed.get("link") or (origin if is_url(origin) else None)
    reading = _Reading(origin, (feed.get("title") or "").strip() or host_of(feed_link) or None,
                       feed_link, fetch, skip_ids)
    for number, entry in enumerate(entries, start=1):
        try:
            yield from _read_entry(entry, number, reading)
        except Exception as exc:  # one odd entry must not stop the feed
            yield Problem(f"{origin} entry {number}",
                          f"cannot read the entry ({type(exc).__name__}: {one_line(exc, 120)})")


@dataclass
class _Reading:
    """One reading of a feed: what every entry needs, and the pages followed so far."""

    origin: str
    source: str | None
    feed_link: str | None
    fetch: Callable[[str], bytes] | None
    skip_ids: Container[str]
    followed: int = 0


def _markup_chars(entry: Any) -> tuple[int, str]:
    """The length of the entry's longest content block or summary, and that block."""
    values = [block.get("value") or "" for block in entry.get("content") or []]
    values.append(entry.get("summary") or entry.get("description") or "")
    longest = max(values, key=len)
    return len(longest), longest


def _read_entry(entry: Any, number: int, reading: _Reading) -> Iterator[Article | Problem]:
    origin = reading.origin
    link = (entry.get("link") or "").strip() or None
    if link and reading.feed_link:
        link = urljoin(reading.feed_link, link)
    if link and not is_url(link):
        link = None
    rid = url_id(link) if link else None
    if rid and rid in reading.skip_ids:
        return
    where = link or f"{origin} entry {number}"
    chars, markup = _markup_chars(entry)
    if chars > MAX_HTML_CHARS:
        yield Problem(where, f"entry is {chars:,} characters of markup, over the "
                             f"{MAX_HTML_CHARS:,} one entry may have; skipped",
                      rid or stable_id(markup))
        return
    title = " ".join((entry.get("title") or "").split()) or None
    date = _entry_date(entry)
    text = _entry_text(entry)
    if len(text) < SUMMARY_CHARS and reading.fetch is not None and link:
        yield _followed(link, number, rid, title, date, reading)
        return
    if problem := content_problem(text):
        if problem.startswith("no article text"):
            problem = "entry has no text"
        yield Problem(where, problem, rid or (stable_id(text) if text else None))
        return
    yield Article(id=rid or stable_id(text), text=text, date=date, url=link,
                  source=reading.source or host_of(link), title=title, origin=where)


def _followed(link: str, number: int, rid: str | None, title: str | None,
              date: dt.date | None, reading: _Reading) -> Article | Problem:
    """The Article of the page an entry links to, or a Problem naming the link."""
    failed = f"{FETCH_FAILED} the page of entry {number} of {reading.origin}"
    if reading.followed >= MAX_FOLLOWED_PAGES or reading.fetch is None:
        return Problem(link, f"{failed} (not followed: {MAX_FOLLOWED_PAGES} pages of this "
                             "feed are followed at most in one reading)", rid)
    reading.followed += 1
    try:
        page = reading.fetch(link)
    except FetchError as exc:
        return Problem(link, f"{failed} ({one_line(exc, 120)})", rid)
    except Exception as exc:  # a caller's fetch function may raise anything
        return Problem(link, f"{failed} ({type(exc).__name__}: {one_line(exc, 120)})", rid)
    article = read_html(page, link, link)
    if isinstance(article, Problem):
        return Problem(link, article.message, rid)
    return Article(id=rid or article.id, text=article.text, date=article.date or date,
                   url=link, source=reading.source or article.source,
                   title=article.title or title, origin=link)
