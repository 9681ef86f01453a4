"""An ASGI app served by uvicorn on a free port in a thread, for tests that need a real HTTP
server (the dashboard in a browser, concurrent requests)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest


def serve_app(app: Any, *, stop_wait: float = 10.0) -> Iterator[str]:
    """Start ``app`` on a free port, yield its base URL, stop it afterwards (a fixture does
    ``yield from serve_app(app)``)."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(stop_wait)
