"""Convert PETRARCH-2's actor (and agent) dictionaries into tidings' actor files.

    python scripts/petrarch2/actors.py \\
        --actors /path/Phoenix.Countries.actors.txt /path/Phoenix.International.actors.txt \\
                 /path/Phoenix.MilNonState.actors.txt \\
        [--agents /path/PETR.Validate.agents.txt] --out src/tidings/lexicons/petrarch2

writes ``OUT/actors/people.yaml``, ``OUT/actors/organizations.yaml`` (and
``OUT/actors/agents.yaml`` with ``--agents``) in the layout of ``src/tidings/data``, so that OUT
can be given to tidings as an extra data directory (``--data OUT``), plus
``OUT/LICENSE.petrarch2``, the MIT licence the dictionaries are published under (taken from a
``LICENSE`` file beside the first input, or ``--license FILE``). Every generated file starts
with that licence notice and names this script and its inputs; every entry carries
``origin: "petrarch2:<file>:<line>"``, which the coder shows as ``[petrarch2]`` after the
entry's name in an event's actor rules. The conversion is deterministic: the same inputs give
byte-identical files. ``--report`` prints what was imported and skipped, by reason.

Reading the format (PETRARCH-2's ``dictionaries.rst``, "Actor Dictionary")
---------------------------------------------------------------------------
* A record is a primary phrase line, its ``+synonym`` lines and its code lines; a new primary
  phrase starts the next record (blank lines do not end one, as in PETRARCH).
* A phrase's words are joined by ``_`` or blanks; a trailing ``_`` (no plural or stem) is
  dropped, as tidings neither stems nor pluralises names. Phrases become lowercase token
  sequences.
* Codes: ``[CODE]`` (a default) or ``[CODE restriction]`` with ``<date`` (up to and including
  the date), ``>date`` (from it on) or ``date-date`` (both included). They may follow the
  primary phrase on its line (several in a row) or stand on their own lines indented with a
  tab (or blanks). ``[---]`` is PETRARCH's null code (no actor). Codes are upper-cased.
* Dates are YYYYMMDD or YYMMDD. Two-digit years follow KEDS/TABARI/PETRARCH: 00-30 are
  2000-2030, 31-99 are 1931-1999. A date of another length or an impossible calendar date
  makes that one code line unusable (it is counted, the rest of the record is kept).
* Comments start at ``#`` or at ``;`` (TABARI's delimiter) and run to the end of the line;
  lines starting with ``<`` (``<!-- ... -->`` XML comments, also over several lines) are
  skipped.

Which code holds when
---------------------
PETRARCH gives an actor, on a date, the code of the first date restriction (in file order)
that holds on it, else its first default code, else none. tidings' people have dated roles
instead, and on a date take the role held that began last. So each person's codes are turned
into a timeline: the days from 1945-01-01 on are cut at every restriction's bounds, each piece
gets PETRARCH's code for it, neighbouring pieces with the same code are joined, and each
remaining piece is one role (``start``, ``end``). The pieces do not overlap, so tidings picks
the same code PETRARCH would. A default code thus becomes the roles
that fill the time no restriction covers. Time before 1945-01-01 is not imported (tidings codes
news; PETRARCH's CountryInfo lists go back to the 19th century): roles that end before it are
dropped and earlier starts are cut to it, which is also the start of a role that had no
beginning (``<date``, or a default). Pieces with the null code, or with a code that does not
start with a country, region, IGO, NGO, IMG or MNC code tidings knows (a bare ``[ELI]``),
become no role: on those dates tidings codes the person as a former office holder of the
country of the last role (its "not in office" rule), or by the office the text gives him.
The dictionaries describe offices as they were at their last update, and a role still open
then is not known to last: it ends on the latest date the inputs name (``--until``; 2015-02-17
for Phoenix), after which tidings, again, codes the person as a former office holder unless
the text names the office ("President X"). Role codes longer than tidings' nine
letters (``IGOUNOHLHWHO``) are cut to the first nine (root and two three-letter parts).
PETRARCH-2 gives no office titles; a role's ``title`` (required by the schema) names the sector
of its code as tidings' agents.yaml does ("Government", "Elites"), or is the code itself.
Organisations have one code: their first default code, else the code that holds latest.

What a record is
----------------
* A country (skipped: tidings has its own countries.yaml, with its own names and cities): a
  record whose codes all name a state: a root that is not a sector or non-state root (IGO,
  NGO, IMG, MNC ...) and no sector part after it (``[AFG]``, a territory ``[USAASM]``, a
  state in a period ``[USRARM <911226]``, ``[ESTOCC]``).
* A person: a record of PETRARCH's CountryInfo leader lists (its comment names
  ``CountryInfo``); else a record of at most 6 words with no organisation word (the
  ``ORGANIZATION_WORDS`` below: "army", "front", "council", "inc" ..., or their plural;
  nor "of", "the", "for") and
  no MNC code, that has dated codes, or a "bin"/"ibn"/"bint" inside, or has two words or more
  and begins (after any title) with a given name: the first word of at least two CountryInfo
  people's names or of one of tidings' own people's, less stop words and name particles.
* An organisation: any other record. Its ``kind`` comes from its code's root (IGO igo,
  NGO ngo, MNC company, IMG nsag), else from the sector right after the country: MED media,
  REB/INS/UAF/SEP/RAD/CRM nsag, PTY/OPP party, HRI/ENV/DEV/HLH/EDU/REL/LAB/AGR/REF/NGO ngo,
  BUS company. Any other sector (GOV, MIL, COP, SPY, LEG, JUD ...) is a state institution
  ("KNESSET [ISRLEG]", "FEDERAL_RESERVE [USAGOVBUS]"), which has no kind in tidings'
  organisation schema and is skipped: tidings names state bodies by country metonyms and
  agent words. ``country`` is the code's root when that is a tidings country (none for the
  igo and ngo kinds), for MNC codes the country after MNC. An organisation has a display
  ``name`` only when no other entry, imported or tidings' own, has its code: tidings shows a
  code by that name ("MNCUSA" is no one company's).

Which names are kept (the rules, applied to every phrase of every record)
-------------------------------------------------------------------------
1. Unusable: a name with characters other than letters, digits, blanks and ``. ' - &``
   (commas, slashes, the U+FFFD of a broken encoding) is dropped; a parenthesised part is
   removed (an organisation's parenthesised acronym, "(AAIA)", becomes a name of its own); a
   leading "the" is removed; an organisation name ending in a company suffix ("inc", "corp",
   "ltd" ...) is also kept without it.
2. Titles: a person's name loses the leading words that are tidings agent words, places,
   demonyms or organisation names ("President", "UN Secretary-General", "Moscow party chief"),
   unless such a word is also a given name ("Sultan") or the rest would begin with a particle
   ("and", "bin"), and as long as two words stay: tidings reads titles itself from the text
   around the name.
3. Too ambiguous to match on its own in news text: a name shorter than 4 characters; a
   person's name with fewer than two words that are neither initials nor honorifics or the
   Abu/Umm of a kunya (``NAME_PREFIXES``): a single surname, a mononym, "K. Annan", "Abu
   Abdullah"; an organisation name of one word that is an English word (a lemma
   or inflected form in the spaCy pipeline's lemmatizer tables, WordNet-derived) or a number;
   an organisation name that is a tidings country, demonym or organisation name followed by
   agent words ("UN envoy", "Indian UN peacekeeper": a role of an actor tidings already
   composes from the parts).
4. tidings' own entries win: a person any of whose names is a name, alias or listed surname of
   one of tidings' own people is that person, and is not imported; likewise an organisation
   with a name of one of tidings' own organisations. A single name that is any other string
   tidings' own actor files match (a country name, demonym, capital, city, place, metonym,
   region, agent word, or a person's name for an organisation and the other way round) is
   dropped from the imported entry.
5. Imported duplicates: a name given to several imported people (or organisations) with
   different codes is dropped from all of them (the text cannot tell them apart); with the
   same codes it stays with the first. A name of both an imported person and an imported
   organisation (a leader listed under his group's code) stays with the person. An entry left
   without names is not imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "src" / "tidings" / "data"
SCRIPT = "scripts/petrarch2/actors.py"
ORIGIN = "petrarch2"

NULL_CODE = "---"
FLOOR = dt.date(1945, 1, 1)  # nothing before this day is imported
MAX_ROLE_CODE = 9  # tidings' people schema: a root and two three-letter parts
ONE_DAY = dt.timedelta(days=1)

# Codes that name a sector, not a state (CAMEO agent codes, PETRARCH's religious and
# sub-sector codes), and the roots of non-state actors.
SECTORS = frozenset(
    "GOV MIL COP SPY REB UAF OPP HRI JUD LEG PTY ELI BUS MED EDU CVL REF HLH LAB AGR REL CRM "
    "RAD NGO ENV INS SEP MOD DEV IGO NGM IMG MNC UIS AMN IRC SET JEW MUS CHR BUD HIN SIK "
    "CTH ORT PRO SHI SUN ALE DRZ ITH JAN TAO ZRO MOS CON ATH".split())
NON_STATE_ROOTS = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC"})
PERSON_ROOTS = frozenset({"IGO", "NGO", "IMG", "MNC"})  # besides countries and regions
ARMED_PARTS = frozenset({"REB", "INS", "UAF", "SEP", "RAD", "CRM"})
PARTY_PARTS = frozenset({"PTY", "OPP"})
CIVIL_PARTS = frozenset({"HRI", "ENV", "DEV", "HLH", "EDU", "REL", "LAB", "AGR", "REF", "NGO"})

# Nouns that make a name an organisation's (never a person's).
ORGANIZATION_WORDS = frozenset("""
    academy action administration agency aid alliance armies army assembly association
    authority bancorp bank battalion board brigade brigades broadcasting brotherhood bureau
    cabinet cartel cell cells center centre church club co co-operative coalition college
    command commando commission committee communications community company confederation
    conference congress cooperative corp corporation council court courts department
    detachment directorate division federation fighters financial force forces foundation
    front fund gang group groups guard guards holdings inc incorporated industries
    initiative institute institution insurance international journal junta league legion
    limited llc ltd media militia ministries ministry mission movement mujahedeen mujahedin
    mujahideen mujahidin network news newspaper nuclei nucleus office organisation
    organization organizations parliament partners partnership party police politburo
    presidium press program programme project radio regiment republic research resistance
    school secretariat senate service services society soviet squad systems team
    technologies television times tribunal trust union unit units university watch
""".split())
# Words that begin no given name (English function words and the particles of names).
STOP_WORDS = frozenset("""
    a an and as at by de del der des di du e el for from in into la le of on or the to van
    von y al bin ibn
""".split())
# Words before a name that are not one: honorifics and the "Abu"/"Umm" of a kunya ("Abu
# Abdullah" is as ambiguous as "Abdullah").
NAME_PREFIXES = frozenset("""
    abu abou umm um sheikh shaikh sheik mullah mulla haji hajji sayyid sayed syed sir dame dr
    dr. mr mr. mrs mrs. ms ms. lord lady al el bin ibn
""".split())
COMPANY_SUFFIXES = frozenset(
    "inc inc. incorporated corp corp. corporation co co. ltd ltd. limited llc plc sa ag".split())
_ALLOWED = re.compile(r"^[\w .'&-]+$")
_INITIAL = re.compile(r"^(?:[^\W\d_]\.?|(?:[^\W\d_]\.){2,})$")


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


# ================================================================ what tidings already has


def _norm(phrase: str) -> str:
    return " ".join(str(phrase).lower().split())


@dataclass
class Bundled:
    """What tidings' own actor files already name: the imported layer never overrides it."""

    people: set[str] = field(default_factory=set)  # names, aliases, listed surnames
    organizations: set[str] = field(default_factory=set)
    organization_codes: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # countries, demonyms, cities, regions ...
    agent_words: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # codes
    regions: set[str] = field(default_factory=set)  # codes
    agent_names: dict[str, str] = field(default_factory=dict)  # GOV -> Government
    given_names: set[str] = field(default_factory=set)  # first words of people's names

    @classmethod
    def load(cls, data_dir: Path = BUNDLED) -> Bundled:
        def read(name: str) -> dict[str, Any]:
            path = Path(data_dir) / "actors" / f"{name}.yaml"
            if not path.is_file():
                return {}
            with open(path, encoding="utf-8") as fh:
                return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}

        self = cls()
        people = read("people")
        for p in people.get("people") or []:
            self.people.update(_norm(a) for a in [p["name"], *p.get("aliases", [])])
            first = _norm(p["name"]).split()[0]
            if not _INITIAL.match(first):
                self.given_names.add(first)
        self.people.update(_norm(s) for s in people.get("ambiguous_surnames") or {})
        for o in read("organizations").get("organizations") or []:
            self.organization_codes.add(o["code"])
            self.organizations.update(_norm(n) for n in [*o.get("names", [])])
            if o.get("name"):
                self.organizations.add(_norm(o["name"]))
        countries = read("countries")
        for c in countries.get("countries") or []:
            self.countries.add(c["code"])
            for key in ("names", "demonyms", "capitals", "cities", "places", "shared_places"):
                self.places.update(_norm(n) for n in c.get(key) or [])
            self.places.add(_norm(c.get("name", "")))
            self.places.update(_norm(n) for n in (c.get("metonyms") or {}))
            for d in c.get("dated_names") or []:
                self.places.update(_norm(n) for n in [*d.get("names", []), *d.get("demonyms", [])])
        for r in countries.get("regions") or []:
            self.regions.add(r["code"])
            self.places.update(_norm(n) for n in [*r.get("names", []), *r.get("demonyms", [])])
        for a in read("agents").get("agents") or []:
            self.agent_words.update(_norm(w) for w in a.get("words", []))
            if a.get("name"):
                self.agent_names.setdefault(a["code"], a["name"])
        self.places.discard("")
        return self

    @functools.cached_property
    def titles(self) -> frozenset[str]:
        """What may stand before a person's name: agent words, places, demonyms, organisation
        names ("UN Secretary-General", "Moscow party chief")."""
        return frozenset(self.agent_words | self.places | self.organizations)

    @functools.cached_property
    def actors(self) -> frozenset[str]:
        """Countries, places, demonyms and organisation names."""
        return frozenset(self.places | self.organizations)

    @functools.cached_property
    def not_for_people(self) -> frozenset[str]:
        return frozenset(self.places | self.organizations | self.agent_words)

    @functools.cached_property
    def not_for_organizations(self) -> frozenset[str]:
        return frozenset(self.places | self.people | self.agent_words)


def english_words(nlp: Any = None) -> frozenset[str]:
    """English words: the lemmas and irregular forms in the lemmatizer tables of tidings'
    spaCy pipeline (WordNet-derived) and spaCy's stop words."""
    if nlp is None:
        from tidings.coder.nlp import load_pipeline

        nlp = load_pipeline()
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        for name in ("lemma_index", "lemma_exc"):
            if lookups.has_table(name):
                for entries in lookups.get_table(name).values():
                    words.update(entries)  # (index: lists of lemmas; exc: form -> lemmas)
    return frozenset(w.lower().replace("_", " ") for w in words if isinstance(w, str))


def is_english_word(word: str, words: frozenset[str]) -> bool:
    if word in words:
        return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("'s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and \
                word[: -len(suffix)] + repl in words:
            return True
    return False


# ================================================================ classifying records


def _parts(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(3, len(code), 3)]


def names_a_state(code: str, bundled: Bundled) -> bool:
    """A code with a state's root (a tidings country, or no sector or non-state root) and no
    sector part: ``AFG``, ``SCG``, a territory (``USAASM``), a state in a period (``USRARM``:
    Soviet Armenia, ``ESTOCC``, ``AZEUNR``)."""
    root = code[:3]
    return code != NULL_CODE and (root in bundled.countries or root not in (
        SECTORS | NON_STATE_ROOTS)) and not any(part in SECTORS for part in _parts(code))


def _initial(token: str) -> bool:
    return bool(_INITIAL.match(token))


def _given_name(tokens: list[str], bundled: Bundled, given: set[str]) -> bool:
    words = strip_titles(tokens, frozenset(bundled.agent_words))  # "president", "sheikh"
    words = [t for t in words if not _initial(t)]
    return bool(words) and words[0] in given


def _organization_word(token: str) -> bool:
    token = token.strip("'.,()")
    return token in ORGANIZATION_WORDS or (
        token.endswith("s") and token[:-1] in ORGANIZATION_WORDS)


def classify(record: Record, bundled: Bundled, given: set[str]) -> str:
    """"country", "person" or "organization" (see the module docstring)."""
    codes = [r.code for r in record.restrictions if r.code != NULL_CODE]
    if codes and all(names_a_state(c, bundled) for c in codes):
        return "country"
    if "countryinfo" in record.comment.lower():
        return "person"
    tokens = record.primary.text.split()
    if any(_organization_word(t) or t in ("of", "the", "for") for t in tokens) or \
            any(c.startswith("MNC") for c in codes):
        return "organization"
    dated = any(not r.is_default for r in record.restrictions)
    patronymic = bool({"bin", "ibn", "bint"} & set(tokens[1:-1]))
    if len(tokens) <= 6 and (dated or patronymic or (
            len(tokens) >= 2 and _given_name(tokens, bundled, given))):
        return "person"
    return "organization"


def given_names(records: Iterable[Record], bundled: Bundled) -> set[str]:
    """Given names: words that begin the names of at least two CountryInfo people or of one
    of tidings' own people, less stop words, name particles ("al", "de"), organisation and
    agent words and places."""
    counts: Counter[str] = Counter()
    for r in records:
        if "countryinfo" in r.comment.lower():
            words = [t for t in r.primary.text.split() if not _initial(t)]
            if words:
                counts[words[0]] += 1
    out = {w for w, n in counts.items() if n >= 2} | bundled.given_names
    return out - STOP_WORDS - ORGANIZATION_WORDS - bundled.agent_words - bundled.places


def organization_kind(code: str) -> str | None:
    """The organisation kind of a code: by its root (IGO, NGO, MNC, IMG), else by the sector
    part after the country; None for a state institution (GOV, MIL, COP ... after it)."""
    root, parts = code[:3], _parts(code)
    if root == "IGO":
        return "igo"
    if root in ("NGO", "NGM"):
        return "ngo"
    if root == "MNC":
        return "company"
    if root == "IMG":
        return "nsag"
    sector = parts[0] if parts else root
    if sector == "MED":
        return "media"
    if sector in ARMED_PARTS:
        return "nsag"
    if sector in PARTY_PARTS:
        return "party"
    if sector in CIVIL_PARTS:
        return "ngo"
    if sector == "BUS":
        return "company"
    return None


# ================================================================ names


def strip_titles(tokens: list[str], titles: frozenset[str]) -> list[str]:
    """``tokens`` without the leading words and phrases in ``titles`` (or starting "ex-" or
    "former"): "un secretary-general ban ki-moon" -> "ban ki-moon"; at least two words stay
    ("Jordan Kamara" keeps its "Jordan")."""
    while len(tokens) > 2:
        for n in range(len(tokens) - 2, 0, -1):
            head = " ".join(tokens[:n])
            if tokens[n] in STOP_WORDS:  # ("bosnia and herzegovina" is no title and a name)
                continue
            if head in titles or (n == 1 and head.startswith(("ex-", "former"))):
                tokens = tokens[n:]
                break
        else:
            break
    return tokens


def _clean(text: str) -> tuple[str, list[str]]:
    """(the name without parenthesised parts and a leading "the", [the parenthesised
    parts]); "" when the name has characters no name has."""
    inner = [_norm(m) for m in re.findall(r"\(([^()]*)\)", text)]
    text = _norm(re.sub(r"\([^()]*\)", " ", text))
    if text.startswith("the "):
        text = text[4:]
    if not text or not _ALLOWED.match(text) or "_" in text:
        return "", []
    return text, [i for i in inner if i and _ALLOWED.match(i) and " " not in i]


def person_names(record: Record, bundled: Bundled, keep_ambiguous: bool = False,
                 titles: frozenset[str] | None = None) -> tuple[list[str], Counter[str]]:
    """The usable names of a person record, and why the others were dropped (rules 1-4;
    ``keep_ambiguous`` turns rule 3 off; ``titles``: what rule 2 strips, by default
    ``bundled.titles``)."""
    titles = bundled.titles if titles is None else titles
    kept: list[str] = []
    why: Counter[str] = Counter()
    for phrase in record.phrases:
        text, _ = _clean(phrase.text)
        if not text:
            why["unusable characters"] += 1
            continue
        text = " ".join(strip_titles(text.split(), titles))
        words = [t for t in text.split() if not _initial(t) and t not in NAME_PREFIXES]
        if len(text) < 4 and not keep_ambiguous:
            why["shorter than 4 characters"] += 1
        elif len(words) < 2 and not keep_ambiguous:
            why["single name (surname, mononym)"] += 1
        elif text in bundled.not_for_people:
            why["another tidings actor's name"] += 1
        elif text not in kept:
            kept.append(text)
    return kept, why


def organization_names(record: Record, bundled: Bundled, words: frozenset[str],
                       keep_ambiguous: bool = False) -> tuple[list[str], Counter[str]]:
    """The usable names of an organisation record, and why the others were dropped (rules
    1-4; ``keep_ambiguous`` turns rule 3 off)."""
    candidates: list[str] = []
    why: Counter[str] = Counter()
    for phrase in record.phrases:
        text, inner = _clean(phrase.text)
        if not text:
            why["unusable characters"] += 1
            continue
        candidates.append(text)
        toks = text.split()
        if len(toks) > 1 and toks[-1] in COMPANY_SUFFIXES:
            candidates.append(" ".join(toks[:-1]))
        candidates.extend(inner)
    kept: list[str] = []
    for text in candidates:
        toks = text.split()
        if keep_ambiguous:
            pass
        elif len(text) < 4:
            why["shorter than 4 characters"] += 1
            continue
        elif len(toks) == 1 and (is_english_word(text, words) or text.replace(".", "").isdigit()):
            why["one English word"] += 1
            continue
        elif _role_of_known_actor(toks, bundled):
            why["a role of an actor tidings knows"] += 1
            continue
        if text in bundled.not_for_organizations:
            why["another tidings actor's name"] += 1
        elif text not in kept:
            kept.append(text)
    return kept, why


def _role_of_known_actor(tokens: list[str], bundled: Bundled) -> bool:
    """A known country, demonym or organisation name followed only by agent words."""
    rest = strip_titles(tokens, bundled.actors)
    if rest == tokens:
        return False
    for n in range(len(rest), 0, -1):
        if " ".join(rest[-n:]) in bundled.agent_words:
            rest = rest[:-n]
            if not rest:
                return True
            return _only_agent_words(rest, bundled)
    return False


def _only_agent_words(tokens: list[str], bundled: Bundled) -> bool:
    while tokens:
        for n in range(len(tokens), 0, -1):
            if " ".join(tokens[:n]) in bundled.agent_words:
                tokens = tokens[n:]
                break
        else:
            return False
    return True


def display_name(text: str, raw: str = "") -> str:
    """A readable name: words capitalised (also after ``-``), particles lower case, short
    one-word acronyms upper case."""
    small = {"of", "the", "and", "for", "in", "on", "de", "la", "le", "du", "da", "del",
             "des", "van", "von", "der", "y", "e", "al", "el", "bin", "ibn", "&"}
    if " " not in text and len(text.replace(".", "")) <= 5:
        return text.upper()
    out = []
    for i, word in enumerate(text.split()):
        if i and word in small:
            out.append(word)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)


# ================================================================ conversion


@dataclass
class Result:
    people: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    records: Counter[str] = field(default_factory=Counter)  # kind -> records read
    skipped: Counter[str] = field(default_factory=Counter)  # "kind: reason" -> records
    dropped_names: Counter[str] = field(default_factory=Counter)  # "kind: reason" -> names
    bad_code_lines: int = 0


def role_title(code: str, bundled: Bundled) -> str:
    for part in _parts(code):
        if part in bundled.agent_names:
            return bundled.agent_names[part]
    return code


def person_roles(record: Record, bundled: Bundled, until: dt.date | None = None,
                 any_root: bool = False) -> list[dict[str, Any]]:
    roots = bundled.countries | bundled.regions | PERSON_ROOTS
    roles = []
    for role in timeline(record.restrictions, until=until):
        code = role.code[:MAX_ROLE_CODE]
        if not re.fullmatch(r"[A-Z]{3,9}", code) or (
                code[:3] not in roots and not (any_root and code[:3] not in SECTORS)):
            continue
        roles.append({"code": code, "title": role_title(code, bundled),
                      "start": role.start.isoformat(),
                      "end": role.end.isoformat() if role.end else None})
    return roles


def organization_code(record: Record) -> str | None:
    codes = [r for r in record.restrictions if r.code != NULL_CODE]
    default = next((r.code for r in codes if r.is_default), None)
    if default:
        return default
    latest = max(codes, key=lambda r: r.hi or dt.date.max, default=None)
    if latest is None or (latest.hi is not None and latest.hi < FLOOR):
        return None
    return latest.code


def _shared(entries: list[tuple[list[str], Any]]) -> tuple[set[str], set[tuple[int, str]]]:
    """Rule 5 over (names, codes) of imported entries: the names several entries with
    different codes share, and the (entry index, name) repeats of a name an earlier entry
    with the same codes has."""
    owners: dict[str, list[int]] = defaultdict(list)
    for i, (names, _) in enumerate(entries):
        for n in names:
            owners[n].append(i)
    ambiguous: set[str] = set()
    repeated: set[tuple[int, str]] = set()
    for n, idx in owners.items():
        if len({json.dumps(entries[i][1], sort_keys=True) for i in idx}) > 1:
            ambiguous.add(n)
        else:
            repeated.update((i, n) for i in idx[1:])
    return ambiguous, repeated


def convert(records: Sequence[Record], bundled: Bundled, words: frozenset[str], *,
            keep_known: bool = False, until: dt.date | None = None,
            any_root: bool = False, keep_ambiguous: bool = False) -> Result:
    """tidings people and organisation entries from the records of some actor dictionaries
    (in order; see the module docstring for every rule). ``keep_known`` keeps entries and
    names tidings' own files already have (rule 4), ``keep_ambiguous`` the names rule 3 drops
    and ``any_root`` codes whose root is no country tidings knows (for a validation dictionary
    and its invented actors); ``until`` ends the roles still open then."""
    out = Result()
    given = given_names(records, bundled)
    titles = bundled.titles - given  # ("Sultan", "Amir" are given names too)
    if keep_known:
        bundled = Bundled(countries=bundled.countries, regions=bundled.regions,
                          agent_names=bundled.agent_names, agent_words=bundled.agent_words,
                          organization_codes=bundled.organization_codes)
    people: list[tuple[Record, list[str], list[dict[str, Any]]]] = []
    orgs: list[tuple[Record, list[str], str, str, str | None]] = []
    for record in records:
        out.bad_code_lines += record.bad_restrictions
        kind = classify(record, bundled, given)
        out.records[kind] += 1
        if kind == "country":
            out.skipped["country: tidings has its own countries"] += 1
            continue
        if kind == "person":
            roles = person_roles(record, bundled, until, any_root)
            if not roles:
                out.skipped["person: no role from 1945 on with a usable code"] += 1
                continue
            names, why = person_names(record, bundled, keep_ambiguous, titles)
            out.dropped_names.update({f"person: {k}": v for k, v in why.items()})
            if any(_norm(p.text) in bundled.people for p in record.phrases) or \
                    any(n in bundled.people for n in names):
                out.skipped["person: already one of tidings' people"] += 1
                continue
            people.append((record, names, roles))
            continue
        code = organization_code(record)
        if code is None:
            out.skipped["organization: no code (null, or only before 1945)"] += 1
            continue
        if code[:3] not in bundled.countries | bundled.regions | NON_STATE_ROOTS and \
                not any_root:
            out.skipped["organization: a code root tidings does not know (BUD, INT, KKL ...)"] += 1
            continue
        org_kind = organization_kind(code)
        if org_kind is None:
            out.skipped["organization: a state institution (no organisation kind)"] += 1
            continue
        names, why = organization_names(record, bundled, words, keep_ambiguous)
        out.dropped_names.update({f"organization: {k}": v for k, v in why.items()})
        if any(n in bundled.organizations for n in names) or \
                _norm(record.primary.text) in bundled.organizations:
            out.skipped["organization: already one of tidings' organisations"] += 1
            continue
        root = code[3:6] if code[:3] == "MNC" else code[:3]
        country = root if root in bundled.countries and org_kind not in ("igo", "ngo") else None
        orgs.append((record, names, code, org_kind, country))

    amb, rep = _shared([(names, roles) for _, names, roles in people])
    for i, (record, names, roles) in enumerate(people):
        kept = [n for n in names if n not in amb and (i, n) not in rep]
        out.dropped_names["person: shared with another imported person"] += sum(
            n in amb for n in names)
        out.dropped_names["person: repeats an imported person"] += sum(
            (i, n) in rep for n in names)
        if not kept:
            out.skipped["person: no usable name left"] += 1
            continue
        primary = _clean(record.primary.text)[0]
        primary = " ".join(strip_titles(primary.split(), titles))
        name = primary if primary in kept else kept[0]
        out.people.append({"name": display_name(name), "aliases": kept, "roles": roles,
                           "origin": record.origin})

    amb, rep = _shared([(names, code) for _, names, code, _, _ in orgs])
    code_count = Counter(code for _, _, code, _, _ in orgs)
    imported_people = {n for p in out.people for n in p["aliases"]}
    for i, (record, names, code, org_kind, country) in enumerate(orgs):
        kept = [n for n in names if n not in amb and (i, n) not in rep]
        out.dropped_names["organization: an imported person's name"] += sum(
            n in imported_people for n in kept)
        kept = [n for n in kept if n not in imported_people]
        out.dropped_names["organization: shared with another imported organisation"] += sum(
            n in amb for n in names)
        out.dropped_names["organization: repeats an imported organisation"] += sum(
            (i, n) in rep for n in names)
        if not kept:
            out.skipped["organization: no usable name left"] += 1
            continue
        row = {"code": code, "name": display_name(kept[0]), "names": kept, "kind": org_kind,
               "country": country, "origin": record.origin}
        if code in bundled.organization_codes or code_count[code] > 1:
            del row["name"]  # (a code's display name stays tidings' own, or none)
        out.organizations.append(row)
    out.dropped_names = Counter({k: v for k, v in out.dropped_names.items() if v})
    return out


# ================================================================ agents


@dataclass(frozen=True)
class AgentLine:
    words: tuple[str, ...]
    code: str
    line: int


def _plural(word: str) -> str:
    """PETRARCH's regular plural, with English's "y" after a vowel ("attorneys")."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def parse_agents(text: str, source: str = "<text>") -> tuple[list[AgentLine], int]:
    """The entries of a PETRARCH-2 agent dictionary (and the number of unreadable lines):
    ``PHRASE {PLURAL} [~CODE]`` or ``[CODE~]``; ``{}`` means no plural, as does a phrase ending
    in ``_``; ``!MARKER! = A, B`` defines a substitution set used as ``!MARKER!`` in phrases,
    each member replacing it (with no plural made)."""
    markers: dict[str, list[str]] = {}
    out: list[AgentLine] = []
    bad = 0
    for number, content, _ in _content_lines(text.splitlines()):
        content = content.strip()
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", content)
        if m:
            markers[m[1].upper()] = [s.strip() for s in m[2].split(",") if s.strip()]
            continue
        m = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*)\]", content)
        if not m:
            bad += 1
            continue
        raw, plural, code = m[1].strip(), m[2], re.sub(r"[\s~]", "", m[3]).upper()
        if not re.fullmatch(r"[A-Z]{3,}", code):
            bad += 1
            continue
        marker = re.search(r"!(\w+)!", raw)
        if marker:
            subs = markers.get(marker[1].upper())
            if subs is None:
                bad += 1
                continue
            words = tuple(phrase_tokens(raw.replace(marker[0], s)) for s in subs)
        else:
            base = phrase_tokens(raw)
            if plural is not None:
                words = (base, *([phrase_tokens(plural)] if plural.strip() else []))
            elif raw.endswith("_"):
                words = (base,)
            else:
                toks = base.split()
                words = (base, " ".join([*toks[:-1], _plural(toks[-1])]))
        out.append(AgentLine(tuple(dict.fromkeys(w for w in words if w)), code[:3], number))
    return out, bad


def convert_agents(lines: Sequence[AgentLine], source: str, seen: set[str]
                   ) -> tuple[list[dict[str, Any]], Counter[str]]:
    """agents.yaml entries, one per dictionary line; a word in ``seen`` (tidings' own agent
    words, unless they are kept, and those given before) is dropped; ``seen`` grows."""
    why: Counter[str] = Counter()
    out = []
    for a in lines:
        words = []
        for w in a.words:
            if not _ALLOWED.match(w):
                why["unusable characters"] += 1
            elif w in seen:
                why["known to tidings or repeated"] += 1
            else:
                seen.add(w)
                words.append(w)
        if words:
            out.append({"code": a.code, "words": words,
                        "origin": f"{ORIGIN}:{source}:{a.line}"})
    return out, why


# ================================================================ writing


_YAML_WORDS = frozenset("null true false yes no on off y n".split())  # not plain strings
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _scalar(value: Any) -> str:
    """A YAML scalar: plain when it reads back as the same string, else double-quoted."""
    if value is None:
        return "null"
    text = str(value)
    if text.lower() not in _YAML_WORDS and ": " not in text and " #" not in text and \
            re.fullmatch(r"[A-Za-z][\w .'&()-]*[\w.)]|[A-Za-z]", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(values: Iterable[Any]) -> str:
    return "[" + ", ".join(_scalar(v) for v in values) + "]"


def _mapping(d: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in d.items()) + "}"


def header(license_text: str, inputs: Sequence[str], what: str) -> str:
    lines = [f"# {what}",
             f"# Generated by {SCRIPT} from PETRARCH-2's {', '.join(inputs)}:",
             "# do not edit; change the script or its inputs and generate again.",
             "# Each entry's origin is the input file and line it comes from.",
             "#",
             "# The PETRARCH-2 dictionaries are published under this licence:",
             "#"]
    lines += [f"# {line}".rstrip() for line in license_text.strip().splitlines()]
    return "\n".join(lines) + "\n"


def people_yaml(people: Sequence[dict[str, Any]], head: str) -> str:
    out = [head, "version: 1", "people:"]
    for p in people:
        out.append(f"- name: {_scalar(p['name'])}")
        out.append(f"  aliases: {_flow(p['aliases'])}")
        out.append("  roles:")
        out.extend(f"  - {_mapping(r)}" for r in p["roles"])
        out.append(f"  origin: {_scalar(p['origin'])}")
    return "\n".join(out) + "\n"


def organizations_yaml(orgs: Sequence[dict[str, Any]], head: str) -> str:
    out = [head, "version: 1", "organizations:"]
    for o in orgs:
        out.append(f"- code: {o['code']}")
        if "name" in o:
            out.append(f"  name: {_scalar(o['name'])}")
        out.append(f"  names: {_flow(o['names'])}")
        out.append(f"  kind: {o['kind']}")
        out.append(f"  country: {_scalar(o['country'])}")
        out.append(f"  origin: {_scalar(o['origin'])}")
    return "\n".join(out) + "\n"


def agents_yaml(agents: Sequence[dict[str, Any]], head: str) -> str:
    out = [head, "version: 1", "agents:"]
    for a in agents:
        out.append(f"- {{code: {a['code']}, words: {_flow(a['words'])}, "
                   f"origin: {_scalar(a['origin'])}}}")
    return "\n".join(out) + "\n"


def _write(path: Path, text: str, expected: Any) -> None:
    """Write ``text`` after checking that it reads back as ``expected``."""
    if yaml.load(text, Loader=_Loader) != expected:  # noqa: S506 - a safe loader
        raise AssertionError(f"{path}: the generated YAML does not read back as written")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(actors: Sequence[Path], agents: Sequence[Path], out_dir: Path, *,
        license_path: Path | None = None, bundled_dir: Path = BUNDLED,
        keep_known: bool = False, until: dt.date | str | None = "last",
        any_root: bool = False, keep_ambiguous: bool = False,
        words: frozenset[str] | None = None) -> dict[str, Any]:
    """Convert and write everything; return the report (counts by reason)."""
    inputs = [*actors, *agents]
    if not inputs:
        raise SystemExit("nothing to convert: give --actors and/or --agents")
    license_path = license_path or Path(inputs[0]).parent / "LICENSE"
    if not license_path.is_file():
        license_path = Path(inputs[0]).parent.parent / "LICENSE"
    if not license_path.is_file():
        raise SystemExit(f"no licence file found: give --license (tried {license_path})")
    license_text = license_path.read_text(encoding="utf-8")
    bundled = Bundled.load(bundled_dir)
    out_dir = Path(out_dir)
    report: dict[str, Any] = {}
    if actors:
        records = [r for p in actors for r in parse_actors(read_text(p), Path(p).name)]
        if until == "last":
            until = last_date(records)
        result = convert(records, bundled, english_words() if words is None else words,
                         keep_known=keep_known,
                         until=until if isinstance(until, dt.date) else None,
                         any_root=any_root, keep_ambiguous=keep_ambiguous)
        names = [Path(p).name for p in actors]
        people_doc = {"version": 1, "people": result.people}
        org_doc = {"version": 1, "organizations": result.organizations}
        _write(out_dir / "actors" / "people.yaml", people_yaml(
            result.people, header(license_text, names, "People with dated roles")), people_doc)
        _write(out_dir / "actors" / "organizations.yaml", organizations_yaml(
            result.organizations, header(license_text, names, "Organisations")), org_doc)
        report.update({
            "records": dict(result.records), "people": len(result.people),
            "people_aliases": sum(len(p["aliases"]) for p in result.people),
            "people_roles": sum(len(p["roles"]) for p in result.people),
            "organizations": len(result.organizations),
            "organization_names": sum(len(o["names"]) for o in result.organizations),
            "skipped": dict(sorted(result.skipped.items())),
            "dropped_names": dict(sorted(result.dropped_names.items())),
            "unreadable_code_lines": result.bad_code_lines,
            "open_roles_end": until.isoformat() if isinstance(until, dt.date) else None})
    if agents:
        rows: list[dict[str, Any]] = []
        why: Counter[str] = Counter()
        bad = 0
        seen: set[str] = set() if keep_known else set(bundled.agent_words)
        for p in agents:
            lines, n = parse_agents(read_text(p), Path(p).name)
            bad += n
            got, w = convert_agents(lines, Path(p).name, seen)
            rows += got
            why += w
        _write(out_dir / "actors" / "agents.yaml", agents_yaml(rows, header(
            license_text, [Path(p).name for p in agents], "Agent (sector) words")),
            {"version": 1, "agents": rows})
        report["agents"] = {"entries": len(rows), "words": sum(len(r["words"]) for r in rows),
                            "dropped_words": dict(why), "unreadable_lines": bad}
    shutil.copyfile(license_path, out_dir / "LICENSE.petrarch2")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actors", nargs="*", type=Path, default=[],
                        help="PETRARCH-2 .actors dictionaries, in order")
    parser.add_argument("--agents", nargs="*", type=Path, default=[],
                        help="PETRARCH-2 .agents dictionaries")
    parser.add_argument("--out", type=Path, required=True, help="data directory to write")
    parser.add_argument("--license", type=Path, help="the licence file (default: LICENSE "
                        "beside the first input, or one folder up)")
    parser.add_argument("--bundled", type=Path, default=BUNDLED,
                        help="tidings' own data directory, whose entries win")
    parser.add_argument("--keep-known", action="store_true",
                        help="also keep what tidings' own files already name (rule 4)")
    parser.add_argument("--keep-ambiguous", action="store_true",
                        help="also keep the names too ambiguous for news text (rule 3)")
    parser.add_argument("--any-code-root", action="store_true",
                        help="keep codes whose root is no country tidings knows (a "
                        "validation dictionary's invented countries)")
    parser.add_argument("--until", default="last", help="end the roles still open on this "
                        "day (YYYY-MM-DD; default 'last': the latest date the inputs name; "
                        "'none': leave them open)")
    parser.add_argument("--report", action="store_true", help="print the counts as JSON")
    args = parser.parse_args(argv)
    until = None if args.until == "none" else (
        args.until if args.until == "last" else dt.date.fromisoformat(args.until))
    report = run(args.actors, args.agents, args.out, license_path=args.license,
                 bundled_dir=args.bundled, keep_known=args.keep_known, until=until,
                 any_root=args.any_code_root, keep_ambiguous=args.keep_ambiguous)
    if args.report:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
