"""The HTTP API: events, their evidence, dyad time series, actors and networks, as JSON,
and the web dashboard over it (``tidings.web``, served at /).

``create_app(db)`` builds a FastAPI application over one database (a DuckDB file or a
postgresql:// URL); ``serve(db)`` runs it with uvicorn. The store is opened read-only on first
use (so other commands can read the same DuckDB file meanwhile) and shared by the requests
behind a lock (a DuckDB connection is not thread-safe). All SQL is
the subset DuckDB and PostgreSQL both accept, with ``?`` placeholders only: column names
come from whitelists, never from the request.

The coder (spaCy and the dictionaries, seconds to load) is built on the first POST /code.
"""

import base64
import binascii
import csv
import datetime as dt
import functools
import html
import io
import json
import re
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Path, Query
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, BeforeValidator, Field, field_validator

from tidings.coder.core import Coder
from tidings.config import DATA_DIR
from tidings.knowledge.datafiles import load_yaml
from tidings.knowledge.ontology import load_ontology
from tidings.records import Article
from tidings.store.database import EVENT_COLUMNS, Store, StoreError, open_store
from tidings.web.dashboard import mount_dashboard

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SORTS = ("date", "-date", "goldstein", "-goldstein", "num_mentions", "-num_mentions")
SORT_COLUMNS = {"date": "date", "goldstein": "goldstein", "num_mentions": "num_mentions"}
MAX_TEXT = 100_000

_CODE = re.compile(r"[A-Z0-9-]{1,40}")
_DIGITS = re.compile(r"[0-9]{1,6}")
_ISO3 = re.compile(r"[A-Z]{3}")
_SELECT_EVENTS = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"


# -- helpers ---------------------------------------------------------------------------------
def _bad(message: str) -> HTTPException:
    """A 422 in the same shape as FastAPI's own validation errors (the spec's
    HTTPValidationError): the message names the parameter and says what is wrong."""
    name = message.split(":", 1)[0].split(" ", 1)[0]
    return HTTPException(status_code=422, detail=[
        {"loc": ["query", name], "msg": message, "type": "value_error"}])


def _iso_date(value: Any) -> Any:
    """Dates are ISO 8601 calendar dates (YYYY-MM-DD) only: pydantic would also take a
    number of seconds since 1970, which no user means by "since=0"."""
    if isinstance(value, str) and not re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
        raise ValueError("not an ISO date (YYYY-MM-DD)")
    if not isinstance(value, str | dt.date):
        raise ValueError("not an ISO date (YYYY-MM-DD)")
    return value.strip() if isinstance(value, str) else value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class ErrorMessage(BaseModel):
    detail: str = Field(description="what was not found or could not be used")


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorMessage,
                                                    "description": "Not found"}}


def _actor_code(value: str, name: str) -> str:
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise _bad(f"{name}: {value!r} is not an actor code (letters, digits and '-')")
    return code


def _split_dyad(value: str) -> tuple[str, str]:
    """"IRN-ISR" to ("IRN", "ISR"): the separator is the first '-' after a letter or digit,
    so codes that begin with dashes ("---REB-ISR") still split."""
    text = value.strip().upper()
    m = re.fullmatch(r"(-*[A-Z0-9]+)-(-*[A-Z0-9][A-Z0-9-]*)", text)
    if not m or not _CODE.fullmatch(m.group(1)) or not _CODE.fullmatch(m.group(2)):
        raise _bad(f"dyad: {value!r} is not two actor codes joined by '-' (e.g. IRN-ISR)")
    return m.group(1), m.group(2)


def _like_escape(text: str) -> str:
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise _bad(f"since ({since}) is after until ({until})")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _event_dict(row: Sequence[Any]) -> dict[str, Any]:
    return {c: _jsonable(v) for c, v in zip(EVENT_COLUMNS, row, strict=True)}


# -- filters ---------------------------------------------------------------------------------
@dataclass
class EventFilter:
    """A WHERE clause over the events table and its parameters."""

    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.where.append(clause)
        self.params.extend(params)

    def sql(self, extra: Sequence[str] = ()) -> str:
        clauses = [*self.where, *extra]
        return " WHERE " + " AND ".join(clauses) if clauses else ""


def event_filter(
    actor: Annotated[str | None, Query(description="actor code or prefix, either side")] = None,
    source: Annotated[str | None, Query(description="source actor code prefix")] = None,
    target: Annotated[str | None, Query(description="target actor code prefix")] = None,
    dyad: Annotated[str | None, Query(description="two actor prefixes, either direction: "
                                                 "IRN-ISR")] = None,
    code: Annotated[str | None, Query(description="CAMEO code or prefix (digits)")] = None,
    root: Annotated[str | None, Query(description="CAMEO root code, 01..20")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    since: Annotated[IsoDate | None, Query(description="first date (ISO)")] = None,
    until: Annotated[IsoDate | None, Query(description="last date (ISO)")] = None,
    country: Annotated[str | None, Query(description="ISO3 country of the place")] = None,
    place: Annotated[str | None, Query(max_length=200,
                                       description="substring of the place name")] = None,
    q: Annotated[str | None, Query(max_length=500,
                                   description="text in the evidence sentence")] = None,
) -> EventFilter:
    f = EventFilter()
    if actor:
        a = _actor_code(actor, "actor")
        f.add("(source LIKE ? OR target LIKE ?)", a + "%", a + "%")
    if source:
        f.add("source LIKE ?", _actor_code(source, "source") + "%")
    if target:
        f.add("target LIKE ?", _actor_code(target, "target") + "%")
    if dyad:
        a, b = _split_dyad(dyad)
        f.add("((source LIKE ? AND target LIKE ?) OR (source LIKE ? AND target LIKE ?))",
              a + "%", b + "%", b + "%", a + "%")
    if code:
        if not _DIGITS.fullmatch(code.strip()):
            raise _bad(f"code: {code!r} is not a CAMEO code or prefix (digits only)")
        f.add("code LIKE ?", code.strip() + "%")
    if root:
        r = root.strip()
        if not r.isdigit() or not 1 <= int(r) <= 20:
            raise _bad(f"root: {root!r} is not a CAMEO root code (01..20)")
        f.add("root = ?", f"{int(r):02d}")
    if plover:
        p = plover.strip().upper()
        if p not in PLOVER_TYPES:
            raise _bad(f"plover: {plover!r} is not one of {', '.join(PLOVER_TYPES)}")
        f.add("plover = ?", p)
    if quad_class is not None:
        f.add("quad_class = ?", quad_class)
    _check_range(since, until)
    if since:
        f.add("date >= ?", since)
    if until:
        f.add("date <= ?", until)
    if country:
        c = country.strip().upper()
        if not _ISO3.fullmatch(c):
            raise _bad(f"country: {country!r} is not an ISO 3166-1 alpha-3 code")
        f.add("place_country = ?", c)
    if place:
        f.add("lower(place_name) LIKE ? ESCAPE '!'", f"%{_like_escape(place.lower())}%")
    if q:
        f.add("lower(sentence) LIKE ? ESCAPE '!'", f"%{_like_escape(q.lower())}%")
    return f


# -- cursors ---------------------------------------------------------------------------------
def encode_cursor(sort: str, key: Any, event_id: str) -> str:
    raw = json.dumps({"s": sort, "k": _jsonable(key), "id": event_id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """The sort key and event id a cursor points after; 422 when it is not one of ours."""
    bad = _bad("cursor: not a cursor from a previous page with the same sort")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise bad from None
    if not isinstance(data, dict) or data.get("s") != sort or not isinstance(data.get("id"),
                                                                             str):
        raise bad
    key = data.get("k")
    column = sort.lstrip("-")
    if key is not None:
        try:
            if column == "date":
                key = dt.date.fromisoformat(key)
            elif column == "goldstein":
                if isinstance(key, bool) or not isinstance(key, int | float):
                    raise ValueError
                key = float(key)
            elif isinstance(key, bool) or not isinstance(key, int):
                raise ValueError
        except (TypeError, ValueError):
            raise bad from None
    return key, data["id"]


def _after(column: str, descending: bool, key: Any, event_id: str) -> tuple[str, list[Any]]:
    """The rows after (key, event_id) in ORDER BY column [DESC] NULLS LAST, event_id."""
    if key is None:
        return f"({column} IS NULL AND event_id > ?)", [event_id]
    op = "<" if descending else ">"
    return (f"({column} {op} ? OR {column} IS NULL OR ({column} = ? AND event_id > ?))",
            [key, key, event_id])


# -- evidence --------------------------------------------------------------------------------
def _local_span(start: int | None, end: int | None, s_start: int | None,
                s_end: int | None) -> list[int] | None:
    """An article span as offsets within its sentence; None when missing or outside it."""
    if start is None or end is None or s_start is None or s_end is None:
        return None
    a, b = max(start, s_start) - s_start, min(end, s_end) - s_start
    return [a, b] if 0 <= a < b else None


def highlight(text: str, spans: dict[str, list[int] | None]) -> str:
    """The sentence as escaped HTML with <mark class="..."> around each span. Spans that are
    missing, empty or out of range are left out; a span that crosses one already placed
    (source first, then target, then action) is left out; nested and equal spans nest."""
    placed: list[tuple[int, int, int, str]] = []
    for prio, name in enumerate(("source", "target", "action")):
        span = spans.get(name)
        if not span:
            continue
        a, b = max(0, span[0]), min(len(text), span[1])
        if a >= b:
            continue
        if any(a < e and s < b and not (s <= a and b <= e) and not (a <= s and e <= b)
               for s, e, _, _ in placed):
            continue
        placed.append((a, b, prio, name))
    out: list[str] = []
    pos = 0
    stack: list[int] = []
    for a, b, _, name in sorted(placed, key=lambda p: (p[0], -p[1], p[2])):
        while stack and stack[-1] <= a:
            end = stack.pop()
            out += [html.escape(text[pos:end]), "</mark>"]
            pos = end
        out += [html.escape(text[pos:a]), f'<mark class="{name}">']
        pos = a
        stack.append(b)
    while stack:
        end = stack.pop()
        out += [html.escape(text[pos:end]), "</mark>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


# -- time series -----------------------------------------------------------------------------
def _bucket(day: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())  # the Monday of its ISO week
    if interval == "month":
        return day.replace(day=1)
    return day


def _next_bucket(day: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return day + dt.timedelta(days=7)
    if interval == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=1)


def _series(rows: list[tuple[dt.date, int, float]], interval: str) -> list[dict[str, Any]]:
    """One entry per period from the first to the last period with events (gaps as zeros)."""
    acc: dict[dt.date, dict[str, Any]] = {}
    for day, quad, goldstein in rows:
        p = acc.setdefault(_bucket(day, interval),
                           {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "count": 0, "sum": 0.0})
        if 1 <= quad <= 4:
            p[f"q{quad}"] += 1
        p["count"] += 1
        p["sum"] += float(goldstein)
    out: list[dict[str, Any]] = []
    if not acc:
        return out
    period, last = min(acc), max(acc)
    while period <= last:
        p = acc.get(period, {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "count": 0, "sum": 0.0})
        n = p["count"]
        out.append({"period": period.isoformat(), "q1": p["q1"], "q2": p["q2"], "q3": p["q3"],
                    "q4": p["q4"], "count": n, "goldstein_sum": round(p["sum"], 6),
                    "goldstein_mean": round(p["sum"] / n, 6) if n else None})
        period = _next_bucket(period, interval)
    return out


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


Filters = Annotated[EventFilter, Depends(event_filter)]
ActorPath = Annotated[str, Path(min_length=1, max_length=40)]


@functools.lru_cache(maxsize=1)
def actor_names() -> dict[str, dict[str, str]]:
    """The names of the parts of actor codes, from the bundled dictionaries: countries
    ("IRN": "Iran"), sector agents ("GOV": "Government") and organisations ("IGOUNO":
    "United Nations")."""
    out: dict[str, dict[str, str]] = {}
    for stem, key in (("countries", "countries"), ("agents", "agents"),
                      ("organizations", "organizations")):
        data = load_yaml(DATA_DIR / "actors" / f"{stem}.yaml", stem)
        out[key] = {row["code"]: row["name"] for row in data[key] if row.get("name")}
    return out


# -- the application -------------------------------------------------------------------------
class _Backend:
    """The app's store and coder, opened on first use, shared behind locks."""

    def __init__(self, db: str, coder_factory: Callable[[], Coder] | None) -> None:
        self.db = db
        self.coder_factory = coder_factory or Coder
        self._store: Store | None = None
        self._coder: Coder | None = None
        self.lock = threading.Lock()
        self.coder_lock = threading.Lock()

    def _opened(self) -> Store:
        """The store, opened read-only on first use; call with ``lock`` held."""
        if self._store is None:
            self._store = open_store(self.db, read_only=True)
        return self._store

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.lock:
            return list(self._opened()._execute(sql, params).fetchall())

    def counts(self) -> dict[str, int]:
        with self.lock:
            return self._opened().counts()

    def code(self, text: str, date: dt.date | None) -> list[dict[str, Any]]:
        """The text's events, dated (against ``date`` when given) and placed, as ingest
        would store them."""
        from tidings.enrich.stage import enrich_coded

        with self.coder_lock:
            if self._coder is None:
                self._coder = self.coder_factory()
            article = Article(id="text", text=text, date=date)
            coded = enrich_coded(next(self._coder.code_articles([article])))
            return [e.to_dict() for e in coded.events]

    def close(self) -> None:
        with self.lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def create_app(db: str, coder_factory: Callable[[], Coder] | None = None) -> FastAPI:
    """The API over the database ``db`` (a DuckDB path or a postgresql:// URL)."""
    backend = _Backend(str(db), coder_factory)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        backend.close()

    app = FastAPI(title="tidings", version="1", lifespan=lifespan,
                  description="Political events coded from news text, with their evidence.")
    app.state.backend = backend
    app.add_middleware(GZipMiddleware, minimum_size=2000)

    @app.exception_handler(StoreError)
    def store_error(_: Any, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "counts": backend.counts()}

    @app.get("/events", response_model=None, responses={200: {
        "description": "A page of events: JSON, or CSV with format=csv (the next page's "
                       "cursor then comes in the X-Next-Cursor header)",
        "content": {"text/csv": {"schema": {"type": "string"}}}}})
    def list_events(
        filters: Filters,
        sort: Literal[SORTS] = "date",  # type: ignore[valid-type]
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
        format: Literal["json", "csv"] = "json",
    ) -> dict[str, Any] | Response:
        column = SORT_COLUMNS[sort.lstrip("-")]
        descending = sort.startswith("-")
        extra: list[str] = []
        params = list(filters.params)
        if cursor:
            key, last_id = decode_cursor(cursor, sort)
            clause, more = _after(column, descending, key, last_id)
            extra.append(clause)
            params += more
        order = f"{column} {'DESC' if descending else 'ASC'} NULLS LAST, event_id"
        rows = backend.rows(f"{_SELECT_EVENTS}{filters.sql(extra)} ORDER BY {order} LIMIT ?",
                            [*params, limit + 1])
        page = rows[:limit]
        next_cursor = None
        if len(rows) > limit:
            last = dict(zip(EVENT_COLUMNS, page[-1], strict=True))
            next_cursor = encode_cursor(sort, last[column], last["event_id"])
        if format == "csv":
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(EVENT_COLUMNS)
            for row in page:
                writer.writerow(["" if v is None else _jsonable(v) for v in row])
            headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
            return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                            headers=headers)
        total = backend.rows(f"SELECT count(*) FROM events{filters.sql()}", filters.params)
        return {"events": [_event_dict(r) for r in page], "next_cursor": next_cursor,
                "count": len(page), "total": int(total[0][0])}

    @app.get("/events/{event_id}", responses=NOT_FOUND)
    def get_event(event_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
        rows = backend.rows(f"{_SELECT_EVENTS} WHERE event_id = ?", [event_id])
        if not rows:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        event = _event_dict(rows[0])
        mentions = backend.rows(
            "SELECT m.mention_id, m.article_id, a.url, a.source_name, a.published, "
            "m.sentence_index, s.text, s.start_char, s.end_char, m.source_start, m.source_end, "
            "m.target_start, m.target_end, m.action_start, m.action_end, m.rule, "
            "m.date_source, m.code, m.source_text, m.target_text, m.action_text "
            "FROM mentions m JOIN articles a ON a.article_id = m.article_id "
            "LEFT JOIN sentences s ON s.article_id = m.article_id "
            "AND s.sentence_index = m.sentence_index WHERE m.event_id = ? "
            "ORDER BY a.published, m.article_id, m.sentence_index, m.mention_id", [event_id])
        out = []
        for (mid, aid, url, source_name, published, index, text, s_start, s_end, ss, se, ts,
             te, as_, ae, rule, date_source, code, source_text, target_text,
             action_text) in mentions:
            spans = {"source": _local_span(ss, se, s_start, s_end),
                     "target": _local_span(ts, te, s_start, s_end),
                     "action": _local_span(as_, ae, s_start, s_end)}
            out.append({
                "mention_id": mid, "article_id": aid, "url": url, "source_name": source_name,
                "published": _jsonable(published), "sentence_index": index, "sentence": text,
                "spans": spans, "source_text": source_text, "target_text": target_text,
                "action_text": action_text, "code": code, "rule": rule,
                "date_source": date_source,
                "highlighted": highlight(text, spans) if text is not None else None,
            })
        event["mentions"] = out
        return event

    @app.get("/dyads/{a}/{b}/timeseries")
    def dyad_timeseries(
        a: ActorPath,
        b: ActorPath,
        interval: Literal["day", "week", "month"] = "day",
        since: IsoDate | None = None,
        until: IsoDate | None = None,
    ) -> dict[str, Any]:
        ca, cb = _actor_code(a, "a"), _actor_code(b, "b")
        _check_range(since, until)
        f = EventFilter()
        f.add("date IS NOT NULL")
        f.add("((source LIKE ? AND target LIKE ?) OR (source LIKE ? AND target LIKE ?))",
              ca + "%", cb + "%", cb + "%", ca + "%")
        if since:
            f.add("date >= ?", since)
        if until:
            f.add("date <= ?", until)
        rows = backend.rows(f"SELECT date, source, target, quad_class, goldstein FROM events"
                            f"{f.sql()} ORDER BY date, event_id", f.params)
        ab = [(d, qc, g) for d, s, t, qc, g in rows if s.startswith(ca) and t.startswith(cb)]
        ba = [(d, qc, g) for d, s, t, qc, g in rows if s.startswith(cb) and t.startswith(ca)]
        return {"a": ca, "b": cb, "interval": interval, "since": _jsonable(since),
                "until": _jsonable(until), "a_to_b": _series(ab, interval),
                "b_to_a": _series(ba, interval),
                "both": _series([(d, qc, g) for d, _, _, qc, g in rows], interval)}

    @app.get("/actors")
    def list_actors(
        q: Annotated[str | None, Query(max_length=200,
                                       description="code prefix or name substring")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        f = EventFilter()
        if q and q.strip():
            text = q.strip()
            f.add("(code LIKE ? ESCAPE '!' OR lower(name) LIKE ? ESCAPE '!')",
                  _like_escape(text.upper()) + "%", f"%{_like_escape(text.lower())}%")
        rows = backend.rows(f"SELECT code, country, agent, name, num_events FROM actors"
                            f"{f.sql()} ORDER BY num_events DESC, code LIMIT ?",
                            [*f.params, limit])
        cols = ("code", "country", "agent", "name", "num_events")
        return {"actors": [dict(zip(cols, r, strict=True)) for r in rows], "count": len(rows)}

    @app.get("/actors/{code}", responses=NOT_FOUND)
    def get_actor(code: ActorPath) -> dict[str, Any]:
        c = _actor_code(code, "code")
        head = backend.rows(
            "SELECT sum(CASE WHEN source = ? THEN 1 ELSE 0 END), "
            "sum(CASE WHEN target = ? THEN 1 ELSE 0 END), count(*), min(date), max(date) "
            "FROM events WHERE source = ? OR target = ?", [c, c, c, c])[0]
        if not head[2]:
            raise HTTPException(status_code=404, detail=f"no events with actor {c!r}")
        info = backend.rows("SELECT country, agent, name FROM actors WHERE code = ?", [c])
        country, agent, name = info[0] if info else (None, None, None)
        partners = backend.rows(
            "SELECT partner, count(*) AS n, avg(goldstein) FROM ("
            "SELECT target AS partner, goldstein FROM events WHERE source = ? "
            "UNION ALL SELECT source AS partner, goldstein FROM events WHERE target = ?) p "
            "GROUP BY partner ORDER BY n DESC, partner LIMIT 10", [c, c])
        codes = backend.rows(
            "SELECT code, count(*) AS n FROM events WHERE source = ? OR target = ? "
            "GROUP BY code ORDER BY n DESC, code LIMIT 10", [c, c])
        return {
            "code": c, "country": country, "agent": agent, "name": name,
            "as_source": int(head[0]), "as_target": int(head[1]), "num_events": int(head[2]),
            "first_date": _jsonable(head[3]), "last_date": _jsonable(head[4]),
            "top_partners": [{"code": p, "count": int(n), "mean_goldstein": round(float(g), 6)}
                             for p, n, g in partners],
            "top_codes": [{"code": k, "count": int(n)} for k, n in codes],
        }

    @app.get("/network")
    def network(filters: Filters,
                max_edges: Annotated[int, Query(ge=1, le=2000)] = 200) -> dict[str, Any]:
        rows = backend.rows(
            f"SELECT source, target, count(*) AS n, avg(goldstein) FROM events{filters.sql()} "
            "GROUP BY source, target ORDER BY n DESC, source, target LIMIT ?",
            [*filters.params, max_edges])
        edges, nodes = [], {}
        for s, t, n, g in rows:
            edges.append({"source": s, "target": t, "count": int(n),
                          "mean_goldstein": round(float(g), 6)})
            for node in {s, t}:
                nodes[node] = nodes.get(node, 0) + int(n)
        ordered = sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))
        return {"nodes": [{"id": k, "count": v} for k, v in ordered], "edges": edges}

    @app.get("/places")
    def places(filters: Filters,
               limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict[str, Any]:
        """Where the filtered events happened: one entry per geocoded place (with its
        coordinates and its kind: city, region, country...; a country stands at its
        capital's coordinates) and one per country, with event counts and mean Goldstein."""
        points = backend.rows(
            f"SELECT place_name, place_country, place_lat, place_lon, place_feature, "
            f"count(*) AS n, avg(goldstein) FROM events{filters.sql(['place_lat IS NOT NULL'])} "
            "GROUP BY place_name, place_country, place_lat, place_lon, place_feature "
            "ORDER BY n DESC, place_name LIMIT ?", [*filters.params, limit])
        countries = backend.rows(
            f"SELECT place_country, count(*) AS n, avg(goldstein) FROM events"
            f"{filters.sql(['place_country IS NOT NULL'])} "
            "GROUP BY place_country ORDER BY n DESC, place_country", filters.params)
        unplaced = backend.rows(
            f"SELECT count(*) FROM events{filters.sql(['place_country IS NULL'])}",
            filters.params)
        return {
            "places": [{"name": n, "country": c, "lat": float(la), "lon": float(lo),
                        "feature": f, "count": int(k), "mean_goldstein": round(float(g), 6)}
                       for n, c, la, lo, f, k, g in points],
            "countries": [{"country": c, "count": int(k), "mean_goldstein": round(float(g), 6)}
                          for c, k, g in countries],
            "unplaced": int(unplaced[0][0]),
        }

    @app.get("/ontology")
    def ontology() -> dict[str, Any]:
        """The CAMEO codes (name, Goldstein score, quad class, PLOVER type), the PLOVER
        types, and the names behind actor codes (countries, sector agents, organisations),
        for labels and filter menus."""
        onto = load_ontology()
        return {
            "actor_names": actor_names(),
            "roots": [{"code": k, "name": v} for k, v in sorted(onto.roots.items())],
            "cameo": [{"code": c.code, "name": c.name, "goldstein": c.goldstein,
                       "quad_class": c.quad_class, "plover": c.plover}
                      for c in onto.codes.values()],
            "plover": list(onto.plover_types),
            "quad_classes": {"1": "verbal cooperation", "2": "material cooperation",
                             "3": "verbal conflict", "4": "material conflict"},
        }

    @app.post("/code", responses={400: {"model": ErrorMessage,
                                        "description": "A body that is not JSON text"}})
    def code_text(body: CodeRequest) -> dict[str, Any]:
        return {"events": backend.code(body.text, body.date)}

    mount_dashboard(app)
    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API with uvicorn (on the loopback interface unless told otherwise)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port)
