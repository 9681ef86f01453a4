"""Classifying and filtering the records of PETRARCH-2's actor and agent dictionaries into
tidings' people, organisation and agent entries. Part of the converter
``scripts/petrarch2/actors.py``, whose docstring states every rule applied here."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from phoenix_known import _INITIAL, Bundled, _norm, is_english_word
from phoenix_read import FLOOR, NULL_CODE, Record, timeline

MAX_ROLE_CODE = 9  # tidings' people schema: a root and two three-letter parts

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
    countries: list[dict[str, Any]] = field(default_factory=list)  # only with countries=True
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
