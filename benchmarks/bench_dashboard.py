"""How fast the dashboard's views load in a real browser, on the sample database.

    python benchmarks/bench_dashboard.py [--db PATH] [--repeat 5] [--chromium /usr/bin/chromium]

Without --db it first stores the bundled sample articles in a new DuckDB file (what
`tidings run` does). It then starts `tidings serve` on a free loopback port and, in headless
chromium driven by Playwright, opens each view several times in a fresh browser context (no
cache), timing from the start of navigation until the view has drawn its data (the page sets
body[data-ready=true]). It prints the median and worst time per view and the bytes fetched.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

VIEWS = ["events", "dyad", "network", "map", "code"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="database to serve (default: the samples in a new DuckDB file)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    tidings = str(Path(sys.executable).with_name("tidings"))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "samples.duckdb")
        if not args.db:
            subprocess.run([tidings, "--db", db, "run"], check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([tidings, "--db", db, "serve", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    counts = httpx.get(f"{base}/health", timeout=2).json()["counts"]
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline:
                        sys.exit("bench_dashboard: the server did not start")
                    time.sleep(0.2)
            print(f"dashboard over {counts['events']} events from {counts['articles']} "
                  f"articles; {args.repeat} cold loads per view, headless chromium")
            print(f"{'view':<10}{'median ms':>11}{'worst ms':>10}{'kB loaded':>12}")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=FLAGS)
                for view in VIEWS:
                    times, sizes = [], []
                    for _ in range(args.repeat):
                        context = browser.new_context(viewport={"width": 1366, "height": 768})
                        page = context.new_page()
                        fetched = [0]

                        def count(response, fetched=fetched) -> None:  # type: ignore[no-untyped-def]
                            try:
                                fetched[0] += len(response.body())
                            except Exception:  # noqa: BLE001 - a response without a body
                                pass

                        page.on("response", count)
                        start = time.perf_counter()
                        page.goto(f"{base}/#/{view}")
                        page.wait_for_selector("body[data-ready=true]", timeout=30_000)
                        times.append((time.perf_counter() - start) * 1000)
                        sizes.append(fetched[0])
                        context.close()
                    print(f"{view:<10}{statistics.median(times):>11.0f}{max(times):>10.0f}"
                          f"{statistics.median(sizes) / 1000:>12.0f}")
                browser.close()
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
