"""RSS and Atom feeds for the sources stage, read by feedparser: one Article per entry,
following an entry's link when the feed holds only a short summary. An entry that cannot be
read becomes a Problem naming it; the other entries still come through."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Container, Iterator
from typing import Any
from urllib.parse import urljoin

from tidings.records import Article
from tidings.sources.base import Problem, content_problem, one_line, stable_id
from tidings.sources.fetch import FETCH_FAILED, FetchError, host_of, is_url, url_id
from tidings.sources.pages import html_to_text, read_html

__all__ = ["read_feed"]

SUMMARY_CHARS = 500  # an entry text shorter than this is a summary: follow the link


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
        yield Problem(origin, f"not an RSS or Atom feed ({one_line(exc, 120)})")
        return
    entries = parsed.get("entries") or []
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no feed elements found"
        yield Problem(origin, f"not an RSS or Atom feed ({one_line(reason, 120)})")
        return
    feed = parsed.get("feed") or {}
    feed_link = feed.get("link") or (origin if is_url(origin) else None)
    source = (feed.get("title") or "").strip() or host_of(feed_link) or None
    for number, entry in enumerate(entries, start=1):
        try:
            yield from _read_entry(entry, number, origin, source, feed_link, fetch, skip_ids)
        except Exception as exc:  # one odd entry must not stop the feed
            yield Problem(f"{origin} entry {number}",
                          f"cannot read the entry ({type(exc).__name__}: {one_line(exc, 120)})")


def _read_entry(entry: Any, number: int, origin: str, source: str | None,
                feed_link: str | None, fetch: Callable[[str], bytes] | None,
                skip_ids: Container[str]) -> Iterator[Article | Problem]:
    link = (entry.get("link") or "").strip() or None
    if link and feed_link:
        link = urljoin(feed_link, link)
    if link and not is_url(link):
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
                                f"({one_line(exc, 120)})", rid)
            return
        except Exception as exc:  # a caller's fetch function may raise anything
            yield Problem(link, f"{FETCH_FAILED} the page of entry {number} of {origin} "
                                f"({type(exc).__name__}: {one_line(exc, 120)})", rid)
            return
        article = read_html(page, link, link)
        if isinstance(article, Problem):
            yield Problem(link, article.message, rid)
            return
        yield Article(id=rid or article.id, text=article.text, date=article.date or date,
                      url=link, source=source or article.source,
                      title=article.title or title, origin=link)
        return
    if problem := content_problem(text):
        if problem.startswith("no article text"):
            problem = "entry has no text"
        yield Problem(where, problem, rid or (stable_id(text) if text else None))
        return
    yield Article(id=rid or stable_id(text), text=text, date=date, url=link,
                  source=source or host_of(link), title=title, origin=where)
