"""Watching sources for the ``tidings ingest --watch`` command: a feed (or any location the
reader takes) polled again and again, returning only what is new."""

from __future__ import annotations

import re

from tidings.records import Article
from tidings.sources.base import Problem
from tidings.sources.fetch import FETCH_FAILED
from tidings.sources.reader import read

__all__ = ["FeedWatcher", "parse_interval"]

_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


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
    """Polls a feed (or any location the reader takes) and returns only what is new.

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
        for item in read([self.url], timeout=self.timeout, skip_ids=self.seen_ids):
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
