"""Counts summed by group: the dead (or injured, arrested, displaced, hostages) of the events
of a filter, by country and month or by one or two other dimensions.

Each event adds its own figure of the kind, the highest any report of it gave (the ``dead``
column of the events table, see ``store/sizes.py``), so an event reported by five outlets is
counted once. The sum of figures with different bounds ("at least 8", "about 40") is only as
exact as its parts: each group also says how many of its events had a figure of each bound.
A range ("8 to 10") adds its low end.

``country`` is where the event happened (``place_country``) or, for an event with no place,
its target's country, or else its source's: a death toll has one country, never two (the
``country`` of ``/aggregate`` counts an event under both sides). ``place_country`` is the
place's country only, leaving unplaced events out. Events with a figure but no key (undated
events for a period, no country at all) are left out of the groups and counted apart
(``left_out``). The SQL is the subset DuckDB and PostgreSQL both accept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tidings.records import COUNT_BOUNDS
from tidings.store.facts import executor
from tidings.store.filters import Filters, count_column
from tidings.store.read import DIMENSIONS, Reader, period_key

SUM_DIMENSIONS: dict[str, str] = {
    "country": "coalesce(place_country, target_country, source_country)",
    "place_country": "place_country",
    **DIMENSIONS,
}
SUM_SORTS = {"-total": "total DESC", "total": "total ASC", "-events": "n DESC",
             "events": "n ASC", "key": ""}


def _base(filters: Filters, kind: str, by: Sequence[str]) -> tuple[str, list[Any], str]:
    """The filtered events with a figure of ``kind``: their keys k0, k1, figure v, bound b;
    and the condition that every key is there."""
    column = count_column(kind)
    if not by or len(by) > 2 or len(set(by)) != len(by):
        raise ValueError(f"cannot sum counts by {list(by)!r}")
    for d in by:
        if d not in SUM_DIMENSIONS:
            raise ValueError(f"cannot sum counts by {d!r}")
    where, params = filters.where(f"{column} IS NOT NULL")
    keys = ", ".join(f"{SUM_DIMENSIONS[d]} AS k{i}" for i, d in enumerate(by))
    sql = f"SELECT {keys}, {column} AS v, {column}_bound AS b FROM events{where}"
    present = " AND ".join(f"k{i} IS NOT NULL" for i in range(len(by)))
    return sql, params, present


def sums_sql(filters: Filters, kind: str, by: Sequence[str], sort: str
             ) -> tuple[str, list[Any]]:
    """The grouped query (its last parameter, the limit, left to add): keys, total, events,
    one count per bound of ``COUNT_BOUNDS``, and the number of groups (a window count)."""
    if sort not in SUM_SORTS:
        raise ValueError(f"cannot sort sums by {sort!r}")
    base, params, present = _base(filters, kind, by)
    keys = [f"k{i}" for i in range(len(by))]
    bounds = ", ".join(f"sum(CASE WHEN b = '{b}' THEN 1 ELSE 0 END)" for b in COUNT_BOUNDS)
    order = ", ".join(filter(None, [SUM_SORTS[sort], *keys]))
    sql = (f"SELECT {', '.join(keys)}, sum(v) AS total, count(*) AS n, {bounds}, "
           f"count(*) OVER () FROM ({base}) x WHERE {present} GROUP BY {', '.join(keys)} "
           f"ORDER BY {order} LIMIT ?")
    return sql, params


def count_sums(reader: Reader, filters: Filters, kind: str, by: Sequence[str], *,
               sort: str = "-total", limit: int = 100) -> dict[str, Any]:
    """The sums of ``kind`` by ``by``, read with ``reader`` (``Store.read``): ``rows``
    (the first ``limit`` groups in ``sort`` order, each with its keys, ``total``, ``events``
    and ``bounds``), ``groups`` (how many there are), ``total`` and ``events`` over every
    event with a figure, and ``left_out`` (those of them without a key)."""
    execute = executor(reader)
    sql, params = sums_sql(filters, kind, by, sort)
    rows = execute(sql, [*params, limit]).fetchall()
    out = []
    for row in rows:
        keys, (total, n, *bounds) = row[:len(by)], row[len(by):-1]
        out.append({**{d: period_key(d, k) for d, k in zip(by, keys, strict=True)},
                    "total": int(total), "events": int(n),
                    "bounds": {b: int(c or 0) for b, c in zip(COUNT_BOUNDS, bounds,
                                                               strict=True)}})
    base, params, present = _base(filters, kind, by)
    n_all, total_all, n_out, total_out = execute(
        f"SELECT count(*), sum(v), sum(CASE WHEN {present} THEN 0 ELSE 1 END), "
        f"sum(CASE WHEN {present} THEN 0 ELSE v END) FROM ({base}) x", params).fetchall()[0]
    return {"rows": out, "groups": int(rows[0][-1]) if rows else 0,
            "total": int(total_all or 0), "events": int(n_all or 0),
            "left_out": {"events": int(n_out or 0), "total": int(total_out or 0)}}

