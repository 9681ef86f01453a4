"""Downloads over HTTP(S) for the sources stage, and the URL helpers every web source uses:
one spelling of a URL, the stable id of an article found at one, its host."""

from __future__ import annotations

import hashlib
import queue
import re
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tidings.sources.base import MAX_FILE_BYTES, one_line

if TYPE_CHECKING:
    import httpx

__all__ = [
    "FETCH_FAILED",
    "Download",
    "FetchError",
    "download",
    "fetch_url",
    "host_of",
    "is_url",
    "normalise_url",
    "url_id",
]

USER_AGENT = "tidings/0.1 (political event coder; research use)"
MAX_SOURCE_BYTES = MAX_FILE_BYTES  # a downloaded page or feed
FETCH_FAILED = "cannot fetch"  # how a Problem for a failed download begins

_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.I)


class FetchError(Exception):
    """A URL could not be downloaded; the message is one line ("HTTP 500", "timed out ...")."""

    def __init__(self, message: str, url: str = "") -> None:
        super().__init__(message)
        self.url = url


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


def host_of(url: str | None) -> str | None:
    """The host of ``url`` without "www.", or None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def is_url(location: str) -> bool:
    """Whether ``location`` is an http(s) URL."""
    return urlsplit(location).scheme.lower() in ("http", "https")


@dataclass(frozen=True, slots=True)
class Download:
    body: bytes
    content_type: str  # lower case, without parameters: "text/html"
    charset: str | None
    url: str  # after redirects


def download(url: str, timeout: float = 10.0) -> Download:
    """The response to GET ``url``: body, content type, charset and final URL. ``timeout`` is
    a deadline for the whole download (connecting, the headers and the body), not for each
    read: a server that sends a byte now and then cannot hold a run. Raises FetchError, as
    :func:`fetch_url` does."""
    deadline = time.monotonic() + timeout
    outcome: queue.SimpleQueue[Download | Exception] = queue.SimpleQueue()
    # The download runs in a thread of its own, so that the deadline holds even when a single
    # step (a name lookup, one read) would block for longer; a thread left behind stops at its
    # next chunk or when httpx's own timeout (``timeout`` per step) ends the step it is in.
    worker = threading.Thread(target=_download_into, args=(url, timeout, deadline, outcome),
                              name="tidings-download", daemon=True)
    worker.start()
    try:
        got = outcome.get(timeout=max(0.0, deadline - time.monotonic()))
    except queue.Empty:
        raise FetchError(_timed_out(timeout), url) from None
    if isinstance(got, Exception):
        raise got
    return got


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s"


def _download_into(url: str, timeout: float, deadline: float,
                   outcome: queue.SimpleQueue[Download | Exception]) -> None:
    """:func:`_download`, its Download or its exception put in ``outcome``."""
    try:
        outcome.put(_download(url, timeout, deadline))
    except Exception as exc:  # handed to the waiting caller, which raises it
        outcome.put(exc)


def _download(url: str, timeout: float, deadline: float) -> Download:
    import httpx

    try:
        with httpx.Client(headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
                          follow_redirects=True, timeout=httpx.Timeout(timeout)) as client:
            with client.stream("GET", url) as response:
                return _receive(response, url, timeout, deadline)
    except FetchError:
        raise
    except httpx.TimeoutException:
        raise FetchError(_timed_out(timeout), url) from None
    except httpx.TooManyRedirects:
        raise FetchError("too many redirects", url) from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect ({one_line(exc, 120)})", url) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise FetchError(f"not a usable URL ({one_line(exc, 120)})", url) from None
    except httpx.HTTPError as exc:
        raise FetchError(f"request failed ({type(exc).__name__}: {one_line(exc, 120)})",
                         url) from None


def _receive(response: httpx.Response, url: str, timeout: float, deadline: float
             ) -> Download:
    """The body of a streamed response, refused over MAX_SOURCE_BYTES or past ``deadline``."""
    limit_mb = MAX_SOURCE_BYTES // (1024 * 1024)
    if response.status_code >= 400:
        reason = response.reason_phrase
        raise FetchError(f"HTTP {response.status_code}" + (f" {reason}" if reason else ""), url)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_SOURCE_BYTES:
        raise FetchError(f"response is {int(declared) / 2**20:.1f} MB, over the "
                         f"{limit_mb} MB limit", url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        if time.monotonic() > deadline:
            raise FetchError(_timed_out(timeout), url)
        size += len(chunk)
        if size > MAX_SOURCE_BYTES:
            raise FetchError(f"response is over the {limit_mb} MB limit", url)
        chunks.append(chunk)
    ctype = response.headers.get("content-type", "")
    return Download(body=b"".join(chunks), content_type=ctype.split(";")[0].strip().lower(),
                    charset=response.charset_encoding, url=str(response.url))


def fetch_url(url: str, timeout: float = 10.0) -> bytes:
    """The body of ``url`` (redirects followed, at most 50 MB, ``timeout`` seconds for the
    whole download). Raises FetchError with a one-line message: "HTTP 500", "timed out after
    10 s", "cannot connect (...)", "response is over the 50 MB limit"."""
    return download(url, timeout).body
