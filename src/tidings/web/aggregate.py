"""GET /aggregate: the events of the /events filters counted by one or two dimensions (an
actor, a country, a dyad, a CAMEO root, a PLOVER type, a place, a period), with mentions,
mean Goldstein score and the shares of the four quad classes per group. The counting is
the store's (``Reader.aggregate``: one SQL query on DuckDB and PostgreSQL alike)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from tidings.store.read import AGGREGATE_SORTS, DIMENSIONS, SIDES
from tidings.web.params import EventFilters, parse_dimensions, resolved_names

BY = (*SIDES, *DIMENSIONS)
MAX_GROUPS = 1000


def aggregate_router() -> APIRouter:
    router = APIRouter()

    @router.get("/aggregate")
    def aggregate(
        request: Request,
        filters: EventFilters,
        by: Annotated[str, Query(max_length=60, description=(
            "one or two comma-separated dimensions: " + ", ".join(BY)))],
        sort: Literal[tuple(AGGREGATE_SORTS)] = "-events",  # type: ignore[valid-type]
        limit: Annotated[int, Query(ge=1, le=MAX_GROUPS)] = 100,
    ) -> dict[str, Any]:
        """Events counted per group of ``by``: for each group its keys, ``events``,
        ``mentions`` (summed), ``goldstein_mean`` and ``q1``..``q4`` (shares of its events
        in each quad class, 0..1). Periods are text: day 2024-01-05, week the ISO Monday
        2024-01-01, month 2024-01, year 2024; undated events are left out of them.
        ``actor`` and ``country`` count an event under each distinct side (source and
        target); ``dyad`` is SOURCE-TARGET. ``groups`` is the number of groups there are,
        ``truncated`` whether more than ``limit``."""
        dims = parse_dimensions(by, BY)
        backend = request.app.state.backend
        with backend.reading() as read:
            rows, groups = read.aggregate(filters, dims, sort=sort, limit=limit)
        return {"by": dims, "rows": rows, "groups": groups, "truncated": groups > len(rows),
                "resolved": resolved_names(request)}

    return router
