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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Clause = tuple[str, Sequence[Any]]


def like_escape(text: str) -> str:
    """Text for a LIKE pattern with ESCAPE '!', matched literally."""
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def dyad_clause(a: str, b: str) -> Clause:
    """Events between actors with the prefixes ``a`` and ``b``, either direction."""
    return ("((source LIKE ? AND target LIKE ?) OR (source LIKE ? AND target LIKE ?))",
            [a + "%", b + "%", b + "%", a + "%"])


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
