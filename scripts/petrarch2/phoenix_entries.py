"""The entries of a conversion: each record sorted out (country, person, organisation),
its names and roles or code, and the people and organisation entries less the names
imported entries share (rule 5). Part of the converter ``scripts/petrarch2/actors.py``,
whose docstring states every rule applied here."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from phoenix_convert import (
    NON_STATE_ROOTS,
    Result,
    _clean,
    classify,
    display_name,
    given_names,
    organization_code,
    organization_kind,
    organization_names,
    person_names,
    person_roles,
    strip_titles,
)
from phoenix_countries import _bare_state, _institution, _metonyms, country_entries, state_roots
from phoenix_known import Bundled, _norm
from phoenix_read import Record


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



PersonRow = tuple[Record, list[str], list[dict[str, Any]]]  # record, names, roles
OrgRow = tuple[Record, list[str], str, str, str | None]  # record, names, code, kind, country


def convert(records: Sequence[Record], bundled: Bundled, words: frozenset[str], *,
            keep_known: bool = False, until: dt.date | None = None,
            any_root: bool = False, keep_ambiguous: bool = False,
            countries: bool = False) -> Result:
    """tidings people and organisation entries from the records of some actor dictionaries
    (in order; see the module docstring for every rule). ``keep_known`` keeps entries and
    names tidings' own files already have (rule 4), ``keep_ambiguous`` the names rule 3 drops
    and ``any_root`` codes whose root is no country tidings knows (for a validation dictionary
    and its invented actors); ``until`` ends the roles still open then. ``countries`` makes
    country entries of the country records whose code tidings does not have (a validation
    dictionary's invented states: ``ARNOR [ARN]``), see :func:`country_entries`."""
    out = Result()
    own = bundled
    states: list[Record] = []
    given = given_names(records, bundled)
    titles = bundled.titles - given  # ("Sultan", "Amir" are given names too)
    if keep_known:
        bundled = Bundled(countries=bundled.countries, regions=bundled.regions,
                          agent_names=bundled.agent_names, agent_words=bundled.agent_words,
                          organization_codes=bundled.organization_codes)
    people: list[PersonRow] = []
    orgs: list[OrgRow] = []
    institutions: list[tuple[Record, str]] = []
    roots = state_roots(records) if countries else set()
    for record in records:
        out.bad_code_lines += record.bad_restrictions
        kind = classify(record, bundled, given)
        if countries and kind != "country" and _bare_state(record, roots, own):
            kind = "country"
        out.records[kind] += 1
        if kind == "country" and countries:
            states.append(record)
        elif countries and kind == "organization" and (code := _institution(record)):
            institutions.append((record, code))
        elif kind == "country":
            out.skipped["country: tidings has its own countries"] += 1
        elif kind == "person":
            row = _person_row(record, bundled, out, until=until, any_root=any_root,
                              keep_ambiguous=keep_ambiguous, titles=titles)
            if row is not None:
                people.append(row)
        else:
            org = _organization_row(record, bundled, words, out, any_root=any_root,
                                    keep_ambiguous=keep_ambiguous)
            if org is not None:
                orgs.append(org)
    _person_entries(people, titles, out)
    _organization_entries(orgs, bundled, out)
    country_entries(states, own, out)
    _metonyms(institutions, own, out)
    out.dropped_names = Counter({k: v for k, v in out.dropped_names.items() if v})
    return out


def _person_row(record: Record, bundled: Bundled, out: Result, *, until: dt.date | None,
                any_root: bool, keep_ambiguous: bool, titles: frozenset[str]
                ) -> PersonRow | None:
    """A person record's names and roles, or None (counted in ``out.skipped``)."""
    roles = person_roles(record, bundled, until, any_root)
    if not roles:
        out.skipped["person: no role from 1945 on with a usable code"] += 1
        return None
    names, why = person_names(record, bundled, keep_ambiguous, titles)
    out.dropped_names.update({f"person: {k}": v for k, v in why.items()})
    if any(_norm(p.text) in bundled.people for p in record.phrases) or \
            any(n in bundled.people for n in names):
        out.skipped["person: already one of tidings' people"] += 1
        return None
    return record, names, roles


def _organization_row(record: Record, bundled: Bundled, words: frozenset[str], out: Result,
                      *, any_root: bool, keep_ambiguous: bool) -> OrgRow | None:
    """An organisation record's names, code, kind and country, or None (counted in
    ``out.skipped``)."""
    code = organization_code(record)
    if code is None:
        out.skipped["organization: no code (null, or only before 1945)"] += 1
        return None
    if code[:3] not in bundled.countries | bundled.regions | NON_STATE_ROOTS and \
            not any_root:
        out.skipped["organization: a code root tidings does not know (BUD, INT, KKL ...)"] += 1
        return None
    org_kind = organization_kind(code)
    if org_kind is None:
        out.skipped["organization: a state institution (no organisation kind)"] += 1
        return None
    names, why = organization_names(record, bundled, words, keep_ambiguous)
    out.dropped_names.update({f"organization: {k}": v for k, v in why.items()})
    if any(n in bundled.organizations for n in names) or \
            _norm(record.primary.text) in bundled.organizations:
        out.skipped["organization: already one of tidings' organisations"] += 1
        return None
    root = code[3:6] if code[:3] == "MNC" else code[:3]
    country = root if root in bundled.countries and org_kind not in ("igo", "ngo") else None
    return record, names, code, org_kind, country


def _unshared(i: int, names: list[str], amb: set[str], rep: set[tuple[int, str]],
              kind: tuple[str, str], out: Result) -> list[str]:
    """Row ``i``'s names less those rule 5 drops (shared with, or repeating, another
    imported entry), counted under ``kind`` (report key, noun)."""
    key, noun = kind
    out.dropped_names[f"{key}: shared with another imported {noun}"] += sum(
        n in amb for n in names)
    out.dropped_names[f"{key}: repeats an imported {noun}"] += sum(
        (i, n) in rep for n in names)
    return [n for n in names if n not in amb and (i, n) not in rep]


def _person_entries(people: list[PersonRow], titles: frozenset[str], out: Result) -> None:
    """people.yaml entries of the person rows, less the names rule 5 drops."""
    amb, rep = _shared([(names, roles) for _, names, roles in people])
    for i, (record, names, roles) in enumerate(people):
        kept = _unshared(i, names, amb, rep, ("person", "person"), out)
        if not kept:
            out.skipped["person: no usable name left"] += 1
            continue
        primary = _clean(record.primary.text)[0]
        primary = " ".join(strip_titles(primary.split(), titles))
        name = primary if primary in kept else kept[0]
        out.people.append({"name": display_name(name), "aliases": kept, "roles": roles,
                           "origin": record.origin})


def _organization_entries(orgs: list[OrgRow], bundled: Bundled, out: Result) -> None:
    """organizations.yaml entries of the organisation rows, less the names rule 5 drops and
    those of imported people (``out.people``, made first)."""
    amb, rep = _shared([(names, code) for _, names, code, _, _ in orgs])
    code_count = Counter(code for _, _, code, _, _ in orgs)
    imported_people = {n for p in out.people for n in p["aliases"]}
    for i, (record, names, code, org_kind, country) in enumerate(orgs):
        kept = _unshared(i, names, amb, rep, ("organization", "organisation"), out)
        out.dropped_names["organization: an imported person's name"] += sum(
            n in imported_people for n in kept)
        kept = [n for n in kept if n not in imported_people]
        if not kept:
            out.skipped["organization: no usable name left"] += 1
            continue
        row = {"code": code, "name": display_name(kept[0]), "names": kept, "kind": org_kind,
               "country": country, "origin": record.origin}
        if code in bundled.organization_codes or code_count[code] > 1:
            del row["name"]  # (a code's display name stays tidings' own, or none)
        out.organizations.append(row)
