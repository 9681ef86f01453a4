"""The store's read model: every question the API, the command line and the exports ask of a
database, as methods that take ``Filters`` and return plain rows (dicts keyed by the column
names of ``schema``). ``store.read`` gives one; nothing outside the store writes SQL.

The SQL is the subset DuckDB and PostgreSQL both accept, with ``?`` placeholders; column
names come from the schema and from fixed lists, never from a caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from tidings.store.filters import Clause, Filters, like_escape
from tidings.store.schema import ACTORS, DAILY, EVENTS, EVIDENCE

Execute = Callable[[str, Sequence[Any]], Any]  # a cursor with fetchall()
Stream = Callable[[str, Sequence[Any], int], Iterator[tuple]]

# Mentions with their article and sentence: the evidence of an event.
MENTION_JOIN = ("FROM mentions m JOIN articles a ON a.article_id = m.article_id "
                "LEFT JOIN sentences s ON s.article_id = m.article_id "
                "AND s.sentence_index = m.sentence_index")
# A mention row's columns that come from its article or sentence, by their names in rows.
_JOINED = {"url": "a.url", "source_name": "a.source_name", "published": "a.published",
           "source_url": "a.url", "sentence": "s.text", "sentence_start": "s.start_char",
           "sentence_end": "s.end_char"}


def mention_columns(names: Sequence[str]) -> str:
    """The SELECT list for ``names`` over ``MENTION_JOIN`` (a mention's own columns, or the
    joined ones above), each read under its name."""
    return ", ".join(_JOINED.get(n, f"m.{n}") for n in names)


SORT_KEYS = ("date", "goldstein", "num_mentions", "dead", "confidence")
_SELECT_EVENTS = f"SELECT {', '.join(EVENTS.names)} FROM events"
_PROOF = ("mention_id", "article_id", "url", "source_name", "published", "sentence_index",
          "sentence", "sentence_start", "sentence_end", "source_start", "source_end",
          "target_start", "target_end", "action_start", "action_end", "rule", "date_source",
          "code", "source_text", "target_text", "action_text", "counts", "confidence")


def _after(column: str, descending: bool, key: Any, event_id: str) -> Clause:
    """The rows after (key, event_id) in ORDER BY column [DESC] NULLS LAST, event_id."""
    if key is None:
        return f"({column} IS NULL AND event_id > ?)", [event_id]
    op = "<" if descending else ">"
    return (f"({column} {op} ? OR {column} IS NULL OR ({column} = ? AND event_id > ?))",
            [key, key, event_id])


def _mean(value: Any) -> float:
    """A mean Goldstein score, rounded so that both backends give the same digits."""
    return round(float(value), 6)


class Reader:
    """Reads one store. Made by ``Store.read``; not thread-safe (neither is the store)."""

    def __init__(self, execute: Execute, stream: Stream) -> None:
        self._execute = execute
        self._stream = stream

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self._execute(sql, params).fetchall())

    # -- streams (for exports: constant memory) ----------------------------------------------
    def iter_events(self, filters: Filters | None = None, *,
                    batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Events matching the filters, ordered by date, streamed from the database."""
        where, params = (filters or Filters()).where()
        sql = f"{_SELECT_EVENTS}{where} ORDER BY date, event_id"
        yield from EVENTS.dicts(self._stream(sql, params, batch))

    def iter_mentions(self, *, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """Every mention with its article and sentence, by event."""
        sql = (f"SELECT {mention_columns(EVIDENCE.names)} {MENTION_JOIN} "
               "ORDER BY m.event_id, m.mention_id")
        yield from EVIDENCE.dicts(self._stream(sql, (), batch))

    def iter_daily(self, *, batch: int = 5000) -> Iterator[dict[str, Any]]:
        """One row per day, dyad and CAMEO code (the Phoenix-style one-a-day view)."""
        sql = ("SELECT date, source, target, code, root, min(quad_class), min(goldstein), "
               "count(*), sum(num_mentions) FROM events "
               "GROUP BY date, source, target, code, root ORDER BY date, source, target, code")
        yield from DAILY.dicts(self._stream(sql, (), batch))

    def counts(self) -> dict[str, int]:
        """The number of rows of each table."""
        return {table: self._rows(f"SELECT count(*) FROM {table}")[0][0]
                for table in ("articles", "sentences", "mentions", "events", "actors")}

    # -- events ------------------------------------------------------------------------------
    def events(self, filters: Filters, *, sort: str = "date", limit: int = 100,
               after: tuple[Any, str] | None = None) -> list[dict[str, Any]]:
        """A page of events: ``sort`` is a key of ``SORT_KEYS``, "-" first for descending
        (missing values last, then by event id); ``after`` is the (sort key, event id) of the
        last event of the previous page."""
        column = sort.lstrip("-")
        if column not in SORT_KEYS:
            raise ValueError(f"cannot sort events by {sort!r}")
        descending = sort.startswith("-")
        extra = [_after(column, descending, *after)] if after else []
        where, params = filters.where(*extra)
        order = f"{column} {'DESC' if descending else 'ASC'} NULLS LAST, event_id"
        rows = self._rows(f"{_SELECT_EVENTS}{where} ORDER BY {order} LIMIT ?", [*params, limit])
        return list(EVENTS.dicts(rows))

    def count(self, filters: Filters) -> int:
        where, params = filters.where()
        return int(self._rows(f"SELECT count(*) FROM events{where}", params)[0][0])

    def event(self, event_id: str) -> dict[str, Any] | None:
        rows = self._rows(f"{_SELECT_EVENTS} WHERE event_id = ?", [event_id])
        return next(EVENTS.dicts(rows), None)

    def evidence(self, event_id: str) -> list[dict[str, Any]]:
        """The mentions of an event, oldest article first, each with its sentence (its text
        and its offsets in the article: ``sentence_start``, ``sentence_end``)."""
        rows = self._rows(
            f"SELECT {mention_columns(_PROOF)} {MENTION_JOIN} WHERE m.event_id = ? "
            "ORDER BY a.published, m.article_id, m.sentence_index, m.mention_id", [event_id])
        return [dict(zip(_PROOF, r, strict=True)) for r in rows]

    def dated(self, filters: Filters) -> list[tuple[dt.date, str, str, int, float]]:
        """(date, source, target, quad_class, goldstein) of the dated events, by date."""
        where, params = filters.where("date IS NOT NULL")
        return self._rows(f"SELECT date, source, target, quad_class, goldstein FROM events"
                          f"{where} ORDER BY date, event_id", params)

    # -- actors ------------------------------------------------------------------------------
    def actors(self, query: str | None = None, *, limit: int = 100,
               prefixes: Sequence[str] = (), agents: Sequence[str] = ()) -> list[dict[str, Any]]:
        """Actors with the most events first: all, or those whose code starts with
        ``query`` or with one of ``prefixes``, whose agent is one of ``agents``, or whose
        most frequent text holds ``query`` (either case)."""
        extra: list[Clause] = []
        if query and query.strip():
            text = query.strip()
            ors = ["code LIKE ? ESCAPE '!'", "lower(name) LIKE ? ESCAPE '!'"]
            params: list[Any] = [like_escape(text.upper()) + "%",
                                 f"%{like_escape(text.lower())}%"]
            ors += ["code LIKE ? ESCAPE '!'"] * len(prefixes)
            params += [like_escape(p) + "%" for p in prefixes]
            if agents:
                ors.append(f"agent IN ({', '.join('?' * len(agents))})")
                params += list(agents)
            extra.append((f"({' OR '.join(ors)})", params))
        where, params = Filters().where(*extra)
        rows = self._rows(f"SELECT {', '.join(ACTORS.names)} FROM actors{where} "
                          "ORDER BY num_events DESC, code LIMIT ?", [*params, limit])
        return list(ACTORS.dicts(rows))

    def actor(self, code: str) -> dict[str, Any] | None:
        """The events of an actor code and of every code under it (``IRN`` counts IRNGOV's
        too: the same events as ``Filters(actor=code)``), summed up, with the ten most
        frequent partners and CAMEO codes; None when no event has it."""
        like = code + "%"
        both = Filters(actor=code).where()
        as_source, as_target, n, first, last = self._rows(
            "SELECT sum(CASE WHEN source LIKE ? THEN 1 ELSE 0 END), "
            "sum(CASE WHEN target LIKE ? THEN 1 ELSE 0 END), count(*), min(date), max(date) "
            f"FROM events{both[0]}", [like, like, *both[1]])[0]
        if not n:
            return None
        info = self._rows("SELECT country, agent, name FROM actors WHERE code = ?", [code])
        country, agent, name = info[0] if info else (None, None, None)
        partners = self._rows(
            "SELECT partner, count(*) AS n, avg(goldstein) FROM ("
            "SELECT target AS partner, goldstein FROM events WHERE source LIKE ? "
            "UNION ALL SELECT source AS partner, goldstein FROM events WHERE target LIKE ? "
            "AND NOT source LIKE ?) p "
            "GROUP BY partner ORDER BY n DESC, partner LIMIT 10", [like, like, like])
        codes = self._rows(
            f"SELECT code, count(*) AS n FROM events{both[0]} "
            "GROUP BY code ORDER BY n DESC, code LIMIT 10", both[1])
        return {
            "code": code, "country": country, "agent": agent, "name": name,
            "as_source": int(as_source), "as_target": int(as_target), "num_events": int(n),
            "first_date": first, "last_date": last,
            "top_partners": [{"code": p, "count": int(k), "mean_goldstein": _mean(g)}
                             for p, k, g in partners],
            "top_codes": [{"code": c, "count": int(k)} for c, k in codes],
        }

    # -- aggregates --------------------------------------------------------------------------
    def network(self, filters: Filters, *, max_edges: int = 200) -> list[dict[str, Any]]:
        """The dyads with the most events, each with its count and mean Goldstein score."""
        where, params = filters.where()
        rows = self._rows(
            f"SELECT source, target, count(*) AS n, avg(goldstein) FROM events{where} "
            "GROUP BY source, target ORDER BY n DESC, source, target LIMIT ?",
            [*params, max_edges])
        return [{"source": s, "target": t, "count": int(n), "mean_goldstein": _mean(g)}
                for s, t, n, g in rows]

    def places(self, filters: Filters, *, limit: int = 1000) -> list[dict[str, Any]]:
        """The geocoded places of the events, most events first."""
        where, params = filters.where("place_lat IS NOT NULL")
        rows = self._rows(
            "SELECT place_name, place_country, place_lat, place_lon, place_feature, "
            f"count(*) AS n, avg(goldstein), sum(dead) FROM events{where} "
            "GROUP BY place_name, place_country, place_lat, place_lon, place_feature "
            "ORDER BY n DESC, place_name LIMIT ?", [*params, limit])
        return [{"name": n, "country": c, "lat": float(la), "lon": float(lo), "feature": f,
                 "count": int(k), "mean_goldstein": _mean(g), "dead": int(d or 0)}
                for n, c, la, lo, f, k, g, d in rows]

    def countries(self, filters: Filters) -> list[dict[str, Any]]:
        """The countries of the events' places, most events first."""
        where, params = filters.where("place_country IS NOT NULL")
        rows = self._rows(f"SELECT place_country, count(*) AS n, avg(goldstein), sum(dead) "
                          f"FROM events{where} GROUP BY place_country "
                          "ORDER BY n DESC, place_country", params)
        return [{"country": c, "count": int(k), "mean_goldstein": _mean(g), "dead": int(d or 0)}
                for c, k, g, d in rows]

    def unplaced(self, filters: Filters) -> int:
        """The number of events with no place."""
        where, params = filters.where("place_country IS NULL")
        return int(self._rows(f"SELECT count(*) FROM events{where}", params)[0][0])

    # -- grouped counts ----------------------------------------------------------------------
    def aggregate(self, filters: Filters, by: Sequence[str], *, sort: str = "-events",
                  limit: int = 100) -> tuple[list[dict[str, Any]], int]:
        """Events counted by one or two of ``DIMENSIONS`` (see ``aggregate_sql``): the
        first ``limit`` groups in ``sort`` order (a key of ``AGGREGATE_SORTS``), each with
        its keys, events, mentions, mean Goldstein score and the shares of the four quad
        classes; and the number of groups there are."""
        sql, params = aggregate_sql(filters, by, sort)
        rows = self._rows(sql, [*params, limit])
        out = []
        for row in rows:
            keys, (n, mentions, goldstein, q1, q2, q3, q4, _) = row[:len(by)], row[len(by):]
            n = int(n)
            out.append({
                **{d: period_key(d, k) for d, k in zip(by, keys, strict=True)},
                "events": n, "mentions": int(mentions or 0),
                "goldstein_mean": None if goldstein is None else _mean(goldstein),
                **{f"q{i}": round(int(q or 0) / n, 6) for i, q in enumerate((q1, q2, q3, q4), 1)},
            })
        return out, int(rows[0][-1]) if rows else 0


# What events are counted by: a column (or expression) of the events table each. ``actor``
# and ``country`` are either side's: an event counts once under each distinct side.
DIMENSIONS: dict[str, str] = {
    "source": "source", "target": "target", "source_country": "source_country",
    "target_country": "target_country", "dyad": "source || '-' || target", "root": "root",
    "plover": "plover", "place": "place_name", "day": "date",
    "week": "CAST(date_trunc('week', CAST(date AS TIMESTAMP)) AS DATE)",
    "month": "CAST(date_trunc('month', CAST(date AS TIMESTAMP)) AS DATE)",
    "year": "CAST(date_trunc('year', CAST(date AS TIMESTAMP)) AS DATE)",
}
SIDES = {"actor": ("source", "target"), "country": ("source_country", "target_country")}
AGGREGATE_SORTS = {"events": "n ASC", "-events": "n DESC",
                   "goldstein": "gm ASC NULLS LAST", "-goldstein": "gm DESC NULLS LAST",
                   "key": ""}


def period_key(dimension: str, value: Any) -> Any:
    """A group's key as the API gives it: periods as ISO text ("2024-01-05", the Monday of a
    week, "2024-01", "2024")."""
    if not isinstance(value, dt.date):
        return value
    day = value if not isinstance(value, dt.datetime) else value.date()
    if dimension == "month":
        return day.isoformat()[:7]
    if dimension == "year":
        return day.isoformat()[:4]
    return day.isoformat()


def aggregate_sql(filters: Filters, by: Sequence[str], sort: str) -> tuple[str, list[Any]]:
    """The query of ``Reader.aggregate`` (its last parameter, the limit, left to add).

    The filtered events are read once per side when ``actor`` or ``country`` is among the
    dimensions (the target's side only where it differs from the source's), so an event
    counts under each distinct side; a group whose key is missing (no date for a period, no
    place) is left out. The total number of groups rides along as a window count."""
    if not by or len(by) > 2 or len(set(by)) != len(by):
        raise ValueError(f"cannot group events by {list(by)!r}")
    if sort not in AGGREGATE_SORTS:
        raise ValueError(f"cannot sort groups by {sort!r}")
    where, params = filters.where()
    sided = [d for d in by if d in SIDES]
    keys = [f"k{i}" for i in range(len(by))]
    measures = "num_mentions AS m, goldstein AS g, quad_class AS qc"

    def select(side: int) -> str:
        cols = [f"{SIDES[d][side] if d in SIDES else DIMENSIONS[d]} AS {k}"
                for d, k in zip(by, keys, strict=True)]
        return f"SELECT {', '.join(cols)}, {measures} FROM events{where}"

    base, base_params = select(0), list(params)
    if sided:
        same = " AND ".join(f"{SIDES[d][1]} IS NOT DISTINCT FROM {SIDES[d][0]}" for d in sided)
        second = select(1) + (" AND " if where else " WHERE ") + f"NOT ({same})"
        base, base_params = f"{base} UNION ALL {second}", [*params, *params]
    quads = ", ".join(f"sum(CASE WHEN qc = {i} THEN 1 ELSE 0 END)" for i in range(1, 5))
    present = " AND ".join(f"{k} IS NOT NULL" for k in keys)
    order = ", ".join(filter(None, [AGGREGATE_SORTS[sort], *keys]))
    sql = (f"SELECT {', '.join(keys)}, count(*) AS n, sum(m), avg(g) AS gm, {quads}, "
           f"count(*) OVER () FROM ({base}) b WHERE {present} GROUP BY {', '.join(keys)} "
           f"ORDER BY {order} LIMIT ?")
    return sql, base_params
