"""Convert PETRARCH-2/Phoenix's issue dictionary into tidings' PLOVER context keywords.

    python scripts/petrarch2/issues.py --issues Phoenix.IssueCoding.txt \
        --out src/tidings/data/plover_contexts.yaml

writes one YAML file (format: ``src/tidings/data/schemas/plover_contexts.schema.json``) headed
by the dictionary's MIT licence notice. Every entry is marked with its origin: the file has
``origin: petrarch2`` and each keyword keeps the issue code and the line it came from
(``source_line: Phoenix.IssueCoding.txt:118``).

The dictionary (dictionaries.rst, "Issues List") is a list of ``<phrase> [<ISSUE_CODE>]``
lines grouped in ``<ISSUE CATEGORY=...>`` blocks, with three expansions that apply to the
word that follows them: ``n:`` the singular and plural of a noun, ``v:`` the verb forms
(-s, -ed, -ing), ``+`` the word joined by a space and by a hyphen. A line starting with ``~``
(or ``~~``) is an ignore phrase. PETRARCH-2 drops every issue of a sentence that holds
one; here an ignore phrase cancels only the keywords of its own ``<ISSUE>`` block (so the
CRIME block's ``~~oil`` does not cancel OIL), and each entry keeps its block (``category``). The
expansions are done here, so the data file lists the literal phrases, lower-cased.

PLOVER's contexts (the manual's table of general contexts) are not Phoenix's issues: the
issue codes are mapped onto them by ``ISSUE_CONTEXTS`` below, a table written for tidings.
An issue with no PLOVER context there (the education issues, TOURISM, EUROPEAN_UNION ...) is
left out, and counted in the report.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # verbs.py beside this script
    sys.path.insert(0, str(HERE))

from verbs import licence_notice  # noqa: E402

# Phoenix issue code -> PLOVER contexts (PLOVER manual, "General contexts").
ISSUE_CONTEXTS: dict[str, list[str]] = {
    "AGRICULTURE": ["economic"], "AIRSTRIKE": ["military"], "AUSTERITY": ["economic"],
    "BAILOUT": ["economic"], "BANKRUPTCY": ["economic"], "BIOLOGICAL_WEAPONS": ["cbrn"],
    "BLACK_MARKET": ["crime"], "CHEMICAL_WEAPONS": ["cbrn"],
    "CLIMATE_CHANGE": ["environment"], "COAL": ["natural_resource"],
    "COMMON_ROBBERY": ["crime"], "CORRUPTION": ["corruption"],
    "COUP_DISCUSSION": ["political_institutions", "pro_autocracy"],
    "CURRENCY_RESERVES": ["economic"], "CYBER_SECURITY": ["cyber"],
    "DEREGULATION": ["economic"], "DISCRIMINATION": ["inequality"], "DISEASE": ["health"],
    "DRONE": ["military"], "DRUGS": ["illegal_drugs"], "DRUG_CARTEL": ["illegal_drugs"],
    "DRUG_CARTELS": ["illegal_drugs"], "DRUG_TRADE": ["illegal_drugs"],
    "ECONOMIC_MOVEMENT": ["economic"], "ELECTION": ["election"],
    "ELECTION_FRAUD": ["election", "corruption"], "ELECTRICITY_OUTAGE": ["human_security"],
    "ENVIRONMENTAL_MOVEMENT": ["environment"], "EXCHANGE_RATE": ["economic"],
    "FOOD_SECURITY": ["human_security"], "FOREIGN_AID": ["economic"],
    "GENDER_VIOLENCE": ["gender"], "HOUSING_PRICES": ["economic"],
    "HUMANITARIAN_CRISIS": ["human_security"], "HUMAN_RIGHTS": ["human_rights"],
    "HUMAN_TRAFFICKING": ["trafficking"], "ID_ARMS_DEAL": ["military"],
    "ID_ATROCITY": ["human_rights"], "ID_DEMOCRACY": ["pro_democracy"],
    "ID_EXTREMISM": ["terrorism"], "ID_IMMIGRATION": ["migration"], "ID_JIHAD": ["terrorism"],
    "ID_PANDEMIC": ["health"], "ID_PROLIFERATION": ["cbrn"], "ID_SMUGGLING": ["trafficking"],
    "ID_TORTURE": ["human_rights", "repression"], "INTEREST_RATES": ["economic"],
    "INTERNET_CENSORSHIP": ["rights_freedoms"], "INT_FINANCIAL_INST": ["economic"],
    "LABOR_STRIKE": ["economic"], "LABOR_UNIONS": ["economic"], "LANDMINE": ["military"],
    "LGBT": ["lgbt"], "MALWARE": ["cyber"], "MEDIA_CENSORSHIP": ["rights_freedoms"],
    "MONOPOLY": ["economic"], "NAMED_TERROR_GROUP": ["terrorism"],
    "NATIONALIZE": ["economic"], "NATIONAL_MOVEMENT": ["territory"],
    "NATURAL_DISASTER": ["disasters"], "NATURAL_GAS": ["natural_resource"],
    "NEW_CONSTRUCTION": ["economic"], "NUCLEAR_ENERGY": ["natural_resource"],
    "NUCLEAR_WEAPONS": ["cbrn"], "OIL": ["natural_resource"], "ORGANIZED_CRIME": ["crime"],
    "PEACEKEEPERS": ["peacekeeping"], "POLITICAL_PRISONER": ["repression", "human_rights"],
    "POVERTY": ["inequality"], "PRIVATIZATION": ["economic"],
    "PROPERTY_RIGHTS": ["human_security"], "RADIOLOGICAL_WEAPONS": ["cbrn"],
    "RAPE": ["gender"], "REFUGEES": ["migration"], "RELIGIOUS_MOVEMENT": ["religion_ethnicity"],
    "RENEWABLE_ENERGY": ["environment"], "SANCTIONS": ["economic", "diplomatic"],
    "SELF_IDENTIFIED_ENVIRON_DISASTER": ["environment", "disasters"],
    "SEXTRANS_DISEASE": ["health"], "SHORTAGE": ["human_security"],
    "SLUMS": ["inequality", "human_security"], "SOUTH-TO-SOUTH": ["diplomatic"],
    "SUBSIDIES": ["economic"], "SUICIDE_ATTACK": ["terrorism"], "TERROR": ["terrorism"],
    "TRADE_DISPUTE": ["economic"], "UNEMPLOYMENT": ["economic"], "VACCINATION": ["health"],
    "WATER_SECURITY": ["human_security"], "WMD": ["cbrn"], "WOMENS_MOVEMENT": ["gender"],
}

_ENTRY = re.compile(r"^(?P<phrase>[^\[]+?)\s*\[(?P<code>[A-Z0-9_\-]+)\]")


def _nouns(word: str) -> list[str]:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word, word[:-1] + "ies"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word, word + "es"]
    return [word, word + "s"]


def _verbs(word: str) -> list[str]:
    stem = word[:-1] if word.endswith("e") else word
    third = word + "es" if word.endswith(("s", "x", "z", "ch", "sh")) else word + "s"
    return [word, third, stem + "ed", stem + "ing"]


def _expand_word(word: str) -> list[str]:
    """One word of a phrase with its expansions (``n:``, ``v:``, ``+``) applied."""
    forms = [word]
    if word.startswith("n:"):
        forms = _nouns(word[2:])
    elif word.startswith("v:"):
        forms = _verbs(word[2:])
    out: list[str] = []
    for form in forms:
        if "+" in form:
            # "+" joins with a space or a hyphen; an expansion may follow it ("solar+v:power")
            head, tail = form.split("+", 1)
            for rest in _expand_word(tail):
                out += [f"{head} {rest}", f"{head}-{rest}"]
        else:
            out.append(form)
    return out


def expand(phrase: str) -> list[str]:
    """Every literal form of a dictionary phrase, lower-cased, in order, without repeats."""
    forms = [""]
    for word in phrase.lower().split():
        forms = [f"{f} {w}".strip() for f in forms for w in _expand_word(word)]
    return list(dict.fromkeys(forms))


def convert(path: Path) -> tuple[dict, Counter]:
    """The keywords and ignore phrases of an issue dictionary, and counts for the report."""
    counts: Counter = Counter()
    keywords: dict[str, dict] = {}
    ignore: dict[tuple[str, str], str] = {}
    name = path.name
    category = ""
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        block = re.match(r'<ISSUE CATEGORY="([^"]+)"', line)
        if block:
            category = block[1]
        if not line or line.startswith("<"):
            continue
        if line.startswith("~"):
            for form in expand(line.lstrip("~")):
                ignore.setdefault((form, category), f"{name}:{n}")
            counts["ignore lines"] += 1
            continue
        m = _ENTRY.match(line)
        if m is None:
            counts["lines without an issue code"] += 1
            continue
        code = m["code"]
        contexts = ISSUE_CONTEXTS.get(code)
        if not contexts:
            counts[f"left out (no PLOVER context): {code}"] += 1
            continue
        for form in expand(m["phrase"]):
            if form not in keywords:
                keywords[form] = {"phrase": form, "issue": code, "category": category,
                                  "contexts": list(contexts), "source_line": f"{name}:{n}"}
        counts["entries"] += 1
    counts["keywords"] = len(keywords)
    counts["ignore phrases"] = len(ignore)
    doc = {
        "version": 1,
        "origin": "petrarch2",
        "keywords": sorted(keywords.values(), key=lambda k: k["phrase"]),
        "ignore": [{"phrase": p, "category": c, "source_line": s}
                   for (p, c), s in sorted(ignore.items())],
    }
    return doc, counts


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def licence_header(licence: Path, generated_from: str) -> str:
    return licence_notice(licence, [
        f"# Generated by scripts/petrarch2/issues.py from {generated_from} (PETRARCH-2/Phoenix,",
        "# https://github.com/openeventdata/petrarch2): Phoenix issue keywords mapped onto",
        "# PLOVER contexts (the mapping is ISSUE_CONTEXTS in the script). Do not edit: change",
        "# the converter. The dictionary's licence:",
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--issues", type=Path, required=True, help="Phoenix.IssueCoding.txt")
    ap.add_argument("--licence", type=Path, help="its licence file (default: LICENSE beside it)")
    ap.add_argument("--out", type=Path, required=True, help="the YAML file to write")
    args = ap.parse_args(argv)
    doc, counts = convert(args.issues)
    header = licence_header(args.licence or args.issues.parent / "LICENSE", args.issues.name)
    body = yaml.dump(doc, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=None)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(header + body, encoding="utf-8")
    for key, n in sorted(counts.items()):
        print(f"{n:6d}  {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
