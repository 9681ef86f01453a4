"""Scaling out: spaCy alone, tidings in one process, tidings on N worker processes, and
tidings on a local Dask cluster of N workers, on the same generated corpus.

    python benchmarks/bench_scale.py [--sentences 20000] [--workers 2]

Every figure is the wall-clock time of the whole job, loading included: the spaCy pipeline
and the coder in one process, the worker processes' start-up in the others (what a user
waits for). Peak memory is the largest resident set of one process of
each mode (for the pools, of one worker).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench_coder import corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=20_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=50,
                    help="JSONL lines per Dask partition (default 50)")
    args = ap.parse_args()

    from distributed import Client, LocalCluster

    from tidings.coder import Coder
    from tidings.config import Settings
    from tidings.distributed import code_on_dask
    from tidings.nlp import load_pipeline
    from tidings.parallel import code_parallel
    from tidings.records import Article

    texts = corpus(args.sentences)
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    settings = Settings.from_env()
    results: dict[str, tuple[float, float]] = {}  # mode -> (seconds, peak MB per process)

    def peak_self() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # Every mode is timed as a whole job, loading included: the pipeline here, the coder
    # here, the worker processes (each loading its own coder) below.
    t0 = time.perf_counter()
    nlp = load_pipeline(settings.model)
    n_sent = sum(len(list(d.sents)) for d in nlp.pipe(texts, batch_size=64))
    results["spaCy alone, 1 process"] = (time.perf_counter() - t0, peak_self())
    del nlp

    t0 = time.perf_counter()
    coder = Coder(settings)
    n_events = sum(len(c.events) for c in coder.code_articles(articles))
    results["tidings, 1 process"] = (time.perf_counter() - t0, peak_self())
    del coder

    t0 = time.perf_counter()
    events_parallel = sum(len(c.events) for c in code_parallel(articles, settings, args.workers))
    seconds = time.perf_counter() - t0
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    results[f"tidings, --workers {args.workers}"] = (seconds, worker_peak)

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        src.write_text("\n".join(json.dumps({"id": a.id, "text": a.text}) for a in articles)
                       + "\n", encoding="utf-8")
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster, Client(cluster) as client:
            t0 = time.perf_counter()
            summary = code_on_dask([str(src)], Path(tmp) / "out", cluster.scheduler_address,
                                   settings, partition_size=args.partition_size,
                                   progress=False)
            seconds = time.perf_counter() - t0
            peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
            results[f"tidings, Dask local {args.workers} workers"] = (
                seconds, max(peaks.values()) / 1024)

    assert events_parallel == n_events == summary.events, (events_parallel, n_events,
                                                             summary.events)
    print(f"corpus: {n_sent} sentences in {len(articles)} articles, {n_events} events "
          f"(identical counts in every mode); wall clock of the whole job, start-up included")
    print(f"{'':34} {'sent/s':>8} {'seconds':>8} {'peak MB/process':>16}")
    base = results["tidings, 1 process"][0]
    for name, (secs, peak) in results.items():
        print(f"{name:34} {n_sent / secs:8.0f} {secs:8.2f} {peak:16.0f}   x{base / secs:.2f}")
    w = results[f"tidings, --workers {args.workers}"][0]
    d = results[f"tidings, Dask local {args.workers} workers"][0]
    print(f"--workers {args.workers} vs 1 process: x{base / w:.2f} (aim: >= 1.8); "
          f"Dask vs --workers: {d / w - 1:+.1%} time (aim: within 15%)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
