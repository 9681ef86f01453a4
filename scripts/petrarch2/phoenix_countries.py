"""Countries from a validation dictionary's invented states (``actors.py --countries``): the
states, their state bodies and parts as metonyms, and parts of other states as groups. Part
of the converter ``scripts/petrarch2/actors.py``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from phoenix_convert import (
    NON_STATE_ROOTS,
    SECTORS,
    Result,
    _clean,
    _parts,
    display_name,
    organization_code,
    organization_kind,
)
from phoenix_known import Bundled
from phoenix_read import NULL_CODE, Record


def state_roots(records: Iterable[Record]) -> set[str]:
    """The roots that codes with a sector after them have (``ITHMIL``, ``ITHGOV``): states of
    the dictionary, even where the root is also a sector code elsewhere (``ITH``)."""
    out = set()
    for record in records:
        for r in record.restrictions:
            parts = _parts(r.code)
            if parts and parts[0] in SECTORS and r.code[:3] not in NON_STATE_ROOTS:
                out.add(r.code[:3])
    return out


def _bare_state(record: Record, roots: set[str], bundled: Bundled) -> bool:
    """A record coded only by one of ``roots`` on its own (``ITHILEN [ITH]``)."""
    codes = {r.code for r in record.restrictions if r.code != NULL_CODE}
    return len(codes) == 1 and next(iter(codes)) in roots - bundled.countries


def _institution(record: Record) -> str | None:
    """The code of a state institution named as a country and a sector (``CIRITH UNGOL
    [MORMIL]``, ``MICHEL_DELVING [SHRGOV]``), which no organisation kind fits."""
    code = organization_code(record)
    if code and len(code) == 6 and code[3:] in SECTORS and organization_kind(code) is None:
        return code
    return None


def _metonyms(institutions: list[tuple[Record, str]], bundled: Bundled, out: Result) -> None:
    """The state institutions of the countries in ``out.countries`` as their metonyms
    ("cirith ungol": MIL on MOR, as tidings' own "white house": GOV on USA); those of other
    countries are skipped as without the option."""
    rows = {c["code"]: c for c in out.countries}
    for record, code in institutions:
        row = rows.get(code[:3])
        if row is None:
            out.skipped["organization: a state institution (no organisation kind)"] += 1
            continue
        names = [n for p in record.phrases if (n := _clean(p.text)[0])
                 and n not in bundled.actors and n not in row["names"]]
        if not names:
            out.skipped["country: no usable name left for a state institution"] += 1
            continue
        for n in names:
            row["metonyms"].setdefault(n, code[3:])


def country_entries(records: Sequence[Record], bundled: Bundled, out: Result) -> None:
    """countries.yaml entries (in ``out.countries``) of country records whose code, their
    default code or else the one that holds latest, is three letters that are none of
    tidings' countries (PETRARCH's validation dictionary invents states: ``ARNOR [ARN]``,
    ``BILBO [HOB]``). Their names are the records' phrases as lowercase names, less those
    tidings' own places and organisations already have ("egypt" stays Egypt, not TABARI's
    ``UAR``; "united nations" the UN, not ``UNO``); records
    of the same code make one entry. Codes of a part of a state are metonyms or groups (see
    :func:`_groups`), unless the state is tidings' own (``PSEGZA``): those and tidings' own
    country codes are skipped, and counted."""
    rows: dict[str, dict[str, Any]] = {}
    groups: list[tuple[Record, str]] = []
    for record in records:
        code = organization_code(record)
        if code is None:
            out.skipped["country: no code (null, or only before 1945)"] += 1
            continue
        if code in bundled.countries:
            out.skipped["country: one of tidings' own countries"] += 1
            continue
        if re.fullmatch(r"[A-Z]{6}", code) and code[:3] not in bundled.countries:
            groups.append((record, code))
            continue
        if not re.fullmatch(r"[A-Z]{3}", code):
            out.skipped["country: not a three-letter country code"] += 1
            continue
        names = []
        for phrase in record.phrases:
            text = _clean(phrase.text)[0]
            if not text:
                out.dropped_names["country: unusable characters"] += 1
            elif text in bundled.actors:
                out.dropped_names["country: a name of tidings' own places or organisations"] += 1
            elif text not in names:
                names.append(text)
        if not names:
            out.skipped["country: no usable name left"] += 1
            continue
        name = display_name(names[0]) if " " in names[0] else names[0].capitalize()
        row = rows.setdefault(code, {"code": code, "name": name,
                                     "names": [], "demonyms": [], "capitals": [],
                                     "metonyms": {}, "cities": []})
        row["names"] += [n for n in names if n not in row["names"]]
    out.countries = list(rows.values())
    _groups(groups, bundled, out)


def _groups(groups: list[tuple[Record, str]], bundled: Bundled, out: Result) -> None:
    """Codes of a part of an invented state (``DURTHANG ORC [MORORC]``, ``MORGUL_ORCS
    [MRGORC]``): a metonym of the state when it is one of ``out.countries``, else a group
    (an organisation, kind nsag) of its own code."""
    rows = {c["code"]: c for c in out.countries}
    for record, code in groups:
        row = rows.get(code[:3])
        names = [n for p in record.phrases if (n := _clean(p.text)[0])
                 and n not in bundled.actors and n not in (row or {}).get("names", ())]
        if not names:
            out.skipped["country: no usable name left for a part of a state"] += 1
        elif row is not None:
            for n in names:
                row["metonyms"].setdefault(n, code[3:])
        else:
            out.organizations.append({"code": code, "name": display_name(names[0]),
                                      "names": names, "kind": "nsag", "country": None,
                                      "origin": record.origin})
