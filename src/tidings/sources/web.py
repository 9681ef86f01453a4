"""The web readers under the names they had before the sources stage was split by concern.

Code outside ``tidings.sources`` that still imports from here keeps working; new code imports
from :mod:`tidings.sources.reader` (``read``, ``read_source``), :mod:`~tidings.sources.pages`,
:mod:`~tidings.sources.feeds`, :mod:`~tidings.sources.fetch` and :mod:`~tidings.sources.watch`.
"""

from __future__ import annotations

from tidings.sources.feeds import read_feed
from tidings.sources.fetch import FetchError, fetch_url, url_id
from tidings.sources.pages import read_html
from tidings.sources.reader import read_source
from tidings.sources.watch import FeedWatcher, parse_interval

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
