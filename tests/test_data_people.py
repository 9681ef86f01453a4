"""Checks for src/tidings/data/actors/people.yaml (people with dated offices)."""

import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).parents[1]
PEOPLE_PATH = ROOT / "src/tidings/data/actors/people.yaml"
SCHEMA_PATH = ROOT / "src/tidings/data/schemas/people.schema.json"

FIRST_DAY = dt.date(1990, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
OPEN_END = dt.date(9999, 12, 31)
# A gap without any head of state or government longer than this must be excused.
MAX_GAP_DAYS = 31

# Countries whose heads of state/government must be covered 1990-2025.
COVERED = [
    # G20 members
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN",
    "MEX", "RUS", "SAU", "ZAF", "KOR", "TUR", "GBR", "USA",
    # Middle East
    "IRN", "IRQ", "ISR", "PSE", "JOR", "LBN", "SYR", "EGY", "ARE", "QAT", "KWT",
    "BHR", "OMN", "YEM",
    # Central and South Asia
    "AFG", "PAK", "BGD", "LKA", "NPL", "BTN", "MDV", "KAZ", "KGZ", "TJK", "TKM",
    "UZB",
    # not required, but listed
    "PRK",
]  # fmt: skip

HEAD_TITLE = re.compile(
    r"^(?:Acting |Interim |De facto )?(?:"
    r"President|Federal President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|Emir"
    r"|Sultan|Supreme Leader|Chief Executive|Chief Adviser|Head of State|De facto leader"
    r"|First Secretary of the Communist Party"
    r"|Chairman of the (?:Presidential Council|Presidential Leadership Council"
    r"|Interim and Transitional Administration|Council of Ministers|Cabinet of Ministers"
    r"|Supreme Council of the Armed Forces|Supreme Soviet|Supreme Assembly"
    r"|Interim Election Council|Palestine Liberation Organization)"
    r")\b"
)


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def data():
    with PEOPLE_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def people(data):
    return data["people"]


@pytest.fixture(scope="module")
def by_name(people):
    return {p["name"]: p for p in people}


def _span(role):
    return _date(role["start"]), _date(role["end"]) or OPEN_END


def _surname(person):
    return person.get("surname") or _fold(person["name"]).split()[-1]


def _active(person, day):
    return [r for r in person["roles"] if _span(r)[0] <= day <= _span(r)[1]]


# ---------------------------------------------------------------- structure


def test_schema(data):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20])


def test_dates_valid_and_ordered(people):
    bad = []
    for p in people:
        for r in p["roles"]:
            start, end = _span(r)
            if start > end:
                bad.append(f"{p['name']}: {r['title']} {r['start']} > {r['end']}")
            if start > LAST_DAY:
                bad.append(f"{p['name']}: {r['title']} starts after {LAST_DAY}")
    assert not bad, "\n".join(bad)


def test_names_unique(people):
    counts = defaultdict(int)
    for p in people:
        counts[p["name"]] += 1
    assert not [n for n, c in counts.items() if c > 1]


def test_aliases_unique(people):
    owners = defaultdict(set)
    for p in people:
        assert len(p["aliases"]) == len(set(p["aliases"])), p["name"]
        for a in p["aliases"]:
            assert a == a.strip().lower() and "  " not in a, f"{p['name']}: bad alias {a!r}"
            owners[a].add(p["name"])
    shared = {a: sorted(n) for a, n in owners.items() if len(n) > 1}
    assert not shared, f"aliases shared by several people: {shared}"


def test_bare_surnames_unambiguous(people, data):
    """A one-word alias must not be the surname of another listed person."""
    surnames = defaultdict(set)
    for p in people:
        surnames[_surname(p)].add(p["name"])
    ambiguous = data.get("ambiguous_surnames") or {}
    bad = []
    for p in people:
        for a in p["aliases"]:
            if " " in a:
                continue
            others = surnames.get(a, set()) - {p["name"]}
            if others:
                bad.append(f"{p['name']}: alias {a!r} is also the surname of {sorted(others)}")
            if a in ambiguous:
                bad.append(f"{p['name']}: alias {a!r} is listed in ambiguous_surnames")
    assert not bad, "\n".join(bad)


def test_ambiguous_surnames(people, data):
    names = {p["name"] for p in people}
    aliases = {a for p in people for a in p["aliases"]}
    bad = []
    for key, listed in (data.get("ambiguous_surnames") or {}).items():
        missing = [n for n in listed if n not in names]
        if missing:
            bad.append(f"{key}: unknown people {missing}")
        if len(set(listed)) < 2:
            bad.append(f"{key}: fewer than two people")
        if key in aliases:
            bad.append(f"{key}: is also a plain alias")
    assert not bad, "\n".join(bad)
    amb = data["ambiguous_surnames"]
    assert {"George H. W. Bush", "George W. Bush"} <= set(amb["bush"])
    assert {"Bill Clinton", "Hillary Clinton"} <= set(amb["clinton"])


def test_roles_do_not_overlap_across_codes(people):
    """Roles of one person may overlap only when they carry the same code."""
    bad = []
    for p in people:
        roles = p["roles"]
        for i, a in enumerate(roles):
            for b in roles[i + 1 :]:
                if a["code"] == b["code"]:
                    continue
                (s1, e1), (s2, e2) = _span(a), _span(b)
                if s1 < e2 and s2 < e1:  # touching on the hand-over day is fine
                    bad.append(f"{p['name']}: {a['code']} {a['title']} / {b['code']} {b['title']}")
    assert not bad, "\n".join(bad)


# ---------------------------------------------------------------- coverage


def _head_intervals(people, country):
    code = f"{country}GOV"
    return sorted(
        _span(r)
        for p in people
        for r in p["roles"]
        if r["code"] == code and HEAD_TITLE.match(r["title"])
    )


def _gaps(intervals):
    """Uncovered [start, end] day ranges within FIRST_DAY..LAST_DAY."""
    gaps, cursor = [], FIRST_DAY
    for start, end in intervals:
        if start > cursor:
            gaps.append((cursor, min(start - dt.timedelta(days=1), LAST_DAY)))
        cursor = max(cursor, min(end, LAST_DAY) + dt.timedelta(days=1))
        if cursor > LAST_DAY:
            break
    if cursor <= LAST_DAY:
        gaps.append((cursor, LAST_DAY))
    return [g for g in gaps if g[0] <= g[1]]


def _excused(data, country, gap):
    for exc in data.get("coverage_exceptions") or []:
        if exc["country"] != country:
            continue
        if _date(exc["start"]) <= gap[0] and gap[1] <= _date(exc["end"]):
            return True
    return False


def test_head_coverage_every_year(people, data):
    """Every covered country has a head of state or government in every year 1990-2025."""
    problems = []
    for country in COVERED:
        intervals = _head_intervals(people, country)
        years = set()
        for start, end in intervals:
            years.update(range(max(start.year, 1990), min(end.year, 2025) + 1))
        for year in range(1990, 2026):
            if year in years:
                continue
            gap = (dt.date(year, 1, 1), dt.date(year, 12, 31))
            if not _excused(data, country, gap):
                problems.append(f"{country} {year}")
    assert not problems, "years without a head of state/government: " + ", ".join(problems)


def test_head_coverage_no_long_gaps(people, data):
    problems = []
    for country in COVERED:
        for gap in _gaps(_head_intervals(people, country)):
            days = (gap[1] - gap[0]).days + 1
            if days > MAX_GAP_DAYS and not _excused(data, country, gap):
                problems.append(f"{country} {gap[0]}..{gap[1]} ({days} days)")
    assert not problems, "gaps without a head of state/government:\n" + "\n".join(problems)


def test_coverage_exceptions_are_needed(people, data):
    for exc in data.get("coverage_exceptions") or []:
        assert exc["country"] in COVERED, exc
        start, end = _date(exc["start"]), _date(exc["end"])
        assert start <= end, exc
        gaps = _gaps(_head_intervals(people, exc["country"]))
        assert any(g[0] <= end and start <= g[1] for g in gaps), f"unneeded exception {exc}"


def test_foreign_ministers_listed(people):
    """Each covered country lists at least one foreign minister."""
    fm = re.compile(
        r"Foreign (?:Minister|Secretary|Adviser|Affairs)|Secretary of State|External Affairs"
    )
    have = {r["code"][:3] for p in people for r in p["roles"] if fm.search(r["title"])}
    missing = [c for c in COVERED if c not in have]
    assert missing == [], missing


# ---------------------------------------------------------------- spot checks


def _codes(by_name, name, day):
    return {r["code"] for r in _active(by_name[name], dt.date.fromisoformat(day))}


def test_spot_obama(by_name):
    assert _codes(by_name, "Barack Obama", "2007-06-01") == {"USALEG"}
    assert _codes(by_name, "Barack Obama", "2012-06-01") == {"USAGOV"}
    assert "obama" in by_name["Barack Obama"]["aliases"]


def test_spot_putin(by_name):
    putin = by_name["Vladimir Putin"]
    assert {"putin", "vladimir putin"} <= set(putin["aliases"])
    assert _codes(by_name, "Vladimir Putin", "2005-06-01") == {"RUSGOV"}
    assert _codes(by_name, "Vladimir Putin", "2010-01-01") == {"RUSGOV"}
    titles = {r["title"] for r in _active(putin, dt.date(2010, 1, 1))}
    assert titles == {"Prime Minister"}


def test_spot_biden_and_clintons(by_name):
    assert _codes(by_name, "Joe Biden", "1990-01-01") == {"USALEG"}
    assert _codes(by_name, "Joe Biden", "2012-01-01") == {"USAGOV"}
    assert _codes(by_name, "Joe Biden", "2022-01-01") == {"USAGOV"}
    assert _codes(by_name, "Joe Biden", "2019-01-01") == set()
    assert _codes(by_name, "Hillary Clinton", "2005-01-01") == {"USALEG"}
    assert _codes(by_name, "Hillary Clinton", "2011-01-01") == {"USAGOV"}
    assert _codes(by_name, "Bill Clinton", "1995-01-01") == {"USAGOV"}


def _has_role(person, code, start, end):
    return any(
        r["code"] == code and r["start"] == start and r["end"] == end for r in person["roles"]
    )


def test_spot_merkel(by_name):
    assert _has_role(by_name["Angela Merkel"], "DEUGOV", "2005-11-22", "2021-12-08")


def test_spot_raisi(by_name):
    assert _has_role(by_name["Ebrahim Raisi"], "IRNGOV", "2021-08-03", "2024-05-19")


def test_spot_wang_yi(by_name):
    fm = [r for r in by_name["Wang Yi"]["roles"] if r["title"] == "Foreign Minister"]
    assert all(r["code"] == "CHNGOV" for r in fm)
    spans = sorted((r["start"][:4], (r["end"] or "")[:4]) for r in fm)
    assert spans == [("2013", "2022"), ("2023", "")]
    assert _codes(by_name, "Wang Yi", "2018-01-01") == {"CHNGOV"}


def test_spot_successions(by_name):
    def holder(names, day):
        return {n for n in names if _codes(by_name, n, day)}

    bushes = ["George H. W. Bush", "George W. Bush"]
    assert holder(bushes, "1991-01-01") == {"George H. W. Bush"}
    assert holder(bushes, "2004-01-01") == {"George W. Bush"}
    assert holder(bushes, "1996-01-01") == set()
    assert holder(["Hafez al-Assad", "Bashar al-Assad"], "2010-01-01") == {"Bashar al-Assad"}
    assert holder(["Nawaz Sharif", "Shehbaz Sharif"], "2015-01-01") == {"Nawaz Sharif"}
    assert _codes(by_name, "Ismail Haniyeh", "2006-06-01") == {"PSEGOV"}
    assert _codes(by_name, "Ismail Haniyeh", "2010-06-01") == {"PSEREBHMS"}
    assert _codes(by_name, "Mohammed Omar", "1998-01-01") == {"AFGGOV"}
    assert _codes(by_name, "Hibatullah Akhundzada", "2022-01-01") == {"AFGGOV"}
    assert _codes(by_name, "Ban Ki-moon", "2010-01-01") == {"IGOUNO"}
    assert _codes(by_name, "Recep Tayyip Erdoğan", "2010-01-01") == {"TURGOV"}
    assert _codes(by_name, "Benjamin Netanyahu", "2005-01-01") == {"ISRGOV"}


def test_spot_leaders_outside_the_covered_regions(by_name):
    assert _codes(by_name, "Ronald Reagan", "1985-06-01") == {"USAGOV"}
    assert _codes(by_name, "Robert Mugabe", "1984-06-01") == {"ZWEGOV"}
    assert _codes(by_name, "Alassane Ouattara", "2000-06-01") == set()  # between offices
    assert _codes(by_name, "Zoran Đinđić", "1997-01-01") == {"SRBOPP"}
    assert _codes(by_name, "Salva Kiir", "2012-01-01") == {"SSDGOV"}


def test_spot_leaders_of_the_1980s(by_name):
    assert _codes(by_name, "Indira Gandhi", "1982-06-01") == {"INDGOV"}
    assert _codes(by_name, "Julius Nyerere", "1980-06-01") == {"TZAGOV"}
    assert _codes(by_name, "Erich Honecker", "1985-06-01") == {"DDRGOV"}
    assert _codes(by_name, "Pierre Trudeau", "1983-06-01") == {"CANGOV"}
