"""GET /counts: the dead (or injured, arrested, displaced, hostages) of the events of the
/events filters, summed by one or two dimensions: by country and month first of all. Each
event adds its highest reported figure once; the summing is the store's
(``store.sums.count_sums``: one SQL query on DuckDB and PostgreSQL alike)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from tidings.records import COUNT_KINDS
from tidings.store.sums import SUM_DIMENSIONS, SUM_SORTS, count_sums
from tidings.web.params import EventFilters, parse_dimensions, resolved_names

BY = tuple(SUM_DIMENSIONS)
MAX_GROUPS = 1000


def counts_router() -> APIRouter:
    router = APIRouter()

    @router.get("/counts")
    def counts(
        request: Request,
        filters: EventFilters,
        kind: Literal[COUNT_KINDS] = "dead",  # type: ignore[valid-type]
        by: Annotated[str, Query(max_length=60, description=(
            "one or two comma-separated dimensions: " + ", ".join(BY)))] = "country,month",
        sort: Literal[tuple(SUM_SORTS)] = "-total",  # type: ignore[valid-type]
        limit: Annotated[int, Query(ge=1, le=MAX_GROUPS)] = 100,
    ) -> dict[str, Any]:
        """The figures of ``kind`` summed per group of ``by``: each group's keys, ``total``
        (the sum of its events' highest reported figures, each event once), ``events`` (how
        many had a figure) and ``bounds`` (how many of those figures were exact, lower
        bounds "at least", upper bounds "up to", estimates "about", ranges: a range adds
        its low end). ``country`` is the event's place's country, else its target's, else
        its source's; ``place_country`` the place's only. Periods are text (2024-01 for a
        month). ``total``, ``events`` and ``left_out`` (the events with a figure but no key:
        undated, or of no country) cover every event the filters match; ``groups`` is the
        number of groups there are, ``truncated`` whether more than ``limit``."""
        dims = parse_dimensions(by, BY)
        backend = request.app.state.backend
        with backend.reading() as read:
            found = count_sums(read, filters, kind, dims, sort=sort, limit=limit)
        return {"kind": kind, "by": dims, **found,
                "truncated": found["groups"] > len(found["rows"]),
                "resolved": resolved_names(request)}

    return router
