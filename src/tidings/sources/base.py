"""What every reader of :mod:`tidings.sources` shares: the Problem record for input that cannot
be coded, the checks a text must pass (not empty, not too long, English), dates and ids."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

__all__ = [
    "MAX_CHARS",
    "MAX_FILE_BYTES",
    "Problem",
    "content_problem",
    "language_problem",
    "one_line",
    "parse_date",
    "stable_id",
    "too_long_problem",
]

MAX_FILE_BYTES = 50 * 2**20  # a file or download larger than this (JSONL apart) is not read
MAX_CHARS = 1_000_000  # a record longer than this is skipped (spaCy's own default limit)

# A few of the commonest English words. A text of some length in which almost none of them
# occur is not English, and the coder would only produce noise from it.
_ENGLISH = frozenset(
    "the of and to in a is that for on was with as by it at from he said has have be are were "
    "an its his their not this which will after they but who had would been also over".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_WORDS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Problem:
    """An input record that could not be coded, and why (one line, for people)."""

    origin: str  # "corpus.jsonl:12", "notes.txt", "<stdin>", "https://..."
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
    """The id of a record that brings none: ``"sha1:"`` and 16 hex digits of its text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def one_line(text: object, limit: int = 200) -> str:
    """``text`` on one line, spaces collapsed, cut to ``limit`` characters."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


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


def too_long_problem(text: str) -> str | None:
    """A reason to skip ``text`` as longer than one record may be, or None."""
    if len(text) > MAX_CHARS:
        return (f"text is {len(text):,} characters, over the limit of {MAX_CHARS:,} "
                "for one record; skipped")
    return None


def content_problem(text: str) -> str | None:
    """Why text taken out of markup (a page, a feed entry) is not coded: no words in it, too
    long, not English; or None."""
    if len(_WORDS.findall(text)) < 3:  # nothing but markup debris ("| \xff\xfe |")
        return "no article text found in the page"
    return too_long_problem(text) or language_problem(text)
