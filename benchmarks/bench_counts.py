"""What counts and confidence add to the coder's time, in one process on real news text.

    python benchmarks/bench_counts.py [--gold ../shared/gold] [--sentences 2000] [--repeat 5]

The same coder codes the texts of the English gold sets (repeated to ``--sentences``) with
the count finder and the confidence model on, and with both switched off (a finder that finds
nothing, an untrained model), alternately, ``--repeat`` times each after a warm-up; it prints
the best and median of each and their ratio. Whole-process figures are in bench_real.py; the
difference measured here (a few percent) is smaller than their run-to-run spread.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_real import real_records  # noqa: E402

from tidings.coder.confidence import ConfidenceModel  # noqa: E402
from tidings.coder.core import Coder  # noqa: E402
from tidings.records import Article  # noqa: E402
from tidings.sources.base import parse_date  # noqa: E402


def _run(coder: Coder, articles: list[Article]) -> float:
    start = time.perf_counter()
    for _ in coder.code_articles(articles):
        pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    articles = [Article(id=str(i), text=t, date=parse_date(d) if d else None)
                for i, (t, d) in enumerate(real_records(args.gold, args.sentences))]
    coder = Coder()
    comp = coder.component
    on = (comp.counts.sentence_counts, comp.confidence)
    off = (lambda *a, **k: [], ConfidenceModel())

    def switch(state: tuple) -> None:
        comp.counts.sentence_counts, comp.confidence = state  # type: ignore[method-assign]

    _run(coder, articles[:200])  # warm-up
    times: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(args.repeat):
        for name, state in (("without", off), ("with", on)):
            switch(state)
            times[name].append(_run(coder, articles))
    switch(on)
    print(f"{len(articles)} real news sentences, one process, {args.repeat} runs each")
    for name, ts in times.items():
        print(f"coder {name:<7} counts and confidence: best {min(ts):6.2f} s   "
              f"median {statistics.median(ts):6.2f} s")
    print(f"with / without: {min(times['with']) / min(times['without']):.3f} (best)  "
          f"{statistics.median(times['with']) / statistics.median(times['without']):.3f} "
          "(median)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
