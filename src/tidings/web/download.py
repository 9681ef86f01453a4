"""GET /events/download: every event the /events filters match, streamed as CSV, Parquet
or PLOVER JSON lines, written by the store's export writers (``store.export``) as the rows
come from the database, in date order, with no cap on their number.

The writer runs in a thread of its own on a connection of its own (so a long download
neither holds the API's store lock nor waits for it), into a small queue of chunks the
response sends as they come: memory stays at a few chunks whatever the size of the
download. A client that stops reading stops the writer within ``STALL`` seconds."""

from __future__ import annotations

import io
import queue
import sys
import threading
from collections.abc import Callable, Iterator
from typing import IO, Any, Literal, cast

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from tidings.store.export import write_csv, write_parquet, write_plover
from tidings.store.filters import Filters
from tidings.web.params import EventFilters

CHUNK = 64 * 1024  # bytes sent at a time
QUEUED = 16  # chunks waiting at most
STALL = 60.0  # seconds a client may stop reading before the writer gives up

FORMATS: dict[str, tuple[str, str]] = {  # format -> (media type, file name)
    "csv": ("text/csv; charset=utf-8", "tidings-events.csv"),
    "parquet": ("application/vnd.apache.parquet", "tidings-events.parquet"),
    "plover": ("application/x-ndjson", "tidings-events.plover.jsonl"),
}


class _Gone(Exception):
    """The client stopped reading."""


class ChunkPipe(io.RawIOBase):
    """A binary file the writer writes into and the response reads from, a chunk at a
    time, through a bounded queue (``None`` ends it)."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: queue.Queue[bytes | None] = queue.Queue(QUEUED)
        self._buffer = bytearray()
        self._position = 0

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def write(self, data: Any) -> int:
        view = bytes(data)
        self._buffer += view
        self._position += len(view)
        if len(self._buffer) >= CHUNK:
            self._send(bytes(self._buffer))
            self._buffer.clear()
        return len(view)

    def _send(self, chunk: bytes | None) -> None:
        try:
            self.chunks.put(chunk, timeout=STALL)
        except queue.Full:
            raise _Gone from None

    def finish(self) -> None:
        if self._buffer:
            self._send(bytes(self._buffer))
            self._buffer.clear()

    def end(self) -> None:
        """The end of the stream (also after a failure: the response ends there)."""
        try:
            self._send(None)
        except _Gone:
            pass


def _write(fmt: str, rows: Iterator[dict[str, Any]], pipe: ChunkPipe) -> None:
    binary = cast(IO[bytes], pipe)
    if fmt == "parquet":
        write_parquet(rows, binary)
        return
    text = io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=True)
    if fmt == "csv":
        write_csv(rows, text)
    else:
        write_plover(rows, text)
    text.flush()
    text.detach()


def stream_events(open_reader: Callable[[], Any], filters: Filters,
                  fmt: str) -> Iterator[bytes]:
    """The chunks of a download of the events ``filters`` match in ``fmt``, read through a
    store of its own (``open_reader()`` opens one, closed at the end)."""
    pipe = ChunkPipe()

    def run() -> None:
        try:
            store = open_reader()
            try:
                _write(fmt, store.read.iter_events(filters), pipe)
                pipe.finish()
            finally:
                store.close()
        except _Gone:
            pass
        except Exception as exc:  # noqa: BLE001 - the response has begun: say it, end it
            print(f"tidings: download: {type(exc).__name__}: {exc}", file=sys.stderr)
        finally:
            pipe.end()

    threading.Thread(target=run, name="tidings-download", daemon=True).start()
    while (chunk := pipe.chunks.get()) is not None:
        yield chunk


def download_router() -> APIRouter:
    router = APIRouter()

    @router.get("/events/download", response_class=StreamingResponse, responses={200: {
        "description": "Every matching event, streamed, in date order",
        "content": {media: {"schema": {"type": "string", "format": "binary"}}
                    for media, _ in FORMATS.values()}}})
    def download(request: Request, filters: EventFilters,
                 format: Literal["csv", "parquet", "plover"] = "csv") -> StreamingResponse:
        """Every event the filters match (not a page: no limit), streamed as it is read:
        CSV (the columns of /events), Parquet (the schema of ``tidings export``) or PLOVER
        JSON lines (events without a PLOVER type left out), written by the same writers as
        ``tidings export``."""
        media, name = FORMATS[format]
        backend = request.app.state.backend
        return StreamingResponse(
            stream_events(backend.open_reader, filters, format), media_type=media,
            headers={"Content-Disposition": f'attachment; filename="{name}"'})

    return router
