"""Every request has a ceiling: the size of a body (413 before it is read), the 422 that never
echoes what was sent, the texts coded at once (503 with Retry-After beyond a small queue, and
reads that stay fast meanwhile), and answers that the data cannot make huge (a dyad series of
at most MAX_PERIODS periods).

The first tests need no coder and no database; those that use the ``coder`` fixture (a real
server, real coding, real concurrency) are marked slow by conftest."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from tidings.pipeline import ingest
from tidings.records import Article
from tidings.sources.reader import read_source
from tidings.store.database import open_store
from tidings.web.api import create_app
from tidings.web.limits import MAX_BODY, MAX_PERIODS, MAX_TEXT, Busy, CodingGate, Limits
from tidings.web.series import period_count, series

from .servers import serve_app

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
BAR = 64 * 1024  # no refusal may be bigger than this


@pytest.fixture(scope="module")
def app(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The app over a database that does not exist: requests refused before they reach the
    store or the coder are all these tests ask of it."""
    return create_app(str(tmp_path_factory.mktemp("limits") / "none.duckdb"))


@pytest.fixture(scope="module")
def client(app):  # type: ignore[no-untyped-def]
    with TestClient(app) as c:
        yield c


# -- request bodies --------------------------------------------------------------------------
def _scope(headers: list[tuple[bytes, bytes]]) -> dict:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": "POST", "scheme": "http", "path": "/code", "raw_path": b"/code",
            "query_string": b"", "root_path": "", "client": ("127.0.0.1", 1),
            "server": ("testserver", 80),
            "headers": [(b"content-type", b"application/json"), *headers]}


def _call(app, headers: list[tuple[bytes, bytes]], chunks: Iterator[bytes]) -> tuple[int, bytes,
                                                                                       int]:
    """Call the ASGI app with a body of ``chunks``: (status, body, bytes it read)."""
    read = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal read
        chunk = next(chunks)
        read += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(_scope(headers), receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body, read


def test_a_declared_body_over_the_limit_is_refused_unread(app):
    def never() -> Iterator[bytes]:
        raise AssertionError("the body was read")
        yield b""

    status, body, read = _call(app, [(b"content-length", b"10000000")], never())
    assert status == 413 and read == 0
    assert json.loads(body) == {"detail": f"request body over {MAX_BODY:,} bytes"}


def test_a_streamed_body_is_cut_off_at_the_limit(app):
    """A body without Content-Length (chunked) that never ends: refused once it passes the
    limit, having read no more than the limit and one chunk."""
    chunk = b"x" * 65536
    status, body, read = _call(app, [], itertools.repeat(chunk))
    assert status == 413 and b"request body over" in body
    assert MAX_BODY < read <= MAX_BODY + len(chunk)


def test_a_ten_megabyte_body_gets_a_short_answer(client):
    ten = json.dumps({"text": "x" * 10_000_000}).encode()
    declared = client.post("/code", content=ten, headers={"content-type": "application/json"})
    streamed = client.post("/code", content=iter([ten[i:i + 65536]
                                                  for i in range(0, len(ten), 65536)]),
                           headers={"content-type": "application/json"})
    assert streamed.request.headers.get("transfer-encoding") == "chunked"
    for r in (declared, streamed):
        assert r.status_code == 413 and len(r.content) < BAR
        assert r.json()["detail"] == f"request body over {MAX_BODY:,} bytes"


def test_the_longest_text_fits_in_a_body():
    """MAX_TEXT characters fit within MAX_BODY as UTF-8 and even \\u-escaped, so a body
    that the text's own check would take is never refused for its size."""
    escaped = json.dumps({"text": "é" * MAX_TEXT, "date": "2024-01-01"})
    assert len(escaped.encode()) < MAX_BODY
    assert len(json.dumps({"text": "😀" * MAX_TEXT}, ensure_ascii=False).encode()) < MAX_BODY


def test_a_body_within_the_limit_reaches_validation(client):
    r = client.post("/code", content=json.dumps({"text": "é" * (MAX_TEXT + 1)}),
                    headers={"content-type": "application/json"})
    assert r.status_code == 422  # read and checked, not refused for its size
    assert r.json()["detail"][0]["type"] == "string_too_long"


# -- 422s never echo the input ---------------------------------------------------------------
MARK = "ZQJ" * 2000


@pytest.mark.parametrize(("method", "url", "params", "body"), [
    ("POST", "/code", {}, {"text": MARK * 20}),
    ("POST", "/code", {}, {"text": "Iran condemned Israel.", "date": MARK}),
    ("POST", "/code", {}, {"text": ["list", MARK]}),
    ("POST", "/code", {}, MARK),
    ("GET", "/events", {"limit": MARK}, None),
    ("GET", "/events", {"actor": MARK}, None),
    ("GET", "/events", {"dyad": MARK}, None),
    ("GET", "/events", {"since": MARK}, None),
    ("GET", "/events", {"sort": MARK}, None),
    ("GET", "/events", {"q": MARK}, None),
    ("GET", "/events/x", {"max_mentions": MARK}, None),
    ("GET", f"/events/{MARK}", {}, None),
    ("GET", f"/dyads/{MARK}/ISR/timeseries", {}, None),
    ("GET", "/dyads/IRN/ISR/timeseries", {"interval": MARK}, None),
    ("GET", "/actors", {"q": MARK}, None),
    ("GET", f"/actors/{MARK}", {}, None),
    ("GET", "/network", {"max_edges": MARK}, None),
    ("GET", "/places", {"limit": MARK, "country": MARK}, None),
    ("GET", "/events", {"min_confidence": MARK}, None),
    ("GET", "/events", {"min_dead": MARK}, None),
    ("GET", "/events", {"has_counts": MARK}, None),
    ("GET", "/counts", {"by": MARK}, None),
    ("GET", "/counts", {"kind": MARK}, None),
    ("GET", "/counts", {"limit": MARK}, None),
    ("GET", "/counts", {"sort": MARK}, None),
])
def test_a_422_never_echoes_what_was_sent(client, method, url, params, body):
    kwargs = {"json": body} if body is not None else {}
    r = client.request(method, url, params=params, **kwargs)
    assert r.status_code == 422, r.text
    assert "ZQJZQJ" not in r.text and len(r.content) < 2000
    for error in r.json()["detail"]:
        assert set(error) == {"loc", "msg", "type"}


# -- coding, a few texts at a time -----------------------------------------------------------
def test_the_gate_refuses_at_once_when_its_queue_is_full():
    gate = CodingGate(slots=1, queue=1, wait=30)
    release = threading.Event()

    async def scenario() -> list[object]:
        first = asyncio.create_task(gate.run(release.wait, 30))
        second = asyncio.create_task(gate.run(release.wait, 30))
        await asyncio.sleep(0.2)
        assert gate.admitted == 2
        started = time.monotonic()
        with pytest.raises(Busy):
            await gate.run(release.wait, 30)
        assert time.monotonic() - started < 0.5
        release.set()
        return list(await asyncio.gather(first, second))

    assert asyncio.run(scenario()) == [True, True]
    assert gate.admitted == 0
    gate.close()


def test_the_gate_gives_up_on_a_wait_past_its_deadline():
    gate = CodingGate(slots=1, queue=3, wait=0.3)
    release = threading.Event()

    async def scenario() -> float:
        running = asyncio.create_task(gate.run(release.wait, 30))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        with pytest.raises(Busy):
            await gate.run(release.wait, 30)
        waited = time.monotonic() - started
        release.set()
        assert await running is True
        return waited

    assert 0.25 < asyncio.run(scenario()) < 2
    gate.close()


def test_limits_from_the_environment(monkeypatch):
    monkeypatch.setenv("TIDINGS_CODING_SLOTS", "3")
    monkeypatch.setenv("TIDINGS_CODING_QUEUE", "0")
    monkeypatch.setenv("TIDINGS_CODING_WAIT", "2.5")
    assert Limits.from_env() == Limits(coding_slots=3, coding_queue=0, coding_wait=2.5)
    monkeypatch.delenv("TIDINGS_CODING_SLOTS")
    assert Limits.from_env().coding_slots == 2


# -- series: at most MAX_PERIODS periods -----------------------------------------------------
def test_period_count():
    d = dt.date(2024, 1, 31)
    assert period_count(d, d, "day") == period_count(d, d, "week") == 1
    assert period_count(d, d + dt.timedelta(days=MAX_PERIODS - 1), "day") == MAX_PERIODS
    assert period_count(dt.date(2024, 1, 7), dt.date(2024, 1, 8), "week") == 2  # Sun, Mon
    assert period_count(dt.date(2023, 12, 31), dt.date(2024, 2, 1), "month") == 3
    assert period_count(dt.date(1, 1, 1), dt.date(2024, 6, 3), "day") == 739_040
    rows = [(dt.date(2024, 1, 30), 1, 2.0), (dt.date(2024, 3, 2), 4, -8.0)]
    for interval in ("day", "week", "month"):
        assert len(series(rows, interval)) == period_count(rows[0][0], rows[1][0], interval)


def test_a_series_may_end_on_the_last_date_there_is():
    last = dt.date(9999, 12, 31)
    for interval in ("day", "week", "month"):
        out = series([(last - dt.timedelta(days=40), 1, 1.0), (last, 3, -2.0)], interval)
        assert out[-1]["count"] == 1 and out[-1]["q3"] == 1


# -- over a real database, with the real coder (slow) ----------------------------------------
IRN_ISR = "Iran condemned Israel."


@pytest.fixture(scope="module")
def dated_db(tmp_path_factory, coder) -> str:  # type: ignore[no-untyped-def]
    """The test corpus, and Iran condemning Israel on 1 January of the year 1 (a bad date in
    a feed) and on 3 June 2024."""
    db = str(tmp_path_factory.mktemp("limits-db") / "api.duckdb")
    store = open_store(db)
    try:
        ingest(read_source(str(CORPUS)), store, coder)
        ingest([Article(id="old", text=IRN_ISR, date=dt.date(1, 1, 1)),
                Article(id="new", text=IRN_ISR, date=dt.date(2024, 6, 3))], store, coder)
    finally:
        store.close()
    return db


def test_a_series_over_the_cap_is_refused_with_advice(dated_db, coder):
    with TestClient(create_app(dated_db, coder_factory=lambda: coder)) as c:
        for interval in ("day", "week", "month"):
            r = c.get("/dyads/IRN/ISR/timeseries", params={"interval": interval})
            assert r.status_code == 422 and len(r.content) < 1000, r.text
            (error,) = r.json()["detail"]
            assert error["loc"] == ["query", "interval"]
            assert "0001-01-01" in error["msg"] and "2024-06-03" in error["msg"]
            assert "coarser interval" in error["msg"] and "since/until" in error["msg"]
        narrowed = c.get("/dyads/IRN/ISR/timeseries", params={"since": "2000-01-01"})
        assert narrowed.status_code == 200
        assert [p["period"] for p in narrowed.json()["both"]] == ["2024-06-03"]
        recent = c.get("/dyads/IRN/ISR/timeseries", params={"since": "1700-01-01",
                                                             "interval": "month"})
        assert recent.status_code == 200 and len(recent.json()["both"]) <= MAX_PERIODS


@pytest.fixture(scope="module")
def server(dated_db, coder) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app under uvicorn on a free port: two texts coded at a time, 18 more waiting up
    to 6 seconds."""
    limits = Limits(coding_slots=2, coding_queue=18, coding_wait=6.0)
    yield from serve_app(create_app(dated_db, coder_factory=lambda: coder, limits=limits),
                         stop_wait=30)


def _long_text(size: int = 30_000) -> str:
    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    base = " ".join(texts) + " "
    return (base * (size // len(base) + 1))[:size]


def test_a_ten_megabyte_body_to_the_server(server):
    ten = json.dumps({"text": "x" * 10_000_000}).encode()
    with httpx.Client(base_url=server, timeout=60) as c:
        for content in (ten, iter([ten[i:i + 65536] for i in range(0, len(ten), 65536)])):
            r = c.post("/code", content=content, headers={"content-type": "application/json"})
            assert r.status_code == 413 and len(r.content) < BAR
        assert c.get("/health").status_code == 200  # and the server goes on


def test_reads_answer_while_texts_are_coded(server):
    """50 texts of 30,000 characters at once: 20 are taken (2 coded, 18 waiting), 30 get a
    503 with Retry-After at once, and /events answers in well under 2 s all along."""
    text = _long_text()
    pool_limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    outstanding = 0
    lock = threading.Lock()
    with httpx.Client(base_url=server, timeout=300, limits=pool_limits) as c:
        assert c.post("/code", json={"text": IRN_ISR}).status_code == 200  # the coder is built

        def post() -> httpx.Response:
            nonlocal outstanding
            with lock:
                outstanding += 1
            try:
                return c.post("/code", json={"text": text})
            finally:
                with lock:
                    outstanding -= 1

        probes: list[tuple[int, float]] = []  # (texts in flight, seconds /events took)
        with ThreadPoolExecutor(50) as pool:
            futures = [pool.submit(post) for _ in range(50)]
            time.sleep(0.5)
            while not all(f.done() for f in futures):
                busy, started = outstanding, time.perf_counter()
                assert c.get("/events", params={"limit": 5}).status_code == 200
                probes.append((busy, time.perf_counter() - started))
                time.sleep(0.2)
            answers = [f.result() for f in futures]
    loaded = [seconds for busy, seconds in probes if busy >= 15]
    assert len(loaded) >= 5, probes  # the reads were made while the coder was full
    assert max(seconds for _, seconds in probes) < 2.0, probes
    statuses = [r.status_code for r in answers]
    assert set(statuses) <= {200, 503} and statuses.count(503) >= 30
    assert statuses.count(200) >= 2
    assert all(r.json()["events"] for r in answers if r.status_code == 200)
    for r in answers:
        if r.status_code == 503:
            assert int(r.headers["retry-after"]) > 0 and "busy" in r.json()["detail"]
    print(f"/events under load: {len(probes)} reads, {len(loaded)} with >=15 texts in flight,"
          f" slowest {max(s for _, s in probes):.3f} s; {statuses.count(200)} coded, "
          f"{statuses.count(503)} refused")
