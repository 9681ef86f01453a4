"""When a coded event happened: the date a sentence names ("on Sunday", "last week", "in
August 2021") read against the article's publication date.

Date conventions (news style, relative to the publication date ``p``):

* a bare weekday ("on Sunday", "Sunday night") is the most recent such day on or before ``p``;
  "last Sunday" is strictly before ``p``; "next Sunday" is strictly after it;
* "yesterday" is ``p - 1``, "today"/"tonight" ``p``, "tomorrow" ``p + 1``;
* "last week" is ``p - 7`` days, "this week" ``p``, "next week" ``p + 7``; the weekend is its
  Saturday;
* a month or a year without a day stands for its first day: "in August 2021" is 2021-08-01,
  "in 2019" is 2019-01-01, "last month" the first of the previous month, "last year" the first
  of January of the previous year;
* a month and day without a year ("on March 3") is the most recent such day on or before ``p``;
* a date after ``p`` is kept only when the expression says so ("next", "tomorrow", "coming",
  "upcoming", "later", "from now") or is a full date or month with its year ("on 20 March
  2025", "in April 2025"); a bare future year ("by 2030") is a target, not a date, and ignored;
* numeric dates: "2024-03-05" is ISO; "3/5/2024" is read month first, as American wire copy
  writes it, unless its first number cannot be a month ("25/3/2024");
* the bound of a period ("since August 2021", "until March", "before Tuesday") is not the date
  of an event; a day that does not exist ("February 30") is no date.

The expressions are found by regular expressions for these shapes, joined where they follow
one another ("Monday, March 11"), and read by the rules above; no general date parser is
asked (``dateparser``'s search took 5 to 8 ms a sentence and was a third of the coder's time
beyond spaCy's).
"""


from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = ["event_date"]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
               "Dec")
# Month names must be capitalised: "may" and "march" in lower case are a verb and a noun.
_MONTH = "(?:" + "|".join(_MONTH_NAMES + _MONTH_ABBR) + ")"
_FULL_MONTH = "(?:" + "|".join(_MONTH_NAMES) + ")"
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

# Cheap test: does the sentence contain anything that could be part of a date at all?
_HINT = re.compile(
    r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?"
    r"|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?|yesterday|today|tonight|tomorrow|ago|week(?:end)?|month"
    r"|year|" + _YEAR + ")")

# What one of the shapes below needs (each shape that starts a word starts with one of these
# words, or holds a year): without any, the sentence is not searched.
_SHAPE_HINT = re.compile(
    r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|oct|nov|dec|yesterday|today|tonight|tomorrow)|ago|" + _YEAR)
_YEAR_HINT = re.compile(_YEAR)

# Shapes a date expression may take.
_ABSOLUTE = re.compile(
    rf"\b{_YEAR}-[01]?\d-[0-3]?\d\b|\b[0-3]?\d/[0-3]?\d/{_YEAR}\b"
    rf"|\b{_MONTH}\.?\s+(?:{_DAY},?\s+)?{_YEAR}\b(?![,.]?\d)"
    rf"|\b{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}\b(?![,.]?\d)")
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\.?\s+{_DAY}\b(?![,.]?\d|\s*%)|\b{_DAY}\s+(?:of\s+)?{_MONTH}\b")
_BARE_MONTH = re.compile(rf"\b{_FULL_MONTH}\b")
_BARE_YEAR = re.compile(rf"(?<![\d,.$£€/-]){_YEAR}(?![\d%/-]|,\d|\.\d|s\b)")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_RELATIVE_RE = re.compile(r"(?i)\b(?P<word>yesterday|today|tonight|tomorrow)\b"
                         r"|\b(?P<n>\d{1,2}|" + "|".join(_NUMBERS)
                         + r")\s+(?P<unit>day|week|month|year)s?\s+ago\b")
_WEEKDAY_RE = re.compile(
    rf"(?i:\b(?:(?:last|past|previous|this|next|coming)\s+)?){_WEEKDAY}\b"
    r"(?i:\s+(?:morning|afternoon|evening|night)\b)?")
_PARTS = (("absolute", _ABSOLUTE), ("monthday", _MONTH_DAY), ("year", _BARE_YEAR),
          ("month", _BARE_MONTH), ("relative", _RELATIVE_RE), ("weekday", _WEEKDAY_RE))
_FUTURE = re.compile(r"(?i)\b(?:next|tomorrow|coming|upcoming|later|from\s+now)\b")

# Words that make a bare month ("since January") or a bare year ("in 2019") a date.
_MONTH_CONTEXT = frozenset({"in", "since", "during", "until", "till", "by", "from", "through",
                            "throughout", "early", "late", "mid", "last", "this", "next",
                            "before", "after", "between"})
_YEAR_CONTEXT = _MONTH_CONTEXT - {"last", "this", "next"} | {"year", "spring", "summer",
                                                           "autumn", "fall", "winter"}
_OF_CONTEXT = frozenset({"end", "beginning", "start", "middle", "half", "spring", "summer",
                         "autumn", "fall", "winter", "months", "part"})
# Words before a date that make it the bound of a period, not the date of an event.
_PERIOD_BOUNDS = frozenset({"since", "until", "till", "throughout", "before"})
# Periods named by a word and a unit ("last week", "over the weekend", "a few days ago").
_PERIOD = re.compile(
    r"(?i)\b(?P<which>last|past|previous|this|next|coming)\s+(?P<unit>week|weekend|month|year)\b"
    r"|\b(?:over|at|during|on)\s+the\s+(?P<unit2>weekend)\b"
    r"|\b(?P<vague>a\s+few|several|a\s+couple\s+of)\s+(?P<unit3>days|weeks|months|years)\s+ago\b")
_VAGUE_COUNT = {"a few": 3, "several": 3, "a couple of": 2}

_MAX_CHARS = 2000  # longer inputs are cut: a date is named early in a sentence, if at all
_MONTH_NUMBER = {name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
# What may stand between two parts of one expression ("Monday, March 11", "Sunday the 3rd").
_JOINER = re.compile(r"[\s,]*(?:the\s+)?")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    text: str
    date: dt.date
    absolute: bool


def event_date(sentence: str, published: dt.date | None) -> tuple[dt.date | None, str]:
    """The date of what a sentence reports and where it came from.

    Returns ``(date, "text:<expression>")`` for a date expression found in the sentence,
    ``(published, "published")`` when there is none, and ``(None, "unknown")`` when there is
    neither. Without a publication date only expressions that spell out their year count.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    try:
        found = _find_date(sentence[:_MAX_CHARS], published) if _HINT.search(sentence) else None
    except OverflowError:  # "next week" said on 9999-12-31: a day past the calendar's end
        found = None
    if found is not None:
        return found.date, f"text:{found.text}"
    if published is not None:
        return published, "published"
    return None, "unknown"


def _find_date(sentence: str, published: dt.date | None) -> _Found | None:
    norm = _normalise(sentence)
    # (without a publication date only expressions with a year count: no year, no search)
    hint = _SHAPE_HINT if published is not None else _YEAR_HINT
    found = list(_expressions(sentence, norm, published)) if hint.search(norm) else []
    if published is not None:
        found.extend(_period_dates(sentence, published))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    for f in found:
        if _bounds_a_period(norm, f.start):
            continue  # "since August 2021": when a state began, not when the event was
        if published is None or f.date <= published or f.absolute:
            return f
        if _FUTURE.search(f.text):
            return f
    return None


def _bounds_a_period(norm: str, pos: int) -> bool:
    """The date expression at ``pos`` is the bound of a period ("since August 2021", "until
    March", "throughout 2022", "before 2020"), which is not the date of an event."""
    before = re.findall(r"[A-Za-z]+", norm[max(0, pos - 20):pos])
    return bool(before) and before[-1].lower() in _PERIOD_BOUNDS


def _normalise(sentence: str) -> str:
    """Same-length rewrites that keep offsets: "Sept. 5" → "Sept  5", "Sunday's" →
    "Sunday  ", "mid-2023" → "mid 2023", curly apostrophes → straight ones."""
    s = sentence.replace("\u2019", "'")
    s = re.sub(rf"\b({_MONTH})\.", r"\1 ", s)
    s = re.sub(rf"\b({_WEEKDAY})'s\b", r"\1  ", s)
    return re.sub(rf"(?i)\bmid-(?={_YEAR})", "mid ", s)


def _expressions(sentence: str, norm: str, published: dt.date | None) -> Iterator[_Found]:
    """Every date expression of the sentence: the parts that have the shape of a date (a full
    date, a month and day, a year or month after a word such as "in", a relative day, a
    weekday), joined where they follow one another ("Monday, March 11"), each read as a date."""
    parts: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PARTS:
        for m in pattern.finditer(norm):
            if kind == "year" and not _has_context(norm, m.start(), _YEAR_CONTEXT):
                continue
            if kind == "month" and (norm[m.start() - 1:m.start()] == "-"
                                    or not _has_context(norm, m.start(), _MONTH_CONTEXT)):
                continue  # (a month joined by a hyphen, "mid-August", is not read)
            parts.append((m.start(), m.end(), kind, m))
    parts.sort(key=lambda p: (p[0], -p[1]))
    group: list[tuple[int, int, str, re.Match[str]]] = []
    for part in parts:
        if group and not _joins(norm, max(g[1] for g in group), part[0]):
            yield from _read(sentence, group, published)
            group = []
        group.append(part)
    if group:
        yield from _read(sentence, group, published)


def _joins(norm: str, end: int, start: int) -> bool:
    """The part starting at ``start`` continues the expression that ends at ``end``."""
    if start <= end:
        return True
    gap = _JOINER.match(norm, end, start)
    return gap is not None and gap.end() == start


def _read(sentence: str, group: list[tuple[int, int, str, re.Match[str]]],
          published: dt.date | None) -> Iterator[_Found]:
    """One expression's date, by its most precise part: a full date, then a year (unless a
    month and day say more), a month and day, a month, a relative day, a weekday."""
    kinds: dict[str, re.Match[str]] = {}
    for _, _, kind, m in group:
        if kind not in kinds or len(m.group(0)) > len(kinds[kind].group(0)):
            kinds[kind] = m
    if published is None and not kinds.keys() & {"absolute", "year"}:
        return
    lo, hi = group[0][0], max(g[1] for g in group)
    text = sentence[lo:hi]
    day: dt.date | None
    if "absolute" in kinds:
        day = _absolute_date(kinds["absolute"].group(0))
        if day is not None:
            yield _Found(lo, hi, text, day, True)
        return
    year = int(kinds["year"].group(0)) if "year" in kinds else None
    month = _month_of(kinds["month"].group(0)) if "month" in kinds else 1
    if year is not None and ("monthday" not in kinds or published is None):
        yield _Found(lo, hi, text, dt.date(year, month, 1), False)
        return
    assert published is not None
    if "monthday" in kinds:
        day = _month_day_date(kinds["monthday"].group(0), published, year)
    elif "month" in kinds:
        day = _latest(published, lambda y: dt.date(y, month, 1))
    elif "relative" in kinds:
        day = _relative_date(kinds["relative"], published)
    else:
        day = _weekday_date(kinds["weekday"].group(0), published)
    if day is not None:
        yield _Found(lo, hi, text, day, False)


def _month_of(word: str) -> int:
    return _MONTH_NUMBER[word[:3].lower()]


def _absolute_date(text: str) -> dt.date | None:
    """A date that names its year: "2024-03-11", "3/11/2024" (month first, as in American
    usage, unless the first number cannot be a month), "March 11, 2024", "11 March 2024",
    "March 2024" (its first day)."""
    numbers = [int(n) for n in re.findall(r"\d+", re.sub(r"(?<=\d)(?:st|nd|rd|th)", "", text))]
    word = re.search(r"[A-Za-z]{3,}", text)
    try:
        if word is None and "-" in text:
            return dt.date(numbers[0], numbers[1], numbers[2])
        if word is None:
            first, second, year = numbers
            return dt.date(year, second, first) if first > 12 else dt.date(year, first, second)
        month = _month_of(word.group(0))
        if len(numbers) == 1:
            return dt.date(numbers[0], month, 1)
        day, year = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
        return dt.date(year, month, day)
    except (ValueError, IndexError, KeyError):
        return None  # "February 30, 2024" is no day


def _month_day_date(text: str, published: dt.date, year: int | None) -> dt.date | None:
    """"March 3" or "3 March": in the year given, or else the latest one not after
    publication."""
    month = _month_of(re.search(r"[A-Za-z]{3,}", text).group(0))  # type: ignore[union-attr]
    day = int(re.search(r"\d+", text).group(0))  # type: ignore[union-attr]
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return _latest(published, lambda y: dt.date(y, month, day))


def _latest(published: dt.date, make: Callable[[int], dt.date]) -> dt.date | None:
    """The latest date ``make(year)`` not after ``published`` (February 29 looks back to the
    last leap year)."""
    for year in range(published.year, max(published.year - 8, 0), -1):
        try:
            day = make(year)
        except ValueError:
            continue
        if day <= published:
            return day
    return None


def _relative_date(m: re.Match[str], published: dt.date) -> dt.date:
    word = (m.groupdict().get("word") or "").lower()
    if word in ("yesterday", "today", "tonight", "tomorrow"):
        return published + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    n = m.group("n").lower()
    return _shift(published, m.group("unit").lower(), -int(_NUMBERS.get(n, n)))


def _has_context(norm: str, pos: int, context: frozenset[str]) -> bool:
    before = re.findall(r"[A-Za-z]+", norm[max(0, pos - 40):pos])
    if not before:
        return False
    last = before[-1].lower()
    if last in context:
        return True
    if last == "the" and len(before) > 1 and before[-2].lower() in context:
        return True
    return last == "of" and len(before) > 1 and before[-2].lower() in _OF_CONTEXT


def _weekday_date(expression: str, published: dt.date) -> dt.date:
    """A weekday, with "last"/"next" if any, as a date near the publication date."""
    found = re.search(_WEEKDAY, expression)
    assert found is not None  # (the expression is what _WEEKDAY found)
    target = _WEEKDAYS.index(found.group(0))
    lowered = expression.lower()
    if re.search(r"\b(?:next|coming)\b", lowered):
        ahead = (target - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - target) % 7
    if back == 0 and re.search(r"\b(?:last|past|previous)\b", lowered):
        back = 7
    return published - dt.timedelta(days=back)


def _period_dates(sentence: str, published: dt.date) -> Iterator[_Found]:
    for m in _PERIOD.finditer(sentence):
        if m.group("vague"):
            n = _VAGUE_COUNT[re.sub(r"\s+", " ", m.group("vague").lower())]
            day = _shift(published, m.group("unit3").lower().rstrip("s"), -n)
        else:
            which = (m.group("which") or "").lower()
            unit = (m.group("unit") or m.group("unit2")).lower()
            step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
            day = _period_start(published, unit, step)
        text = sentence[m.start():m.end()]
        if text.lower().startswith(("over ", "at ", "during ", "on ")):
            text = text.split(None, 1)[1]
        yield _Found(m.end() - len(text), m.end(), text, day, False)


def _period_start(published: dt.date, unit: str, step: int) -> dt.date:
    if unit == "week":
        return published + dt.timedelta(days=7 * step)
    if unit == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        if step > 0:
            return saturday + dt.timedelta(days=7)
        if step < 0 and published.weekday() >= 5:
            return saturday - dt.timedelta(days=7)
        return saturday
    if unit == "month":
        return _shift(published, "month", step).replace(day=1)
    return dt.date(published.year + step, 1, 1)


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(days=7 * n)
    months = day.year * 12 + day.month - 1 + (n if unit == "month" else 12 * n)
    year, month = divmod(months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
