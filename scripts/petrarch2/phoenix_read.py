"""Reading PETRARCH-2's actor and agent dictionaries (the Phoenix format): records, their
phrases and dated codes, and the codes as a timeline of roles. Part of the converter
``scripts/petrarch2/actors.py``, whose docstring describes the format and the rules."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ORIGIN = "petrarch2"
NULL_CODE = "---"
FLOOR = dt.date(1945, 1, 1)  # nothing before this day is imported
ONE_DAY = dt.timedelta(days=1)


class FormatError(ValueError):
    """A part of a PETRARCH-2 dictionary line that cannot be read."""


# ================================================================ reading the format


@dataclass(frozen=True)
class Restriction:
    """One ``[CODE restriction]``: the code holds from ``lo`` to ``hi``, both included (None:
    unbounded). One with neither bound is a default."""

    code: str
    lo: dt.date | None = None
    hi: dt.date | None = None

    @property
    def is_default(self) -> bool:
        return self.lo is None and self.hi is None

    def holds_on(self, day: dt.date) -> bool:
        return (self.lo is None or self.lo <= day) and (self.hi is None or day <= self.hi)


@dataclass(frozen=True)
class Phrase:
    """A phrase of a record as written and as a lowercase token sequence, with its line."""

    raw: str
    text: str
    line: int


@dataclass
class Record:
    """One actor of a dictionary: primary phrase, ``+`` synonyms and codes in file order."""

    source: str
    primary: Phrase
    synonyms: list[Phrase] = field(default_factory=list)
    restrictions: list[Restriction] = field(default_factory=list)
    comment: str = ""
    bad_restrictions: int = 0

    @property
    def line(self) -> int:
        return self.primary.line

    @property
    def phrases(self) -> list[Phrase]:
        return [self.primary, *self.synonyms]

    @property
    def origin(self) -> str:
        return f"{ORIGIN}:{self.source}:{self.line}"


def parse_date(text: str) -> dt.date:
    """A dictionary date: YYYYMMDD, or YYMMDD with 00-30 read as 2000-2030 and 31-99 as
    1931-1999 (the KEDS/TABARI/PETRARCH rule)."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise FormatError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{(2000 if yy <= 30 else 1900) + yy}{text[2:]}"
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise FormatError(f"date {text!r}: {exc}") from None


_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")


def parse_restriction(inner: str) -> Restriction:
    """The inside of one ``[...]``: ``CODE``, ``CODE <date``, ``CODE >date`` or
    ``CODE date-date`` (blanks around the operator allowed)."""
    parts = inner.split(None, 1)
    if not parts:
        raise FormatError("empty code")
    code = parts[0].upper()
    if re.fullmatch(r"-+|\++", code):
        code = NULL_CODE
    elif not re.fullmatch(r"[A-Z]+", code):
        raise FormatError(f"code {parts[0]!r}")
    if len(parts) == 1:
        return Restriction(code)
    rest = parts[1].strip()
    if rest[0] in "<>":
        day = parse_date(rest[1:].strip())
        return Restriction(code, hi=day) if rest[0] == "<" else Restriction(code, lo=day)
    m = _RANGE.match(rest)
    if not m:
        raise FormatError(f"date restriction {rest!r}")
    lo, hi = parse_date(m[1]), parse_date(m[2])
    if hi < lo:
        raise FormatError(f"date restriction {rest!r} ends before it starts")
    return Restriction(code, lo, hi)


def phrase_tokens(raw: str) -> str:
    """A dictionary phrase as a lowercase token sequence (``_`` and blanks join words; the
    trailing ``_`` that stops plurals goes)."""
    return " ".join(raw.replace("_", " ").lower().split())


def _split_comment(line: str) -> tuple[str, str]:
    """(content, comment): a comment starts at ``#`` or ``;``."""
    cuts = [i for i in (line.find("#"), line.find(";")) if i >= 0]
    if not cuts:
        return line, ""
    cut = min(cuts)
    return line[:cut], line[cut + 1 :].strip(" #;\t")


def _take_codes(text: str, record: Record) -> str:
    """Add the ``[...]`` codes in ``text`` to ``record``; return the text before them."""
    for inner in re.findall(r"\[([^\]]*)\]", text):
        try:
            record.restrictions.append(parse_restriction(inner))
        except FormatError:
            record.bad_restrictions += 1
    return text.partition("[")[0]


def _content_lines(lines: Iterable[str]) -> Iterable[tuple[int, str, str]]:
    """(line number, content, comment) of the lines that are not comments or blank."""
    in_xml = False
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if in_xml:
            in_xml = "-->" not in line
            continue
        if line.lstrip().startswith("<"):
            in_xml = line.lstrip().startswith("<!--") and "-->" not in line
            continue
        content, comment = _split_comment(line)
        if content.strip():
            yield number, content, comment


def parse_actors(text: str, source: str = "<text>") -> list[Record]:
    """The records of a PETRARCH-2 actor dictionary given as its text."""
    records: list[Record] = []
    current: Record | None = None
    for number, content, comment in _content_lines(text.splitlines()):
        if content[0] in " \t" and content.strip().startswith("["):
            if current is not None:  # a code line before any phrase belongs to nothing
                _take_codes(content, current)
            continue
        if content.startswith("+"):
            if current is not None:
                raw = _take_codes(content[1:], current).strip()
                if raw:
                    current.synonyms.append(Phrase(raw, phrase_tokens(raw), number))
            continue
        record = Record(source, Phrase("", "", number), comment=comment)
        raw = _take_codes(content, record).strip()
        if not raw:
            continue
        record.primary = Phrase(raw, phrase_tokens(raw), number)
        records.append(record)
        current = record
    return records


def read_text(path: Path) -> str:
    # (the Phoenix files are UTF-8; an undecodable byte becomes U+FFFD, which rule 1 drops)
    return Path(path).read_bytes().decode("utf-8", errors="replace")


# ================================================================ codes over time


@dataclass(frozen=True)
class Role:
    code: str
    start: dt.date
    end: dt.date | None  # None: open


def code_on(restrictions: Sequence[Restriction], day: dt.date) -> str | None:
    """PETRARCH's code on ``day``: the first restriction that holds, else the first default."""
    for r in restrictions:
        if not r.is_default and r.holds_on(day):
            return r.code
    return next((r.code for r in restrictions if r.is_default), None)


def timeline(restrictions: Sequence[Restriction], floor: dt.date = FLOOR,
             until: dt.date | None = None) -> list[Role]:
    """The codes of ``restrictions`` from ``floor`` on as non-overlapping roles, each the code
    PETRARCH gives on those days (null and missing codes give no role); with ``until``, a role
    still open then ends on that day (or on its first day, if it starts later)."""
    cuts = {floor}
    for r in restrictions:
        if r.lo is not None and r.lo > floor:
            cuts.add(r.lo)
        if r.hi is not None and r.hi >= floor:
            cuts.add(r.hi + ONE_DAY)
    points = sorted(cuts)
    roles: list[Role] = []
    for i, start in enumerate(points):
        end = points[i + 1] - ONE_DAY if i + 1 < len(points) else None
        code = code_on(restrictions, start)
        if roles and roles[-1].code == code and roles[-1].end == start - ONE_DAY:
            roles[-1] = Role(code, roles[-1].start, end)
        elif code is not None:
            roles.append(Role(code, start, end))
    return [r if until is None or r.end is not None else Role(r.code, r.start, max(until, r.start))
            for r in roles if r.code != NULL_CODE]


def last_date(records: Iterable[Record]) -> dt.date | None:
    """The latest date any code restriction of ``records`` names: when the dictionaries were
    last brought up to date."""
    return max((d for r in records for x in r.restrictions for d in (x.lo, x.hi) if d),
               default=None)
