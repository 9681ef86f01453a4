"""HTML pages for the sources stage: an Article from a page's main text, title, date and
canonical URL by trafilatura; and the markup helpers feeds use too (bytes to text by the page's
own charset, an HTML fragment to plain text). Nothing here raises on bad input: a page that
cannot be read becomes a Problem naming it."""

from __future__ import annotations

import codecs
import logging
import re
from html import unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from tidings.records import Article
from tidings.sources.base import Problem, content_problem, one_line, parse_date, stable_id
from tidings.sources.fetch import host_of, is_url, url_id

__all__ = ["MAX_HTML_CHARS", "MAX_HTML_TAGS", "decode_markup", "html_to_text", "read_html",
           "read_plain_text"]

# What trafilatura is given at most. Its time and memory grow with a page's tags (100,000 of
# them took 2.5-12 s and 90-210 MB here, by the kind of element) and its text (5 MB of
# paragraphs ~5 s and 180 MB), and faster than linearly beyond that: a 48 MB page of
# paragraphs took 266 s and 1.4 GB. Pages of a few hundred KB, a few thousand tags, are far
# inside these bounds and read as they are. A larger page is first cut down (comments,
# scripts, styles, inline SVG and base64 data taken out, cheaply) and skipped with a Problem
# if it is still over either bound.
MAX_HTML_CHARS = 5_000_000  # characters of markup
MAX_HTML_TAGS = 100_000  # "<" in the markup: tags, opening and closing

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CODE_START = re.compile(r"<!--|<(script|style|noscript|template|svg)(?=[\s/>])", re.I)
_CODE_END = {tag: re.compile(rf"</{tag}\s*>", re.I)
             for tag in ("script", "style", "noscript", "template", "svg")}
_BASE64 = re.compile(r";base64,[A-Za-z0-9+/=]{200,}")
_KEPT_JSON_LD = 200_000  # structured data (title, date) is kept when a script holds no more

# trafilatura logs every page it cannot parse; here such a page is a Problem already, so its
# messages are not printed by logging's last-resort handler (configured handlers still get them)
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def decode_markup(raw: bytes, encoding: str | None = None) -> str:
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


def read_html(raw: bytes, origin: str, url: str | None = None, *,
              encoding: str | None = None) -> Article | Problem:
    """One Article from the bytes of an HTML page: main text, title, publication date and
    canonical URL by trafilatura. ``url`` is where the page came from (for relative canonical
    links, the id and the source when the page names no canonical URL); ``encoding`` a charset
    from the HTTP headers. A page over MAX_HTML_CHARS characters or MAX_HTML_TAGS tags is read
    without its comments, scripts and styles, and is a Problem if it is over them still. Pages
    without article text, and anything that goes wrong inside the extraction, become a
    Problem."""
    try:
        return _read_html(raw, origin, url, encoding)
    except Exception as exc:  # broken pages must not stop a run
        return Problem(origin, f"cannot extract the page ({type(exc).__name__}: "
                               f"{one_line(exc, 120)})")


def _read_html(raw: bytes, origin: str, url: str | None, encoding: str | None
               ) -> Article | Problem:
    import trafilatura

    if not raw.strip():
        return Problem(origin, "empty page; nothing to code")
    markup = decode_markup(raw, encoding)
    if _too_big(markup):
        markup = _without_code(markup)
        if _too_big(markup):
            return Problem(origin, f"page too big to extract: {len(raw) / 2**20:.1f} MB of HTML, "
                                   f"without scripts, styles and comments still "
                                   f"{len(markup):,} characters and {markup.count('<'):,} "
                                   f"tags (at most {MAX_HTML_CHARS:,} and {MAX_HTML_TAGS:,}); "
                                   "skipped")
    markup = _XML_DECLARATION.sub("", _CONTROL.sub("", markup), count=1)
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
    if problem := content_problem(text):
        return Problem(origin, problem)
    page_url = meta.get("url") or None
    if page_url and url:
        page_url = urljoin(url, page_url)
    if page_url and not is_url(page_url):
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
        source=host_of(page_url) or meta.get("sitename") or None,
        title=(meta.get("title") or "").strip() or None,
        origin=origin,
    )


def _too_big(markup: str) -> bool:
    return len(markup) > MAX_HTML_CHARS or markup.count("<") > MAX_HTML_TAGS


def _without_code(markup: str) -> str:
    """``markup`` without comments, scripts (JSON-LD of modest size apart), styles, noscript,
    template and inline SVG elements, and base64 data; in one pass, linear in its length. An
    element left open runs to the end, as it does in a browser."""
    parts: list[str] = []
    pos = 0
    while start := _CODE_START.search(markup, pos):
        parts.append(markup[pos:start.start()])
        if start.group(1) is None:  # "<!--"
            comment_end = markup.find("-->", start.end())
            pos = len(markup) if comment_end < 0 else comment_end + 3
            continue
        tag = start.group(1).lower()
        tag_end = markup.find(">", start.end())
        if tag_end < 0:  # a tag never closed: the rest is not markup a browser shows
            pos = len(markup)
            break
        if tag == "svg" and markup[tag_end - 1] == "/":  # <svg ... />
            pos = tag_end + 1
            continue
        end = _CODE_END[tag].search(markup, tag_end)
        pos = end.end() if end else len(markup)
        if (tag == "script" and pos - start.start() <= _KEPT_JSON_LD
                and "ld+json" in markup[start.end():tag_end].lower()):
            parts.append(markup[start.start():pos])
    parts.append(markup[pos:])
    return _BASE64.sub(";base64,", "".join(parts))


def read_plain_text(raw: bytes, origin: str, url: str, charset: str | None
                    ) -> Article | Problem:
    """One Article from a plain-text document downloaded from ``url``."""
    text = _CONTROL.sub("", decode_markup(raw, charset)).strip()
    if problem := content_problem(text):
        return Problem(origin, "empty document; nothing to code"
                       if problem.startswith("no article text") else problem)
    return Article(id=url_id(url), text=text, url=url, source=host_of(url), origin=origin)
