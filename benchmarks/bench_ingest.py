"""Ingest throughput into DuckDB next to the coder's own throughput on the same text.

    python benchmarks/bench_ingest.py [--articles 300] [--db PATH-or-postgresql-URL]

Three timings over the same generated articles (see bench_coder.py), in one process:

- coder: spaCy + actors + events;
- coder + enrich: plus event dates and places;
- ingest: the whole `tidings ingest` path into a new, empty database (DuckDB by default).

It prints articles per second for each and the time spent inside the store's calls during the
ingest, as a share of the whole ingest.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_coder import corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--db", help="database to fill (default: a new DuckDB file in a temp dir)")
    args = ap.parse_args()

    from tidings.coder.core import Coder
    from tidings.enrich.stage import enrich, load_gazetteer
    from tidings.pipeline import ingest
    from tidings.records import Article
    from tidings.store.database import open_store

    texts = corpus(args.articles * 8)[: args.articles]
    articles = [Article(id=f"bench-{i}", text=t, url=f"https://bench.example/{i}",
                        source=f"outlet-{i % 7}") for i, t in enumerate(texts)]
    coder = Coder()
    gazetteer = load_gazetteer()
    list(coder.code_articles(articles[:5]))  # warm up

    t0 = time.perf_counter()
    coded = list(coder.code_articles(articles))
    t_code = time.perf_counter() - t0
    events = sum(len(c.events) for c in coded)

    t0 = time.perf_counter()
    for c in coder.code_articles(articles):
        enrich(c.events, [s.text for s in c.sentences], c.places, c.article.date, gazetteer)
    t_enrich = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.duckdb")
        store = open_store(db)
        # Time spent inside the store's own calls, measured directly during the ingest.
        in_store = [0.0]
        for name in ("save_articles", "stored_hashes"):
            setattr(store, name, _timed(getattr(store, name), in_store))
        t0 = time.perf_counter()
        summary = ingest(articles, store, coder)
        t_ingest = time.perf_counter() - t0
        store.close()

    n = len(articles)
    print(f"{n} articles, {events} coded events; database: {'given' if args.db else 'DuckDB'}")
    print(f"{'':22} {'articles/s':>10} {'seconds':>9}")
    for name, t in (("coder", t_code), ("coder + enrich", t_enrich), ("ingest (all)", t_ingest)):
        print(f"{name:22} {n / t:10.1f} {t:9.2f}")
    print(f"time in the store: {in_store[0]:.2f} s = {in_store[0] / t_ingest:.1%} of the ingest "
          f"(target: under 10%); events new {summary.events_new}, merged "
          f"{summary.events_merged}")


def _timed(method, total):  # type: ignore[no-untyped-def]
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            total[0] += time.perf_counter() - t0

    return wrapper


if __name__ == "__main__":
    main()
