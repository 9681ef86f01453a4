"""Files for the sources stage: plain text files, JSONL corpora, directories and standard
input become Article records. Bad input becomes a Problem naming the file and line; reading goes
on with the next record. (HTML pages and feeds are read by :mod:`tidings.sources.pages` and
:mod:`tidings.sources.feeds`; :func:`tidings.sources.reader.read` chooses.)"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from tidings.records import Article
from tidings.sources.base import (
    MAX_FILE_BYTES,
    Problem,
    language_problem,
    parse_date,
    stable_id,
    too_long_problem,
)

TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def _decode(raw: bytes, origin: str) -> str | Problem:
    if b"\x00" in raw[:8192]:
        return Problem(origin, "binary file (NUL bytes), not text; skipped")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(origin, f"not valid UTF-8 (byte {exc.start}); skipped")


def _text_article(text: str, origin: str, path: Path | None) -> Article | Problem:
    if not text.strip():
        return Problem(origin, "empty input; nothing to code")
    if too_long := too_long_problem(text):
        return Problem(origin, too_long)
    lang = language_problem(text)
    if lang:
        return Problem(origin, lang)
    return Article(id=stable_id(text), text=text, origin=origin,
                   title=path.stem if path else None)


def corpus_files(directory: Path, suffixes: Iterable[str]) -> list[Path]:
    """The files below ``directory`` with one of ``suffixes``, sorted, hidden ones left out."""
    wanted = {x.lower() for x in suffixes}
    return sorted(
        p for p in directory.rglob("*")
        if p.is_file() and p.suffix.lower() in wanted
        and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def read_jsonl_lines(lines: Iterator[bytes], name: str) -> Iterator[Article | Problem]:
    """Articles from JSONL lines, one record a line ("text" or "event_text", with "id",
    "date", "url", "source", "title" when given); origins are ``name:line``."""
    for lineno, raw in enumerate(lines, start=1):
        origin = f"{name}:{lineno}"
        if not raw.strip():
            continue
        text = _decode(raw, origin)
        if isinstance(text, Problem):
            yield text
            continue
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Problem(origin, f"not valid JSON ({exc.msg} at column {exc.colno}); skipped")
            continue
        if not isinstance(rec, dict):
            yield Problem(origin, "a JSON object was expected; skipped")
            continue
        rid = rec.get("id")
        rid = str(rid) if rid not in (None, "") else None
        body = rec.get("text")
        if not isinstance(body, str):
            body = rec.get("event_text") if isinstance(rec.get("event_text"), str) else None
        if body is None or not body.strip():
            yield Problem(origin, "record has no 'text' (or 'event_text'); skipped", rid)
            continue
        if too_long := too_long_problem(body):
            yield Problem(origin, too_long, rid)
            continue
        try:
            date = parse_date(rec.get("date"))
        except ValueError as exc:
            yield Problem(origin, f"{exc}; skipped", rid)
            continue
        lang = language_problem(body)
        if lang:
            yield Problem(origin, lang, rid)
            continue
        yield Article(
            id=rid or stable_id(body), text=body, date=date, url=rec.get("url"),
            source=rec.get("source"), title=rec.get("title"), origin=origin,
        )


def read_file_bytes(path: Path, limit: int) -> bytes | Problem:
    """A file's bytes, or a Problem if it cannot be read or is over ``limit`` bytes (checked
    before reading, so a huge file is never loaded)."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            return Problem(name, f"file is {size / 2**20:.1f} MB, over the "
                                 f"{limit // 2**20} MB limit; skipped")
        return path.read_bytes()
    except OSError as exc:
        return Problem(name, f"cannot read ({exc.strerror})")


def read_path(path: Path) -> Iterator[Article | Problem]:
    """Articles from one file: JSONL by suffix, anything else as one plain-text article."""
    name = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with open(path, "rb") as fh:
                yield from read_jsonl_lines(iter(fh), name)
        except OSError as exc:
            yield Problem(name, f"cannot read ({exc.strerror})")
        return
    raw = read_file_bytes(path, MAX_FILE_BYTES)
    if isinstance(raw, Problem):
        yield raw
        return
    text = _decode(raw, name)
    yield text if isinstance(text, Problem) else _text_article(text, name, path)


def read_stdin(stdin_format: str = "text") -> Iterator[Article | Problem]:
    """Articles from standard input: one plain-text article, or JSONL records when
    ``stdin_format`` is "jsonl"."""
    data = sys.stdin.buffer.read()
    if stdin_format == "jsonl":
        yield from read_jsonl_lines(iter(data.splitlines()), "<stdin>")
        return
    text = _decode(data, "<stdin>")
    yield text if isinstance(text, Problem) else _text_article(text, "<stdin>", None)
