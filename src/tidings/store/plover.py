"""PLOVER event records (the "Data Fields" chapter of the PLOVER manual), one JSON object a
line, from stored event rows.

Fields and where they come from:

* ``id``: the tidings event id; ``date``: the event date (YYYY-MM-DD).
* ``actor``, ``recipient``: lists of entity objects: ``code`` (the 3-character top-level code:
  the country, or the organisation code), ``sector`` (the CAMEO agent, "GOV"), ``entity_text``
  (the words of the article) and ``cameo_code`` (tidings' full CAMEO actor code). An unknown
  actor ("---") has no code. ``recipient`` is null without a target.
* ``event``: ``[type]``; ``mode``: the modes ``data/plover_modes.yaml`` gives the CAMEO code
  (null for none); ``event_scale``: the manual's PLOVER score of the type, or of its one mode.
* ``context``: the PLOVER contexts of the keywords (``data/plover_contexts.yaml``, converted
  from Phoenix's issue dictionary) found in the event's sentence; null for none. An ignore
  phrase of the dictionary in the sentence cancels the keywords of its own issue block.
* ``event_loc``: the location object (``resolved_place``, ``lat``, ``lon``, ``country_code``
  ISO-3, ``feature_class``/``feature_code``, ``resolution`` 4 city, 2 region, 1 country).
* ``event_text``: ``[sentence]``; ``quad_code``: the quad class.
* ``text_info``: ``sequence`` (1-based sentence number), ``start``/``end`` (the sentence's
  character offsets in the article), from the store (``store.facts``).
* ``cite_info``: ``url``, ``title``, ``language`` ("en": tidings codes English only),
  ``publication``, ``coder``, ``codebook``.
* ``coder``: "tidings"; ``coded_date``: first_seen's date.
* ``size``: the manual's size object, the people the event killed (``dead``), wounded
  (``injured``) and arrested, plus ``displaced`` and ``hostages`` (extra fields, which the
  manual allows): for each kind the highest figure any report of the event gave, only the
  kinds some report gave a figure for; null when none did. ``size_detail`` (tidings') says
  how exact each figure is: ``bound`` (exact, lower "at least", upper "up to", estimate
  "about", range), ``high`` (the top of a range), ``side`` (the CAMEO sector of the people
  counted: MIL, CVL), ``reports`` (how many reports gave that figure) and ``figures`` (how
  many gave one at all); null when ``size`` is.
* ``confidence``: the calibrated probability that the event is right, the highest of its
  reports' (tidings'; null when the coder gave none).

A visit and its hosting (CAMEO 042 A->B and 043 B->A coded from one sentence) are one
record: the visitor is the actor, the host the recipient, mode ``visit``. A lone 043 is
turned round the same way. Events of CAMEO 01 and 02 have no PLOVER type and are left out,
and so are undated events (the manual requires a date).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import yaml

from tidings.config import DATA_DIR
from tidings.records import COUNT_KINDS
from tidings.store.facts import EventFacts, with_event_facts

log = logging.getLogger(__name__)

Row = Mapping[str, Any]
CODER = "tidings"
CODEBOOK = "plover-base (PLOVER manual, openeventdata/PLOVER)"
_UNKNOWN = "---"
_VISIT, _HOST = "042", "043"
_RESOLUTION = {"city": 4, "admin": 2, "country": 1}
_FEATURE = {"city": ("P", "PPL"), "admin": ("A", "ADM1"), "country": ("A", "PCLI")}
_WORD = re.compile(r"[\w][\w.'&+-]*")


@functools.cache
def modes_data() -> dict[str, Any]:
    """data/plover_modes.yaml: the types' scores and modes, and the CAMEO codes' modes."""
    return yaml.safe_load((DATA_DIR / "plover_modes.yaml").read_text(encoding="utf-8"))


Phrases = dict[tuple[str, ...], list[tuple[str, list[str]]]]


@functools.cache
def _keywords() -> tuple[Phrases, Phrases, int]:
    """(phrase words -> [(category, contexts)]) of the keywords and of the ignore phrases."""
    doc = yaml.safe_load((DATA_DIR / "plover_contexts.yaml").read_text(encoding="utf-8"))
    keys: Phrases = {}
    for k in doc["keywords"]:
        keys.setdefault(tuple(k["phrase"].split()), []).append((k["category"], k["contexts"]))
    ignore: Phrases = {}
    for i in doc["ignore"]:
        ignore.setdefault(tuple(i["phrase"].split()), []).append((i["category"], []))
    longest = max(len(k) for k in [*keys, *ignore])
    return keys, ignore, longest


def contexts_of(text: str | None) -> list[str]:
    """The PLOVER contexts of the keywords in a text, in the order of their first words."""
    if not text:
        return []
    keys, ignore, longest = _keywords()
    words = [w.rstrip(".") if w.count(".") == 1 else w
             for w in _WORD.findall(text.lower().replace("\u2019", "'"))]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    found: list[tuple[str, list[str]]] = []
    cancelled: set[str] = set()
    for i in range(len(words)):
        for n in range(1, min(longest, len(words) - i) + 1):
            gram = tuple(words[i:i + n])
            cancelled.update(c for c, _ in ignore.get(gram, ()))
            found.extend(keys.get(gram, ()))
    return list(dict.fromkeys(x for c, xs in found if c not in cancelled for x in xs))


def modes_of(code: str | None, plover: str | None) -> list[str]:
    entry = modes_data()["codes"].get(code or "")
    return list(entry["modes"]) if entry and entry["type"] == plover else []


def scale_of(plover: str, modes: list[str]) -> float | None:
    spec = modes_data()["types"].get(plover)
    if spec is None:
        return None
    if len(modes) == 1 and spec["modes"].get(modes[0]) is not None:
        return float(spec["modes"][modes[0]])
    return float(spec["score"])


def _entity(code: str | None, country: str | None, agent: str | None,
            text: str | None) -> dict[str, Any]:
    """An entity object: "IRN" / "GOV" of "IRNGOV"."""
    top: str | None = None
    if code and not code.startswith(_UNKNOWN):
        if country and code.startswith(country):
            top = country
        elif agent and code.endswith(agent) and len(code) > len(agent):
            top = code[: -len(agent)]
        else:
            top = code
    return {"code": top, "sector": agent, "entity_text": text, "cameo_code": code}


def _location(row: Row) -> dict[str, Any] | None:
    if not (row.get("place_name") or row.get("place_country")):
        return None
    feature = row.get("place_feature") or ""
    fclass, fcode = _FEATURE.get(feature, (None, None))
    return {
        "resolved_place": row.get("place_name"),
        "lat": row.get("place_lat"), "lon": row.get("place_lon"),
        "city": row.get("place_name") if feature == "city" else None,
        "country_code": row.get("place_country"),
        "feature_class": fclass, "feature_code": fcode,
        "resolution": _RESOLUTION.get(feature),
    }


def _side(row: Row, side: str) -> dict[str, Any]:
    return _entity(row.get(side), row.get(f"{side}_country"), row.get(f"{side}_agent"),
                   row.get(f"{side}_text"))


def _size(row: Row) -> tuple[dict[str, int] | None, dict[str, Any] | None]:
    """The size object (kind -> figure) and its detail, from the event row's columns."""
    size = {k: int(row[k]) for k in COUNT_KINDS if row.get(k) is not None}
    if not size:
        return None, None
    detail: dict[str, Any] = {k: {"bound": row.get(f"{k}_bound"), "high": None, "side": None,
                                  "reports": None, "figures": None} for k in size}
    text = row.get("counts")
    for entry in json.loads(text) if isinstance(text, str) and text else ():
        if entry.get("kind") in detail:
            detail[entry["kind"]].update(
                high=entry.get("high"), side=entry.get("side"), reports=entry.get("reports"),
                figures=len(entry.get("figures") or ()) or None)
    return size, detail


def plover_record(row: Row, facts: EventFacts | None = None,
                  host: Row | None = None) -> dict[str, Any]:
    """One event row as a PLOVER record (the event must have a PLOVER type). For a visit,
    ``host`` is the mirrored hosting event of the same sentence, merged into this record."""
    actor, recipient = _side(row, "source"), _side(row, "target")
    if row.get("code") == _HOST and host is None and row.get("target") not in (None, "",
                                                                                _UNKNOWN):
        actor, recipient = recipient, actor  # the visitor acts, the host receives
    modes = modes_of(row.get("code"), row.get("plover"))
    day = row.get("date")
    seen = row.get("first_seen")
    text_info = None
    if facts is not None:
        text_info = {"sequence": facts.sentence_index + 1, "start": facts.sentence_start,
                     "end": facts.sentence_end}
    contexts = contexts_of(row.get("sentence"))
    size, size_detail = _size(row)
    record = {
        "id": row.get("event_id"),
        "date": day.isoformat() if day is not None else None,
        "actor": [actor],
        "recipient": [recipient] if recipient["cameo_code"] else None,
        "event": [row.get("plover")],
        "event_loc": _location(row),
        "event_text": [row["sentence"]] if row.get("sentence") else None,
        "quad_code": row.get("quad_class"),
        "event_scale": scale_of(str(row.get("plover")), modes),
        "mode": modes or None,
        "context": contexts or None,
        "text_info": text_info,
        "cite_info": {
            "url": row.get("source_url"),
            "title": facts.title if facts else None,
            "language": "en",
            "publication": facts.source_name if facts else None,
            "coder": CODER,
            "codebook": CODEBOOK,
        },
        "coder": CODER,
        "coded_date": seen.date().isoformat() if isinstance(seen, dt.datetime) else None,
        "cameo_code": row.get("code"),
        "num_mentions": row.get("num_mentions"),
        "size": size,
        "size_detail": size_detail,
        "confidence": row.get("confidence"),
    }
    if host is not None:
        record["merged_ids"] = [row.get("event_id"), host.get("event_id")]
        scores = [c for c in (row.get("confidence"), host.get("confidence")) if c is not None]
        record["confidence"] = max(scores, default=None)
    return record


def _pair_key(row: Row, code: str) -> tuple:
    first, second = (row.get("source"), row.get("target"))
    if code == _HOST:
        first, second = second, first
    return (row.get("date"), row.get("sentence"), row.get("source_url"), first, second)


def _merged(rows: Iterable[tuple[Row, EventFacts | None]]
            ) -> Iterator[tuple[Row, EventFacts | None, Row | None]]:
    """Rows with visits and hostings of one sentence paired; rows of a date are held back only
    while they are visits or hostings (the store yields events ordered by date)."""
    held: list[tuple[Row, EventFacts | None]] = []
    day: Any = object()

    def flush() -> Iterator[tuple[Row, EventFacts | None, Row | None]]:
        hosts = {_pair_key(r, _HOST): (r, f) for r, f in held if r.get("code") == _HOST}
        used: set[int] = set()
        for r, f in held:
            if r.get("code") == _VISIT:
                match = hosts.get(_pair_key(r, _VISIT))
                if match is not None and id(match[0]) not in used:
                    used.add(id(match[0]))
                    yield r, f, match[0]
                    continue
                yield r, f, None
        for r, f in held:
            if r.get("code") == _HOST and id(r) not in used:
                yield r, f, None
        held.clear()

    for row, facts in rows:
        if row.get("date") != day:
            yield from flush()
            day = row.get("date")
        if row.get("code") in (_VISIT, _HOST):
            held.append((row, facts))
        else:
            yield row, facts, None
    yield from flush()


def write_plover(rows: Iterable[Row], fh: IO[str], *, stats: dict[str, int] | None = None,
                 store: Any | None = None) -> int:
    """PLOVER records, one JSON object a line; returns the number written.

    Events without a PLOVER type (CAMEO 01 and 02 have none) or without a date (PLOVER
    requires one) are skipped; their number is
    logged and, when `stats` is given, stored in it as "skipped" (with "written" and
    "merged", the hostings folded into their visits). `store` (a Store or its Reader) is
    asked for text_info and the article's title.
    """
    written = merged = 0
    counter = {"skipped": 0}
    typed = _typed(rows, lambda: counter.__setitem__("skipped", counter["skipped"] + 1))
    for row, facts, host in _merged(with_event_facts(typed, store)):
        fh.write(json.dumps(plover_record(row, facts, host), ensure_ascii=False) + "\n")
        written += 1
        merged += host is not None
    skipped = counter["skipped"]
    if skipped:
        log.info("plover export: skipped %d event(s) without a PLOVER type", skipped)
    if stats is not None:
        for key, n in (("written", written), ("skipped", skipped), ("merged", merged)):
            stats[key] = stats.get(key, 0) + n
    return written


def _typed(rows: Iterable[Row], on_skip: Any) -> Iterator[Row]:
    for row in rows:
        if row.get("plover") and row.get("date") is not None:
            yield row
        else:
            on_skip()
