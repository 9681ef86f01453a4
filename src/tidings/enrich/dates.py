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
  2025", "in April 2025"); a bare future year ("by 2030") is a target, not a date, and ignored.
"""


from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
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
# words, or holds a year): without any, nothing dateparser could find would be kept, so
# dateparser, the slowest part of the stage, is not asked.
_SHAPE_HINT = re.compile(
    r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|oct|nov|dec|yesterday|today|tonight|tomorrow)|ago|" + _YEAR)
_YEAR_HINT = re.compile(_YEAR)

# Shapes a date expression may take; anything dateparser finds must contain one of them.
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
# Words dateparser includes at the edges of an expression that are not part of the date.
_EDGE_STOP = frozenset({"on", "in", "at", "the", "and", "or", "of", "by", "since", "for", "to",
                        "from", "during", "until", "till", "hours", "early", "late", "mid",
                        "before", "after", "between", "as", "that", "it", "its", "around"})

# Expressions dateparser misses or reads differently from the conventions above.
_PERIOD = re.compile(
    r"(?i)\b(?P<which>last|past|previous|this|next|coming)\s+(?P<unit>week|weekend|month|year)\b"
    r"|\b(?:over|at|during|on)\s+the\s+(?P<unit2>weekend)\b"
    r"|\b(?P<vague>a\s+few|several|a\s+couple\s+of)\s+(?P<unit3>days|weeks|months|years)\s+ago\b")
_VAGUE_COUNT = {"a few": 3, "several": 3, "a couple of": 2}

_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_MONTH_OF_YEAR": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["relative-time", "absolute-time"],
}
_MAX_CHARS = 2000  # dateparser's search is slow on very long inputs


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
    found = list(_dateparser_dates(sentence, norm, published)) if hint.search(norm) else []
    if published is not None:
        found.extend(_period_dates(sentence, published))
    found.extend(list(_regex_dates(sentence, norm, published, found)))
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
    """Same-length rewrites that help dateparser: "Sept. 5" → "Sept  5", "Sunday's" →
    "Sunday  ", "mid-2023" → "mid 2023", curly apostrophes → straight ones."""
    s = sentence.replace("\u2019", "'")
    s = re.sub(rf"\b({_MONTH})\.", r"\1 ", s)
    s = re.sub(rf"\b({_WEEKDAY})'s\b", r"\1  ", s)
    return re.sub(rf"(?i)\bmid-(?={_YEAR})", "mid ", s)


def _dateparser_dates(sentence: str, norm: str,
                      published: dt.date | None) -> Iterator[_Found]:
    from dateparser.search import search_dates

    try:
        results = search_dates(norm, languages=["en"], settings=_settings(published)) or []
    except Exception:  # dateparser fails on odd inputs; a sentence without a date is fine
        return
    cursor = 0
    for text, when in results:
        pattern = r"\s+".join(re.escape(t) for t in text.split())
        if not pattern:
            continue
        m = re.compile(pattern).search(norm, cursor) or re.compile(pattern).search(norm)
        if m is None:
            continue
        cursor = m.end()
        found = _judge(sentence, norm, m.start(), m.end(), when.date(), published)
        if found is not None:
            yield found


def _judge(sentence: str, norm: str, start: int, end: int, parsed: dt.date,
           published: dt.date | None) -> _Found | None:
    """Keep a dateparser match only if it has the shape of a date, cut down to the parts that
    have one ("yesterday after a week" → "yesterday")."""
    start, end = _trim(norm, start, end)
    parts: dict[str, list[re.Match[str]]] = {}
    for kind, pattern in _PARTS:
        for m in pattern.finditer(norm, start, end):
            if kind == "year" and not _has_context(norm, m.start(), _YEAR_CONTEXT):
                continue
            if kind == "month" and not _has_context(norm, m.start(), _MONTH_CONTEXT):
                continue
            parts.setdefault(kind, []).append(m)
    if not parts or (published is None and not parts.keys() & {"absolute", "year"}):
        return None
    lo = min(m.start() for ms in parts.values() for m in ms)
    hi = max(m.end() for ms in parts.values() for m in ms)
    text = sentence[lo:hi]
    if (lo, hi) != (start, end) and ("absolute" in parts or "monthday" in parts
                                     or "year" in parts or "month" in parts):
        parsed = _parse(norm[lo:hi], published) or parsed
    if "absolute" in parts:
        return _Found(lo, hi, text, parsed, True)
    if "year" in parts and ("monthday" not in parts or published is None):
        return _Found(lo, hi, text, parsed, False)
    assert published is not None
    if "monthday" in parts:
        return _Found(lo, hi, text, parsed, False)
    if "month" in parts:
        return _Found(lo, hi, text, parsed, False)
    if "relative" in parts:
        return _Found(lo, hi, text, _relative_date(parts["relative"][0], published), False)
    return _Found(lo, hi, text, _weekday_date(parts["weekday"][0].group(0), published), False)


def _parse(text: str, published: dt.date | None) -> dt.date | None:
    import dateparser

    try:
        when = dateparser.parse(text, languages=["en"], settings=_settings(published))
    except Exception:  # unparseable: not a date after all
        return None
    return when.date() if when is not None else None


def _settings(published: dt.date | None) -> dict[str, object]:
    settings: dict[str, object] = dict(_SETTINGS)
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
    return settings


def _relative_date(m: re.Match[str], published: dt.date) -> dt.date:
    word = (m.groupdict().get("word") or "").lower()
    if word in ("yesterday", "today", "tonight", "tomorrow"):
        return published + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    n = m.group("n").lower()
    return _shift(published, m.group("unit").lower(), -int(_NUMBERS.get(n, n)))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s,;:()]+", text[start:end])]

    def stop(w: tuple[int, int]) -> bool:
        return text[start + w[0]:start + w[1]].strip(".'\"").lower() in _EDGE_STOP

    while words and stop(words[0]):
        words.pop(0)
    while words and stop(words[-1]):
        words.pop()
    if not words:
        return start, start
    return start + words[0][0], start + words[-1][1]


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


def _regex_dates(sentence: str, norm: str, published: dt.date | None,
                 found: list[_Found]) -> Iterator[_Found]:
    """Absolute dates, month-day dates and weekdays that dateparser's search did not report."""
    if published is not None:
        for m in _WEEKDAY_RE.finditer(norm):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                yield _Found(m.start(), m.end(), sentence[m.start():m.end()],
                             _weekday_date(m.group(0), published), False)
    patterns = [_ABSOLUTE] if published is None else [_ABSOLUTE, _MONTH_DAY]
    for pattern in patterns:
        for m in pattern.finditer(norm):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            day = _parse(m.group(0), published)
            if day is not None:
                yield _Found(m.start(), m.end(), sentence[m.start():m.end()], day,
                             pattern is _ABSOLUTE)
