"""The ingest stage for the coder: plain text files, directories, standard input and JSONL
corpora become Article records. Bad input becomes a Problem naming the file and line; reading
goes on with the next record."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.records import Article

TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_FILE_BYTES = 50 * 2**20  # a file larger than this (JSONL apart) is not read at all
MAX_CHARS = 1_000_000  # a record longer than this is skipped (spaCy's own default limit)

# A few of the commonest English words. A text of some length in which almost none of them
# occur is not English, and the coder would only produce noise from it.
_ENGLISH = frozenset(
    "the of and to in a is that for on was with as by it at from he said has have be are were "
    "an its his their not this which will after they but who had would been also over".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Problem:
    """An input record that could not be coded, and why (one line, for people)."""

    origin: str  # "corpus.jsonl:12", "notes.txt", "<stdin>"
    message: str
    record_id: str | None = None

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def parse_date(value: object) -> dt.date | None:
    """YYYYMMDD or ISO 8601 (date or date-time) to a date; ValueError when it is neither."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d{8}", text):
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"date {text!r} is neither YYYYMMDD nor ISO 8601") from None


def stable_id(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def language_problem(text: str) -> str | None:
    """A reason to skip ``text`` as not English, or None."""
    words = _WORD.findall(text[:20000].lower())
    if len(words) < 12:
        return None
    latin = sum(1 for w in words if w.isascii())
    if latin / len(words) < 0.5:
        return "text is not in English (mostly non-Latin script); skipped"
    common = sum(1 for w in words if w in _ENGLISH)
    if common / len(words) < 0.06:
        return "text does not look like English; skipped"
    return None


def _decode(raw: bytes, origin: str) -> str | Problem:
    if b"\x00" in raw[:8192]:
        return Problem(origin, "binary file (NUL bytes), not text; skipped")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(origin, f"not valid UTF-8 (byte {exc.start}); skipped")


def _too_long(text: str) -> str | None:
    if len(text) > MAX_CHARS:
        return (f"text is {len(text):,} characters, over the limit of {MAX_CHARS:,} "
                "for one record; skipped")
    return None


def _text_article(text: str, origin: str, path: Path | None) -> Article | Problem:
    if not text.strip():
        return Problem(origin, "empty input; nothing to code")
    if too_long := _too_long(text):
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
        if too_long := _too_long(body):
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


def read_inputs(inputs: list[str], stdin_format: str = "text") -> Iterator[Article | Problem]:
    """Articles from files, directories (recursively: .txt and .jsonl) and '-' (stdin)."""
    for item in inputs:
        if item == "-":
            data = sys.stdin.buffer.read()
            if stdin_format == "jsonl":
                yield from read_jsonl_lines(iter(data.splitlines()), "<stdin>")
            else:
                text = _decode(data, "<stdin>")
                yield text if isinstance(text, Problem) else _text_article(text, "<stdin>", None)
            continue
        path = Path(item)
        if path.is_dir():
            files = corpus_files(path, TEXT_SUFFIXES | JSONL_SUFFIXES)
            if not files:
                yield Problem(item, "directory holds no .txt or .jsonl files")
            for p in files:
                yield from read_path(p)
        elif path.exists():
            yield from read_path(path)
        else:
            yield Problem(item, "no such file or directory")
