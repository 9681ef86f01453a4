"""The coder component's own time on real news text, apart from spaCy's parse.

    python benchmarks/bench_component.py [--gold ../shared/gold] [--sentences 2000]
        [--repeat 3] [--compare-src DIR]

The text is that of ``bench_real.py`` (the English gold sets' sentences, repeated). In one
process, the articles are coded ``--repeat`` times after a warm-up; each run's wall time is
printed with the time spent inside the ``tidings_coder`` pipeline component (actors, events,
counts, confidence), which is what a change to the coder's rules costs. Whole-process times
on a shared machine vary by 10-15% with spaCy's parse; the component's own time varies much
less. ``--compare-src DIR`` runs the same in a second process from another source tree
(``git worktree add /tmp/before <commit>``; ``--compare-src /tmp/before/src``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ENGLISH = ("cameo_manual.dev.jsonl", "petr2_gsr.dev.jsonl", "plover_gsr.dev.jsonl",
           "petrarch1_validate_records_140226.jsonl", "petrarch2_validation.jsonl",
           "universalpetrarch_validate_records_2_02.jsonl")


def texts(gold: Path, n: int) -> list[str]:
    out = [json.loads(line).get("text") or "" for name in ENGLISH if (gold / name).exists()
           for line in (gold / name).open(encoding="utf-8")]
    out = [t for t in out if t.strip()]
    if not out:
        sys.exit(f"bench_component: no gold sets in {gold}")
    return (out * (n // len(out) + 1))[:n]


def run(gold: Path, n: int, repeat: int) -> list[tuple[float, float]]:
    """(wall seconds, seconds inside the coder component) of each timed run."""
    import tidings.coder.components as components
    from tidings.coder.core import Coder
    from tidings.config import Settings
    from tidings.records import Article

    inside = [0.0]
    call = components.TidingsCoder.__call__

    def timed(self, doc):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return call(self, doc)
        finally:
            inside[0] += time.perf_counter() - start

    components.TidingsCoder.__call__ = timed  # type: ignore[method-assign]
    coder = Coder(Settings())
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts(gold, n))]
    list(coder.code_articles(articles[:50]))
    runs = []
    for _ in range(repeat):
        inside[0] = 0.0
        start = time.perf_counter()
        list(coder.code_articles(articles))
        runs.append((time.perf_counter() - start, inside[0]))
    return runs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compare-src", type=Path, default=None)
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.json:
        print(json.dumps(run(args.gold, args.sentences, args.repeat)))
        return
    trees = [("this tree", None), *([(str(args.compare_src), args.compare_src)]
                                    if args.compare_src else [])]
    print(f"{args.sentences} real news sentences, {args.repeat} runs in one process each")
    for label, src in trees:
        env_path = [str(src.resolve())] if src else []
        code = ("import sys; sys.path[:0] = " + json.dumps(env_path) + "; "
                "sys.argv = " + json.dumps([__file__, "--gold", str(args.gold.resolve()),
                                           "--sentences", str(args.sentences), "--repeat",
                                           str(args.repeat), "--json"]) + "; "
                "import runpy; runpy.run_path(" + json.dumps(__file__) + ", "
                "run_name='__main__')")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout.strip().splitlines()[-1]
        runs = json.loads(out)
        walls = " ".join(f"{w:.2f}" for w, _ in runs)
        inside = " ".join(f"{c:.2f}" for _, c in runs)
        print(f"{label:28s} wall s: {walls}   coder component s: {inside}")


if __name__ == "__main__":
    main()
