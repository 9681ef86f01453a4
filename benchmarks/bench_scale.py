"""Scaling out: spaCy alone, tidings in one process, tidings on N worker processes, and
tidings on a local Dask cluster of N workers, on the same generated corpus.

    python benchmarks/bench_scale.py [--sentences 20000] [--workers 2] [--repeat 2]

The last line measures the machine rather than tidings: the same corpus coded by one process
and then by N independent processes at once (each loaded beforehand, with its own slice, no
coordination), which bounds what any way of spreading the work can gain here.

Every figure above it is the wall-clock time of the whole job, loading included: the spaCy
pipeline and the coder in one process, the worker processes' start-up in the others (what a
user waits for). Peak memory is the largest resident set of one process of each mode (for
the pools, of one worker).
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


def _ceiling_worker(texts: list[str], ready, go, out) -> None:  # type: ignore[no-untyped-def]
    """Load a coder, wait for the others, code ``texts``; report (CPU s, wall s)."""
    from tidings.coder.core import Coder
    from tidings.enrich.stage import enrich_coded
    from tidings.records import Article

    coder = Coder()
    ready.release()
    go.wait()
    c0, t0 = time.process_time(), time.perf_counter()
    for coded in coder.code_articles(Article(id=str(i), text=t) for i, t in enumerate(texts)):
        enrich_coded(coded)
    out.put((time.process_time() - c0, time.perf_counter() - t0))


def machine_ceiling(texts: list[str], n: int) -> tuple[float, float, float]:
    """What n processes coding at once can do on this machine, with nothing shared between
    them (each codes its own slice, already loaded): (seconds one process takes for all
    the texts, seconds the n take together, CPU seconds per text ratio n-at-once/alone)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")

    def run(slices: list[list[str]]) -> tuple[float, float]:
        ready, go, out = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_ceiling_worker, args=(s, ready, go, out)) for s in slices]
        for proc in procs:
            proc.start()
        for _ in procs:
            ready.acquire()
        go.set()
        results = [out.get() for _ in procs]
        for proc in procs:
            proc.join()
        return sum(r[0] for r in results), max(r[1] for r in results)

    alone_cpu, alone_wall = run([texts])
    together_cpu, together_wall = run([texts[i::n] for i in range(n)])
    return alone_wall, together_wall, together_cpu / alone_cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=20_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2,
                    help="run the modes this many times, interleaved, and keep each one's best")
    ap.add_argument("--partition-size", type=int, default=50,
                    help="JSONL lines per Dask partition (default 50)")
    args = ap.parse_args()

    from distributed import Client, LocalCluster

    from tidings.coder.core import Coder
    from tidings.coder.nlp import load_pipeline
    from tidings.config import Settings
    from tidings.enrich.stage import enrich_coded
    from tidings.records import Article
    from tidings.scale.cluster import code_on_dask
    from tidings.scale.workers import code_parallel

    texts = corpus(args.sentences)
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    settings = Settings.from_env()
    results: dict[str, tuple[float, float]] = {}  # mode -> (seconds, peak MB per process)

    def peak_self() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # Every mode is timed as a whole job, loading included: the pipeline here, the coder
    # here, the worker processes (each loading its own coder) below.
    def spacy_alone() -> tuple[float, float, int]:
        t0 = time.perf_counter()
        nlp = load_pipeline(settings.model)
        n = sum(len(list(d.sents)) for d in nlp.pipe(texts, batch_size=64))
        return time.perf_counter() - t0, peak_self(), n

    def one_process() -> tuple[float, float, int]:
        t0 = time.perf_counter()
        coder = Coder(settings)  # coded, dated and placed, as --workers and Dask do
        n = sum(len(enrich_coded(c).events) for c in coder.code_articles(articles))
        return time.perf_counter() - t0, peak_self(), n

    def workers() -> tuple[float, float, int]:
        t0 = time.perf_counter()
        n = sum(len(c.events) for c in code_parallel(articles, settings, args.workers))
        seconds = time.perf_counter() - t0
        return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, n

    def dask(tmp: Path) -> tuple[float, float, int]:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster, Client(cluster) as client:
            out = tmp / f"out-{time.monotonic_ns()}"
            t0 = time.perf_counter()
            summary = code_on_dask([str(tmp / "corpus.jsonl")], out, cluster.scheduler_address,
                                   settings, partition_size=args.partition_size,
                                   progress=False)
            seconds = time.perf_counter() - t0
            peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        return seconds, max(peaks.values()) / 1024, summary.events

    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "corpus.jsonl").write_text(
            "\n".join(json.dumps({"id": a.id, "text": a.text}) for a in articles) + "\n",
            encoding="utf-8")
        modes = [("spaCy alone, 1 process", spacy_alone), ("tidings, 1 process", one_process),
                 (f"tidings, --workers {args.workers}", workers),
                 (f"tidings, Dask local {args.workers} workers", lambda: dask(Path(tmp)))]
        for _ in range(args.repeat):  # the modes interleaved, best of the repeats
            for name, run in modes:
                seconds, peak, count = run()
                counts[name] = count
                best = results.get(name)
                results[name] = (min(seconds, best[0]) if best else seconds,
                                 max(peak, best[1]) if best else peak)
    n_sent = counts.pop("spaCy alone, 1 process")
    n_events = counts["tidings, 1 process"]
    assert set(counts.values()) == {n_events}, counts
    alone, together, cpu_ratio = machine_ceiling(texts, args.workers)
    print(f"corpus: {n_sent} sentences in {len(articles)} articles, {n_events} events "
          f"(identical counts in every mode); wall clock of the whole job, start-up included; "
          f"best of {args.repeat} interleaved run(s)")
    print(f"{'':34} {'sent/s':>8} {'seconds':>8} {'peak MB/process':>16}")
    base = results["tidings, 1 process"][0]
    for name, (secs, peak) in results.items():
        print(f"{name:34} {n_sent / secs:8.0f} {secs:8.2f} {peak:16.0f}   x{base / secs:.2f}")
    w = results[f"tidings, --workers {args.workers}"][0]
    d = results[f"tidings, Dask local {args.workers} workers"][0]
    print(f"--workers {args.workers} vs 1 process: x{base / w:.2f} (aim: >= 1.8); "
          f"Dask vs --workers: {d / w - 1:+.1%} time (aim: within 15%)")
    print(f"machine ceiling: {args.workers} independent processes, loaded beforehand, each "
          f"coding 1/{args.workers} of the corpus: x{alone / together:.2f} over one process "
          f"coding all of it ({alone:.1f} s -> {together:.1f} s); CPU time per sentence "
          f"x{cpu_ratio:.2f} when {args.workers} run at once")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
