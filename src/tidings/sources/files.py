"""Files for the sources stage: plain text files, JSONL corpora, directories and standard
input become Article records. Bad input becomes a Problem naming the file and line; reading goes
on with the next record. (HTML pages and feeds are read by :mod:`tidings.sources.pages` and
:mod:`tidings.sources.feeds`; :func:`tidings.sources.reader.read` chooses.)"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tidings.records import Article
from tidings.sources.base import (
    MAX_FILE_BYTES,
    Problem,
    language_problem,
    parse_date,
    stable_id,
    text_problem,
    too_long_problem,
)

TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def _decode(raw: bytes, origin: str) -> str | Problem:
    """Bytes to text: UTF-8 (a byte-order mark allowed), or UTF-16 when the bytes say so
    (a UTF-16 byte-order mark, or every other byte zero in ASCII-range text)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or _utf16_without_mark(raw):
        encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else (
            "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be")
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as exc:
            return Problem(origin, f"not valid UTF-16 (byte {exc.start}); skipped")
    if b"\x00" in raw[:8192]:
        return Problem(origin, "binary file (NUL bytes), not text; skipped")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(origin, f"not valid UTF-8 (byte {exc.start}); skipped")


def _utf16_without_mark(raw: bytes) -> bool:
    """Whether ``raw`` looks like UTF-16 text with no byte-order mark: of its first bytes, the
    odd (or the even) ones are nearly all zero and the others nearly never."""
    head = raw[:4096]
    if len(head) < 8:
        return False
    evens, odds = head[0::2], head[1::2]
    zero_even, zero_odd = evens.count(0) / len(evens), odds.count(0) / len(odds)
    return max(zero_even, zero_odd) > 0.9 and min(zero_even, zero_odd) < 0.05


def _text_article(text: str, origin: str, path: Path | None) -> Article | Problem:
    if not text.strip():
        return Problem(origin, "empty input; nothing to code")
    if too_long := too_long_problem(text):
        return Problem(origin, too_long)
    if bad := text_problem(text):
        return Problem(origin, bad)
    lang = language_problem(text)
    if lang:
        return Problem(origin, lang)
    return Article(id=stable_id(text), text=text, origin=origin,
                   title=path.stem if path else None)


def corpus_files(directory: Path, suffixes: Iterable[str]) -> list[Path]:
    """The files below ``directory`` with one of ``suffixes``, sorted, hidden ones left out."""
    return [p for p in _corpus_entries(directory, suffixes) if p.is_file()]


def unreadable_entries(directory: Path, suffixes: Iterable[str]) -> list[Problem]:
    """What a walk of ``directory`` passes over that a user may have meant to be read: FIFOs,
    sockets and devices, and links that lead nowhere (with one of ``suffixes``)."""
    out = []
    for p in _corpus_entries(directory, suffixes):
        if p.is_file():
            continue
        if p.is_symlink() and not p.exists():
            out.append(Problem(str(p), "link to a file that does not exist; skipped"))
        else:
            out.append(Problem(str(p), f"{_kind(p)}, not a regular file; skipped"))
    return out


def _corpus_entries(directory: Path, suffixes: Iterable[str]) -> list[Path]:
    wanted = {x.lower() for x in suffixes}
    return sorted(
        p for p in directory.rglob("*")
        if p.suffix.lower() in wanted and not p.is_dir()
        and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def _kind(path: Path) -> str:
    """What a path that is not a regular file or a directory is, in words."""
    if path.is_fifo():
        return "a FIFO (named pipe)"
    if path.is_socket():
        return "a socket"
    if path.is_block_device() or path.is_char_device():
        return "a device"
    return "not a file"


def regular_file_problem(path: Path) -> Problem | None:
    """A Problem when ``path`` exists but is not a regular file (reading a FIFO or a device
    would block or never end), else None."""
    if path.is_file() or path.is_dir() or not path.exists():
        return None
    return Problem(str(path), f"{_kind(path)}, not a regular file; skipped")


def read_jsonl_lines(lines: Iterator[bytes], name: str) -> Iterator[Article | Problem]:
    """Articles from JSONL lines, one record a line ("text" or "event_text", with "id",
    "date", "url", "source", "title" when given); origins are ``name:line``. A record that
    cannot be stored as it is (a field of the wrong type, a NUL or an unpaired surrogate, a
    bad date) is a Problem naming its line; the next line is read as usual."""
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
        except RecursionError:
            yield Problem(origin, "JSON nested too deeply; skipped")
            continue
        if not isinstance(rec, dict):
            yield Problem(origin, "a JSON object was expected; skipped")
            continue
        yield _record_article(rec, origin)


def _record_article(rec: dict[str, Any], origin: str) -> Article | Problem:
    """One JSONL record as an Article, or the Problem that keeps it out."""
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, str | int | None):
        return Problem(origin, f"field 'id' must be a string or a number, not "
                               f"{_json_type(rid)}; skipped")
    rid = str(rid) if rid not in (None, "") else None
    if rid is not None and (bad := text_problem(rid, "field 'id'")):
        return Problem(origin, bad)
    body = rec.get("text")
    if not isinstance(body, str):
        body = rec.get("event_text") if isinstance(rec.get("event_text"), str) else None
    if body is None or not body.strip():
        return Problem(origin, "record has no 'text' (or 'event_text'); skipped", rid)
    fields: dict[str, str | None] = {}
    for key in ("url", "source", "title"):
        value = rec.get(key)
        if not isinstance(value, str | None):
            return Problem(origin, f"field '{key}' must be a string, not {_json_type(value)}; "
                                   "skipped", rid)
        fields[key] = value or None
    for key, value in (("text", body), *fields.items()):
        if value is not None and (bad := text_problem(value, f"field '{key}'")):
            return Problem(origin, bad, rid)
    if too_long := too_long_problem(body):
        return Problem(origin, too_long, rid)
    try:
        date = parse_date(rec.get("date"))
    except ValueError as exc:
        return Problem(origin, f"{exc}; skipped", rid)
    if lang := language_problem(body):
        return Problem(origin, lang, rid)
    return Article(id=rid or stable_id(body), text=body, date=date, origin=origin, **fields)


def _json_type(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"


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
