"""The HTTP API: events, their evidence, dyad time series, actors and networks, as JSON,
and the web dashboard over it (``tidings.web``, served at /).

``create_app(db)`` builds a FastAPI application over one database (a DuckDB file or a
postgresql:// URL); ``serve(db)`` runs it with uvicorn. The store is opened read-only on first
use (so other commands can read the same DuckDB file meanwhile) and shared by the requests
behind a lock (a DuckDB connection is not thread-safe). With a ``watch`` task (``tidings
serve --watch``) the store is opened for writing instead and the task, in a thread of its
own, stores new articles through the same connection behind the same lock (DuckDB allows
one writing process: this one), so the next request sees them. The API reads through the store's
read model (``Store.read``) with the store's ``Filters``: it writes no SQL itself. What a
request may ask is checked in ``params``; evidence and time series are shaped in
``evidence`` and ``series``.

The coder (spaCy and the dictionaries, seconds to load) is built on the first POST /code and
runs in worker threads of its own, a few texts at a time, never holding the store's lock
(``limits.CodingGate``). Every request has a ceiling: its body, the texts coded at once,
and the size of each answer (``limits``, and "Limits" in docs/api.md).
"""

import io
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, field_validator

from tidings.coder.core import Coder
from tidings.knowledge.bundle import Knowledge
from tidings.store.database import StoreError
from tidings.store.export import write_csv
from tidings.store.filters import Filters
from tidings.web.aggregate import aggregate_router
from tidings.web.backend import Backend
from tidings.web.counts import counts_router
from tidings.web.dashboard import mount_dashboard
from tidings.web.docs import mount_docs
from tidings.web.download import download_router
from tidings.web.evidence import event_json, highlight, mention_json
from tidings.web.limits import (
    MAX_MENTIONS,
    MAX_PERIODS,
    MAX_TEXT,
    BodyLimit,
    Busy,
    CodingGate,
    Limits,
    NoNul,
    validation_error,
)
from tidings.web.params import (
    PLOVER_TYPES,
    EventFilters,
    IsoDate,
    bad_request,
    check_range,
    decode_cursor,
    encode_cursor,
    event_filter,
    jsonable,
    resolve_actor,
    resolved_names,
)
from tidings.web.series import INTERVALS, auto_interval, period_count, series

__all__ = ["MAX_TEXT", "PLOVER_TYPES", "SORTS", "Limits", "create_app", "decode_cursor",
           "encode_cursor", "event_filter", "highlight", "serve"]

SORTS = ("date", "-date", "goldstein", "-goldstein", "num_mentions", "-num_mentions", "dead",
         "-dead", "confidence", "-confidence")


class ErrorMessage(BaseModel):
    detail: str = Field(description="what was not found or could not be used")


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorMessage,
                                                    "description": "Not found"}}


# -- request bodies --------------------------------------------------------------------------
class CodeRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="text to code")
    date: IsoDate | None = Field(default=None, description="publication date, YYYY-MM-DD")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value


ActorPath = Annotated[str, Path(min_length=1, max_length=81)]
Watch = Callable[[Backend, threading.Event], None]


# -- the application -------------------------------------------------------------------------
def create_app(db: str, coder_factory: Callable[[], Coder] | None = None,
               knowledge: Knowledge | None = None, limits: Limits | None = None,
               watch: Watch | None = None) -> FastAPI:
    """The API over the database ``db`` (a DuckDB path or a postgresql:// URL), naming codes
    and coding pasted text with ``knowledge`` (the bundle of TIDINGS_DATA by default), within
    ``limits`` (``Limits.from_env()`` by default). ``watch(backend, stop)``, when given,
    runs in a thread from start-up until ``stop`` is set at shut-down, writing through
    ``backend.writer()`` (the store is then opened for writing)."""
    knowledge = knowledge or Knowledge.from_settings()
    limits = limits or Limits.from_env()
    backend = Backend(str(db), coder_factory, knowledge, writable=watch is not None)
    gate = CodingGate(limits.coding_slots, limits.coding_queue, limits.coding_wait)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        task = None
        if watch is not None:
            task = threading.Thread(target=watch, args=(backend, stop), name="tidings-watch",
                                    daemon=True)
            task.start()
        yield
        stop.set()
        if task is not None:
            task.join(timeout=60)
        gate.close()
        backend.close()

    app = FastAPI(title="tidings", version="1", lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Political events coded from news text, with their evidence.")
    app.state.backend = backend
    app.state.gate = gate
    app.state.limits = limits
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    app.add_middleware(NoNul)
    app.add_middleware(BodyLimit, limit=limits.max_body)  # the outermost: before anything
    app.add_exception_handler(RequestValidationError, validation_error)

    @app.exception_handler(StoreError)
    def store_error(_: Any, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.get("/health")
    def health() -> dict[str, Any]:
        with backend.reading() as read:
            return {"status": "ok", "counts": read.counts()}

    app.include_router(download_router())  # before /events/{event_id}
    _event_routes(app, backend)
    _series_route(app, backend)
    _actor_routes(app, backend)
    app.include_router(aggregate_router())
    app.include_router(counts_router())

    _summary_routes(app, backend, knowledge)
    _code_route(app, backend, gate, limits)
    mount_docs(app)
    mount_dashboard(app)
    return app


def _summary_routes(app: FastAPI, backend: Backend, knowledge: Knowledge) -> None:
    """/network, /places and /ontology."""

    @app.get("/network")
    def network(filters: EventFilters,
                max_edges: Annotated[int, Query(ge=1, le=2000)] = 200) -> dict[str, Any]:
        with backend.reading() as read:
            edges = read.network(filters, max_edges=max_edges)
        nodes: dict[str, int] = {}
        for edge in edges:
            for node in {edge["source"], edge["target"]}:
                nodes[node] = nodes.get(node, 0) + edge["count"]
        ordered = sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))
        return {"nodes": [{"id": k, "count": v} for k, v in ordered], "edges": edges}

    @app.get("/places")
    def places(filters: EventFilters,
               limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict[str, Any]:
        """Where the filtered events happened: one entry per geocoded place (with its
        coordinates and its kind: city, region, country...; a country stands at its
        capital's coordinates) and one per country, with event counts and mean Goldstein."""
        with backend.reading() as read:
            return {"places": read.places(filters, limit=limit),
                    "countries": read.countries(filters), "unplaced": read.unplaced(filters)}

    @app.get("/ontology")
    def ontology() -> dict[str, Any]:
        """The CAMEO codes (name, Goldstein score, quad class, PLOVER type), the PLOVER
        types, and the names behind actor codes (countries, sector agents, organisations),
        for labels and filter menus."""
        onto = knowledge.ontology
        return {
            "actor_names": knowledge.actor_names(),
            "roots": [{"code": k, "name": v} for k, v in sorted(onto.roots.items())],
            "cameo": [{"code": c.code, "name": c.name, "goldstein": c.goldstein,
                       "quad_class": c.quad_class, "plover": c.plover}
                      for c in onto.codes.values()],
            "plover": list(onto.plover_types),
            "quad_classes": {"1": "verbal cooperation", "2": "material cooperation",
                             "3": "verbal conflict", "4": "material conflict"},
        }


def _code_route(app: FastAPI, backend: Backend, gate: CodingGate, limits: Limits) -> None:
    """POST /code: a text coded on demand, through the gate."""

    @app.post("/code", responses={
        400: {"model": ErrorMessage, "description": "A body that is not JSON text"},
        413: {"model": ErrorMessage, "description": f"A body over {limits.max_body:,} bytes"},
        503: {"model": ErrorMessage, "description": "The coder is busy: try again after "
                                                    "Retry-After seconds",
              "headers": {"Retry-After": {"schema": {"type": "integer"}}}}})
    async def code_text(body: CodeRequest) -> dict[str, Any]:
        """Code a text (at most 100,000 characters): a few texts are coded at a time, a few
        more wait their turn, and any other gets a 503 with Retry-After."""
        try:
            events = await gate.run(backend.code, body.text, body.date)
        except Busy:
            raise HTTPException(status_code=503, detail="the coder is busy: try again later",
                                headers={"Retry-After": str(limits.retry_after)}) from None
        return {"events": events}


def _event_routes(app: FastAPI, backend: Backend) -> None:
    """/events (filtered, sorted, a page at a time) and /events/{id} (with its evidence)."""

    @app.get("/events", response_model=None, responses={200: {
        "description": "A page of events: JSON, or CSV with format=csv (the next page's "
                       "cursor then comes in the X-Next-Cursor header)",
        "content": {"text/csv": {"schema": {"type": "string"}}}}})
    def list_events(
        request: Request,
        filters: EventFilters,
        sort: Literal[SORTS] = "date",  # type: ignore[valid-type]
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
        format: Literal["json", "csv"] = "json",
    ) -> dict[str, Any] | Response:
        after = decode_cursor(cursor, sort) if cursor else None
        with backend.reading() as read:
            rows = read.events(filters, sort=sort, limit=limit + 1, after=after)
        page = rows[:limit]
        next_cursor = None
        if len(rows) > limit:
            last = page[-1]
            next_cursor = encode_cursor(sort, last[sort.lstrip("-")], last["event_id"])
        if format == "csv":
            buf = io.StringIO()
            write_csv(page, buf)
            headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
            return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                            headers=headers)
        with backend.reading() as read:
            total = read.count(filters)
        return {"events": [event_json(r) for r in page], "next_cursor": next_cursor,
                "count": len(page), "total": total, "resolved": resolved_names(request)}

    @app.get("/events/{event_id}", responses=NOT_FOUND)
    def get_event(
        event_id: Annotated[str, Path(max_length=100)],
        max_mentions: Annotated[int, Query(ge=1, le=MAX_MENTIONS)] = 100,
    ) -> dict[str, Any]:
        """The event with its first ``max_mentions`` mentions (oldest article first);
        ``mentions_total`` counts them all, ``mentions_truncated`` says some were left out."""
        with backend.reading() as read:
            row = read.event(event_id)
            if row is None:
                raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
            mentions = read.evidence(event_id)
        return {**event_json(row),
                "mentions": [mention_json(m) for m in mentions[:max_mentions]],
                "mentions_total": len(mentions),
                "mentions_truncated": len(mentions) > max_mentions}


def _series_route(app: FastAPI, backend: Backend) -> None:
    """/dyads/{a}/{b}/timeseries."""

    @app.get("/dyads/{a}/{b}/timeseries")
    def dyad_timeseries(
        request: Request,
        a: ActorPath,
        b: ActorPath,
        interval: Literal[("auto", *INTERVALS)] = "auto",  # type: ignore[valid-type]
        since: IsoDate | None = None,
        until: IsoDate | None = None,
    ) -> dict[str, Any]:
        """Counts and Goldstein scores per period, from the first period with events to the
        last. ``interval=auto`` (the default) takes the finest of day, week, month and year
        that gives at most 200 periods; ``interval`` in the answer says which was used. At
        most MAX_PERIODS periods: a 422 asks for a coarser interval or a narrower
        since/until when the events span more."""
        names = backend.names
        resolved: dict[str, dict[str, str]] = {}
        ca, cb = resolve_actor(a, "a", names, resolved), resolve_actor(b, "b", names, resolved)
        check_range(since, until)
        with backend.reading() as read:
            rows = read.dated(Filters(dyad=(ca, cb), since=since, until=until))
        used = interval
        if rows:
            first, last = min(r[0] for r in rows), max(r[0] for r in rows)
            used = auto_interval(first, last) if interval == "auto" else interval
            n = period_count(first, last, used)
            if n > MAX_PERIODS:
                raise bad_request(
                    f"interval: the events of {ca} and {cb} run from {first} to {last}, "
                    f"{n:,} {used}s, over the {MAX_PERIODS:,} periods a series may "
                    "have: ask for a coarser interval or a narrower since/until")
        elif interval == "auto":
            used = "day"
        ab = [(d, qc, g) for d, s, t, qc, g in rows if s.startswith(ca) and t.startswith(cb)]
        ba = [(d, qc, g) for d, s, t, qc, g in rows if s.startswith(cb) and t.startswith(ca)]
        return {"a": ca, "b": cb, "interval": used, "requested_interval": interval,
                "since": jsonable(since), "until": jsonable(until),
                "a_to_b": series(ab, used), "b_to_a": series(ba, used),
                "both": series([(d, qc, g) for d, _, _, qc, g in rows], used),
                "resolved": resolved}


def _actor_routes(app: FastAPI, backend: Backend) -> None:
    """/actors (searched by code or name) and /actors/{code}."""

    @app.get("/actors")
    def list_actors(
        q: Annotated[str | None, Query(max_length=200,
                                       description="code prefix or name substring")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        """Actor codes by their number of events (as source or target, the code itself),
        each with its dictionary name ("Iran government") and the text most often found
        for it (``text``)."""
        names = backend.names
        prefixes, agents = names.matching(q) if q and q.strip() else ([], [])
        with backend.reading() as read:
            rows = read.actors(q, limit=limit, prefixes=prefixes, agents=agents)
        out = [{**r, "name": names.name(r["code"]) or r["name"], "text": r["name"]}
               for r in rows]
        return {"actors": out, "count": len(out)}

    @app.get("/actors/{code}", responses=NOT_FOUND)
    def get_actor(code: ActorPath) -> dict[str, Any]:
        """An actor code (or name: "Iran") with every event of it and of the codes under it,
        as /events?actor= counts them: totals, dates, ten partners, ten event codes."""
        resolved: dict[str, dict[str, str]] = {}
        c = resolve_actor(code, "code", backend.names, resolved)
        with backend.reading() as read:
            found = read.actor(c)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no events with actor {c!r}")
        return {**found, "name": backend.names.name(c) or found["name"],
                "text": found["name"], "first_date": jsonable(found["first_date"]),
                "last_date": jsonable(found["last_date"]), "resolved": resolved}


def serve(db: str, host: str = "127.0.0.1", port: int = 8000,
          knowledge: Knowledge | None = None, watch: Watch | None = None,
          coder_factory: Callable[[], Coder] | None = None) -> None:
    """Run the API with uvicorn (on the loopback interface unless told otherwise)."""
    import uvicorn

    app = create_app(db, knowledge=knowledge, watch=watch, coder_factory=coder_factory)
    uvicorn.run(app, host=host, port=port)
