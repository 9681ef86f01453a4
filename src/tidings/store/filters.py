"""Which events: one set of filters for the API, the store and ``tidings events``, rendered
as one SQL WHERE clause over the events table with ``?`` parameters.

Values are used as given: the API checks and normalises what a request sends (upper-case
codes, a root as two digits, ISO dates) before it makes a ``Filters``; the command line
passes its options as typed. Codes and actors match as prefixes (``IRN`` matches ``IRNGOV``);
``place`` is a case-insensitive substring of the place name, or one of the exact names in
``place_names`` (what the API adds for another name of the same place: "Kiev" for Kyiv).
``q`` is words: an event matches when its evidence sentence holds every word, in any order,
each a case-insensitive substring. Both are matched literally (``%`` and ``_`` are not
wildcards).

``min_confidence`` keeps the events whose confidence (the highest of their mentions') is at
least that; an event with no confidence (coded before the coder gave one) is left out, since
nothing says it reaches the threshold. ``min_counts`` holds (kind, n) pairs: the event's
highest figure of that kind (the ``dead`` column ...) is at least n, so ``("dead", 0)`` is
any event some report gave a death toll for, zero included. ``has_counts`` holds kinds the
event must have a figure for, every one of them; ``"any"`` among them asks for a figure of
at least one kind. Kinds are those of ``records.COUNT_KINDS``; any other is a ValueError.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tidings.records import COUNT_KINDS

ANY_COUNT = "any"  # in ``has_counts``: a figure of at least one kind
Clause = tuple[str, Sequence[Any]]


def like_escape(text: str) -> str:
    """Text for a LIKE pattern with ESCAPE '!', matched literally."""
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def dyad_clause(a: str, b: str) -> Clause:
    """Events between actors with the prefixes ``a`` and ``b``, either direction."""
    return ("((source LIKE ? AND target LIKE ?) OR (source LIKE ? AND target LIKE ?))",
            [a + "%", b + "%", b + "%", a + "%"])


def count_column(kind: str) -> str:
    """The events table's column of a kind of count ("dead"); ValueError for another."""
    if kind not in COUNT_KINDS:
        raise ValueError(f"no kind of count {kind!r} (known: {', '.join(COUNT_KINDS)})")
    return kind


def count_filters(min_confidence: float | None = None, has_counts: str | None = None,
                  **minimums: int | None) -> dict[str, Any]:
    """The confidence and count filters as a user gives them (``has_counts`` as
    "dead,injured" or "any", ``dead=8`` for at least 8 dead), as ``Filters`` arguments;
    a ValueError whose message starts with the option's name for one that is not usable."""
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise ValueError(f"min_confidence: {min_confidence} is not between 0 and 1")
    for kind, n in minimums.items():
        if kind not in COUNT_KINDS:
            raise ValueError(f"min_{kind[:30]}: no such kind of count")
        if n is not None and n < 0:
            raise ValueError(f"min_{kind}: {n} is below 0")
    kinds = tuple(dict.fromkeys(k.strip().lower() for k in (has_counts or "").split(",")
                                if k.strip()))
    known = (*COUNT_KINDS, ANY_COUNT)
    for kind in kinds:
        if kind not in known:
            raise ValueError(f"has_counts: {kind[:30]!r} is not one of {', '.join(known)}")
    if has_counts and not kinds:
        raise ValueError(f"has_counts: one or more of {', '.join(known)}, comma-separated")
    return {"min_confidence": min_confidence, "has_counts": kinds,
            "min_counts": tuple((k, n) for k, n in minimums.items() if n is not None)}


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters over stored events; None (the default) leaves a field unfiltered."""

    actor: str | None = None  # actor code prefix, either side
    source: str | None = None  # source actor code prefix
    target: str | None = None  # target actor code prefix
    dyad: tuple[str, str] | None = None  # two actor code prefixes, either direction
    code: str | None = None  # CAMEO code prefix
    root: str | None = None  # CAMEO root code ("4" is "04")
    plover: str | None = None  # PLOVER event type
    quad_class: int | None = None
    since: dt.date | None = None  # first date
    until: dt.date | None = None  # last date
    country: str | None = None  # ISO3 country of the event's place
    place: str | None = None  # substring of the place name
    place_names: tuple[str, ...] = ()  # ... or one of these names (with place set)
    q: str | None = None  # words of the evidence sentence, all of them, in any order
    min_confidence: float | None = None  # confidence at least this (unscored events out)
    min_counts: tuple[tuple[str, int], ...] = ()  # (kind, n): its figure at least n
    has_counts: tuple[str, ...] = ()  # kinds it must have a figure for ("any": one of them)

    def clauses(self) -> list[Clause]:
        """One (condition, parameters) per filter that is set."""
        out: list[Clause] = []
        if self.actor:
            out.append(("(source LIKE ? OR target LIKE ?)", [self.actor + "%", self.actor + "%"]))
        for side in ("source", "target"):
            if value := getattr(self, side):
                out.append((f"{side} LIKE ?", [value + "%"]))
        if self.dyad:
            out.append(dyad_clause(*self.dyad))
        if self.code:
            out.append(("code LIKE ?", [self.code + "%"]))
        if self.root:
            out.append(("root = ?", [self.root.zfill(2)]))
        if self.plover:
            out.append(("plover = ?", [self.plover]))
        if self.quad_class is not None:
            out.append(("quad_class = ?", [self.quad_class]))
        if self.since:
            out.append(("date >= ?", [self.since]))
        if self.until:
            out.append(("date <= ?", [self.until]))
        if self.country:
            out.append(("place_country = ?", [self.country]))
        if self.place:
            out.append(self._place())
        for word in (self.q or "").lower().split():
            out.append(("lower(sentence) LIKE ? ESCAPE '!'", [f"%{like_escape(word)}%"]))
        if self.min_confidence is not None:
            out.append(("confidence >= ?", [self.min_confidence]))
        out.extend(self._counts())
        return out

    def _counts(self) -> list[Clause]:
        """The count filters; a kind becomes a column name, so it must be a known one."""
        out: list[Clause] = []
        for kind, n in self.min_counts:
            out.append((f"{count_column(kind)} >= ?", [n]))
        for kind in dict.fromkeys(self.has_counts):
            if kind == ANY_COUNT:
                out.append(("(" + " OR ".join(f"{k} IS NOT NULL" for k in COUNT_KINDS) + ")",
                            []))
            else:
                out.append((f"{count_column(kind)} IS NOT NULL", []))
        return out

    def _place(self) -> Clause:
        text = "lower(place_name) LIKE ? ESCAPE '!'"
        params: list[Any] = [f"%{like_escape((self.place or '').lower())}%"]
        if self.place_names:
            text += f" OR lower(place_name) IN ({', '.join('?' * len(self.place_names))})"
            params += [n.lower() for n in self.place_names]
        return f"({text})", params

    def where(self, *extra: Clause | str) -> tuple[str, list[Any]]:
        """" WHERE ..." (or "" when nothing is filtered) and its parameters; ``extra``
        conditions (a string, or a condition with its parameters) are added to the filters."""
        sql: list[str] = []
        params: list[Any] = []
        for clause in [*self.clauses(), *extra]:
            text, values = (clause, ()) if isinstance(clause, str) else clause
            sql.append(text)
            params.extend(values)
        return (" WHERE " + " AND ".join(sql) if sql else ""), params
