"""The API's ceilings: what one request may send, how many texts are coded at once, and how
big an answer the data may make. Every number is in ``Limits`` and in docs/api.md.

- ``BodyLimit``: a pure ASGI middleware that answers 413 to a request body over
  ``max_body`` bytes, from its Content-Length before reading anything, or while counting the
  chunks of a body sent without one (it never holds more than the limit).
- ``validation_error``: the 422 of a request that fails validation, with each error's
  ``loc``, ``msg`` and ``type`` only (FastAPI's default also echoes the offending ``input``,
  the whole text of an oversized POST /code).
- ``CodingGate``: runs the coder in its own worker threads, at most ``coding_slots`` texts at
  a time, with at most ``coding_queue`` more waiting up to ``coding_wait`` seconds; anything
  beyond is ``Busy`` (a 503 with Retry-After). Reads use FastAPI's thread pool, not these
  threads, and the coder never holds the store's lock, so reads do not wait behind coding.
"""

from __future__ import annotations

import asyncio
import functools
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

T = TypeVar("T")

MAX_TEXT = 100_000  # characters of text in POST /code
# A text of MAX_TEXT characters fits even with every character \u-escaped (6 bytes).
MAX_BODY = 1_048_576  # bytes
MAX_PERIODS = 5_000  # periods in one dyad time series
MAX_MENTIONS = 1_000  # mentions in one event's evidence (100 by default)
MAX_ERRORS = 20  # errors listed in one 422


@dataclass(frozen=True)
class Limits:
    """The ceilings of one app. ``from_env`` reads the coding ones from TIDINGS_CODING_SLOTS,
    TIDINGS_CODING_QUEUE and TIDINGS_CODING_WAIT."""

    max_body: int = MAX_BODY
    coding_slots: int = 2
    coding_queue: int = 8
    coding_wait: float = 30.0
    retry_after: int = 10

    @classmethod
    def from_env(cls) -> Limits:
        env = os.environ
        return cls(coding_slots=max(1, int(env.get("TIDINGS_CODING_SLOTS", cls.coding_slots))),
                   coding_queue=max(0, int(env.get("TIDINGS_CODING_QUEUE", cls.coding_queue))),
                   coding_wait=max(0.0, float(env.get("TIDINGS_CODING_WAIT",
                                                      cls.coding_wait))))


# -- request bodies --------------------------------------------------------------------------
class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when the body passes the limit: FastAPI lets an HTTPException
    from reading the body through, and the app's handler answers it as a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=too_large(limit))


def too_large(limit: int) -> str:
    return f"request body over {limit:,} bytes"


class BodyLimit:
    """Answers 413 to a request whose body is over ``limit`` bytes, without reading it."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or ()).get(b"content-length", b"")
        if length.strip().isdigit() and int(length) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse({"detail": too_large(self.limit)}, status_code=413)
        await response(scope, receive, send)


class NoNul:
    """Answers 422 to a request whose path or query string holds a NUL character (``%00``):
    nothing the API stores or searches can hold one, and PostgreSQL refuses it outright."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            where = "query" if b"%00" in (scope.get("query_string") or b"") else (
                "path" if "\x00" in scope.get("path", "") or b"%00" in (
                    scope.get("raw_path") or b"") else None)
            if where is not None:
                response = JSONResponse({"detail": [{
                    "loc": [where], "msg": "a NUL character (%00) is not allowed",
                    "type": "value_error"}]}, status_code=422)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


# -- validation errors -----------------------------------------------------------------------
def _short(value: Any, size: int) -> Any:
    if isinstance(value, str) and len(value) > size:
        return value[:size] + "…"
    return value


def validation_error(_: Request, exc: Exception) -> JSONResponse:
    """FastAPI's 422 without the input: ``loc``, ``msg`` and ``type`` of at most MAX_ERRORS
    errors, each string cut short."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [{"loc": [_short(p, 100) for p in e.get("loc", ())],
               "msg": _short(str(e.get("msg", "")), 500), "type": str(e.get("type", ""))}
              for e in errors[:MAX_ERRORS]]
    return JSONResponse({"detail": detail}, status_code=422)


# -- coding ----------------------------------------------------------------------------------
class Busy(Exception):
    """The coder has no room for another text now."""


class CodingGate:
    """At most ``slots`` calls run at once, in threads of their own; at most ``queue`` more
    wait, each up to ``wait`` seconds; any other call is refused at once with ``Busy``."""

    def __init__(self, slots: int = 2, queue: int = 8, wait: float = 30.0) -> None:
        self.slots, self.queue, self.wait = slots, queue, wait
        self._running = threading.BoundedSemaphore(slots)
        self._count = threading.Lock()
        self._admitted = 0
        self._threads: ThreadPoolExecutor | None = None  # made on first use, again after close

    @property
    def admitted(self) -> int:
        """The calls running or waiting now."""
        return self._admitted

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in a worker thread, once a slot is free; ``Busy`` when the queue is
        full or no slot frees up within ``wait`` seconds."""
        with self._count:
            if self._admitted >= self.slots + self.queue:
                raise Busy
            self._admitted += 1
            if self._threads is None:
                self._threads = ThreadPoolExecutor(max_workers=self.slots + self.queue,
                                                   thread_name_prefix="tidings-coder")
            threads = self._threads
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(threads, functools.partial(self._slot, fn, *args))
        finally:
            with self._count:
                self._admitted -= 1

    def _slot(self, fn: Callable[..., T], *args: Any) -> T:
        if not self._running.acquire(timeout=self.wait):
            raise Busy
        try:
            return fn(*args)
        finally:
            self._running.release()

    def close(self) -> None:
        """Let the worker threads end once their texts are coded (the app's shutdown)."""
        with self._count:
            threads, self._threads = self._threads, None
        if threads is not None:
            threads.shutdown(wait=False)
