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

This file is the command line; the work is done by the modules beside it:
``phoenix_read.py`` (the dictionary format, dates and codes over time), ``phoenix_known.py``
(what tidings' own actor files already name), ``phoenix_convert.py`` (what a record is, which
names are kept), ``phoenix_entries.py`` (the entries), ``phoenix_countries.py`` (invented
states, with ``--countries``), ``phoenix_agents.py`` (agent dictionaries) and
``phoenix_write.py`` (the YAML files).

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
* A country (skipped: tidings has its own countries.yaml, with its own names and cities;
  with ``--countries``, those whose code tidings does not have, as a validation dictionary's
  invented ``ARNOR [ARN]``, are written to ``actors/countries.yaml`` by their names): a
  record whose codes all name a state: a root that is not a sector or non-state root (IGO,
  NGO, IMG, MNC ...) and no sector part after it (``[AFG]``, a territory ``[USAASM]``, a
  state in a period ``[USRARM <911226]``, ``[ESTOCC]``). With ``--countries`` a record coded
  only by a bare code that other codes of the inputs have as a root before a sector is one
  too (``ITHILEN [ITH]`` beside ``[ITHMIL]``, though ITH is a sector code elsewhere), and a
  state institution of a country so written (``CIRITH UNGOL [MORMIL]``) becomes that
  country's metonym (``cirith ungol: MIL``, as tidings' own ``white house: GOV``), as does
  a part of it (``DURTHANG ORC [MORORC]``); a part of a state the inputs do not have
  (``MORGUL_ORCS [MRGORC]``) is a group (organisation, kind nsag) of its own.
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
import json
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the phoenix_* modules beside this script
    sys.path.insert(0, str(HERE))

from phoenix_agents import convert_agents, parse_agents  # noqa: E402
from phoenix_convert import (  # noqa: E402
    Result,
    classify,
    given_names,
    organization_kind,
    person_names,
    strip_titles,
)
from phoenix_entries import convert  # noqa: E402
from phoenix_known import BUNDLED, Bundled, english_words  # noqa: E402
from phoenix_read import (  # noqa: E402
    FormatError,
    Phrase,
    Record,
    Restriction,
    Role,
    code_on,
    last_date,
    parse_actors,
    parse_date,
    parse_restriction,
    read_text,
    timeline,
)
from phoenix_write import (  # noqa: E402
    agents_yaml,
    countries_yaml,
    header,
    organizations_yaml,
    people_yaml,
    write_checked,
)

__all__ = ["Bundled", "FormatError", "Phrase", "Record", "Restriction", "Result", "Role",
           "classify", "code_on", "convert", "convert_agents", "english_words",
           "given_names", "last_date", "main", "organization_kind", "parse_actors",
           "parse_agents", "parse_date", "parse_restriction", "person_names", "run",
           "strip_titles", "timeline"]


def run(actors: Sequence[Path], agents: Sequence[Path], out_dir: Path, *,
        license_path: Path | None = None, bundled_dir: Path = BUNDLED,
        keep_known: bool = False, until: dt.date | str | None = "last",
        any_root: bool = False, keep_ambiguous: bool = False,
        words: frozenset[str] | None = None, countries: bool = False) -> dict[str, Any]:
    """Convert and write everything; return the report (counts by reason). ``countries``
    also writes ``actors/countries.yaml`` with the states tidings does not have (for a
    validation dictionary's invented ones; see ``phoenix_convert.country_entries``)."""
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
                         any_root=any_root, keep_ambiguous=keep_ambiguous,
                         countries=countries)
        report.update(_write_actors(result, out_dir, license_text, [Path(p).name for p in actors]))
        report["open_roles_end"] = until.isoformat() if isinstance(until, dt.date) else None
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
        write_checked(out_dir / "actors" / "agents.yaml", agents_yaml(rows, header(
            license_text, [Path(p).name for p in agents], "Agent (sector) words")),
            {"version": 1, "agents": rows})
        report["agents"] = {"entries": len(rows), "words": sum(len(r["words"]) for r in rows),
                            "dropped_words": dict(why), "unreadable_lines": bad}
    shutil.copyfile(license_path, out_dir / "LICENSE.petrarch2")
    return report


def _write_actors(result: Result, out_dir: Path, license_text: str,
                  names: list[str]) -> dict[str, Any]:
    """Write the people, organisations (and countries, if any) of ``result``; their counts."""
    people_doc = {"version": 1, "people": result.people}
    org_doc = {"version": 1, "organizations": result.organizations}
    write_checked(out_dir / "actors" / "people.yaml", people_yaml(
        result.people, header(license_text, names, "People with dated roles")), people_doc)
    write_checked(out_dir / "actors" / "organizations.yaml", organizations_yaml(
        result.organizations, header(license_text, names, "Organisations")), org_doc)
    report: dict[str, Any] = {
        "records": dict(result.records), "people": len(result.people),
        "people_aliases": sum(len(p["aliases"]) for p in result.people),
        "people_roles": sum(len(p["roles"]) for p in result.people),
        "organizations": len(result.organizations),
        "organization_names": sum(len(o["names"]) for o in result.organizations)}
    if result.countries:
        write_checked(out_dir / "actors" / "countries.yaml", countries_yaml(
            result.countries, header(license_text, names, "Countries")),
            {"version": 1, "countries": result.countries, "regions": []})
        report["countries"] = len(result.countries)
    report.update({
        "skipped": dict(sorted(result.skipped.items())),
        "dropped_names": dict(sorted(result.dropped_names.items())),
        "unreadable_code_lines": result.bad_code_lines})
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
    parser.add_argument("--countries", action="store_true",
                        help="also write actors/countries.yaml with the states whose code "
                        "tidings does not have (a validation dictionary's invented countries)")
    parser.add_argument("--until", default="last", help="end the roles still open on this "
                        "day (YYYY-MM-DD; default 'last': the latest date the inputs name; "
                        "'none': leave them open)")
    parser.add_argument("--report", action="store_true", help="print the counts as JSON")
    args = parser.parse_args(argv)
    until = None if args.until == "none" else (
        args.until if args.until == "last" else dt.date.fromisoformat(args.until))
    report = run(args.actors, args.agents, args.out, license_path=args.license,
                 bundled_dir=args.bundled, keep_known=args.keep_known, until=until,
                 any_root=args.any_code_root, keep_ambiguous=args.keep_ambiguous,
                 countries=args.countries)
    if args.report:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
