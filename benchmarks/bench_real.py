"""Whole-process throughput on real news text: the tidings coder next to spaCy alone.

    python benchmarks/bench_real.py [--gold ../shared/gold] [--sentences 2000] [--repeat 3]

The input is the text of the English gold sets (human-written news sentences), repeated to
``--sentences`` records of one sentence each. Three commands are timed as whole processes
(start-up included), ``--repeat`` rounds after a warm-up round, taking turns within each round
so that a machine whose speed drifts weighs on all of them alike, with their peak memory:

- spacy: a process that loads the pipeline and runs ``nlp.pipe`` over the same texts;
- tidings: ``tidings code IN --format jsonl -o OUT`` (read, code, date and place, write);
- tidings --workers 2: the same on two processes.

It prints the best and median wall time of each, the ratios, and the start-up of
``echo ... | tidings code -`` next to loading the pipeline alone.

``--compare-src DIR`` adds a fourth command, ``tidings code`` run from another source tree
(``git worktree add /tmp/before <commit>`` then ``--compare-src /tmp/before/src``), to see
what a change cost.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENGLISH = ("cameo_manual.dev.jsonl", "petr2_gsr.dev.jsonl", "plover_gsr.dev.jsonl",
           "petrarch1_validate_records_140226.jsonl", "petrarch2_validation.jsonl",
           "universalpetrarch_validate_records_2_02.jsonl")
BIN = Path(sys.executable).parent

SPACY_ONLY = """
import json, sys
from tidings.coder.nlp import load_pipeline
nlp = load_pipeline(None)
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = sum(1 for _ in nlp.pipe(texts, batch_size=64))
"""
LOAD_ONLY = "from tidings.coder.nlp import load_pipeline; load_pipeline(None)"


def real_texts(gold: Path, n: int) -> list[str]:
    return [t for t, _ in real_records(gold, n)]


def real_records(gold: Path, n: int) -> list[tuple[str, str | None]]:
    """(text, publication date) of the gold records, repeated to ``n``: news comes dated,
    and the date decides what the enrich stage does."""
    texts: list[tuple[str, str | None]] = []
    for name in ENGLISH:
        path = gold / name
        if path.exists():
            for line in path.open(encoding="utf-8"):
                rec = json.loads(line)
                text = rec.get("text") or rec.get("event_text")
                if isinstance(text, str) and text.strip():
                    texts.append((" ".join(text.split()), rec.get("date")))
    if not texts:
        sys.exit(f"bench_real: no gold texts under {gold}")
    return [texts[i % len(texts)] for i in range(n)]


def run(cmd: list[str], stdin: bytes | None = None) -> float:
    """Wall seconds of one whole process."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          stdin=None if stdin else subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 2):
        sys.exit(f"bench_real: {' '.join(cmd)} failed: {proc.stderr.decode()[-500:]}")
    return wall


def timed(jobs: dict[str, tuple[list[str], bytes | None]], repeat: int) -> dict[str, list[float]]:
    """Wall times of each job, ``repeat`` rounds after a warm-up round (caches, page cache).
    The jobs take turns within each round, so a machine that slows down or speeds up over the
    minutes of a run weighs on all of them alike."""
    for cmd, stdin in jobs.values():
        run(cmd, stdin)
    walls: dict[str, list[float]] = {label: [] for label in jobs}
    for _ in range(repeat):
        for label, (cmd, stdin) in jobs.items():
            walls[label].append(run(cmd, stdin))
    for label, times in walls.items():
        print(f"{label:<36} best {min(times):6.2f} s   median {statistics.median(times):6.2f} s")
    return walls


def peak_memory(cmd: list[str]) -> float:
    """Peak RSS of a whole process (the maximum over the command's process tree is what
    getrusage of the children reports; each command is measured in a fresh interpreter)."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], "
             "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True)
    return int(out.stdout.strip() or 0) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=Path(__file__).parents[1] / ".." / "shared"
                    / "gold")
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compare-src", type=Path, metavar="DIR",
                    help="also time tidings code from this source tree (its src/ folder)")
    ap.add_argument("--only-code", action="store_true",
                    help="time only the coding commands (no workers, memory or start-up)")
    args = ap.parse_args()
    # Bytecode for tidings' own modules, as ``pip install`` writes it: an editable install
    # in an environment with PYTHONDONTWRITEBYTECODE set would compile them from source on
    # every start (about 0.15 s here), which no installed copy does.
    import tidings
    compileall.compile_dir(Path(tidings.__file__).parent, quiet=1)
    if args.compare_src:
        compileall.compile_dir(args.compare_src, quiet=1)
    records = real_records(args.gold, args.sentences)
    texts = [t for t, _ in records]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps({"id": f"s{i}", "text": t, "date": d}) + "\n"
                               for i, (t, d) in enumerate(records)), encoding="utf-8")
        out = str(Path(tmp) / "out.jsonl")
        spacy_cmd = [sys.executable, "-c", SPACY_ONLY, str(src)]
        tidings_cmd = [str(BIN / "tidings"), "code", str(src), "--format", "jsonl", "-o", out]
        dated = sum(1 for _, d in records if d)
        print(f"{len(texts)} real news sentences ({sum(map(len, texts)):,} characters, "
              f"{dated} with a publication date), best and median of {args.repeat} "
              "whole-process runs")
        jobs = {"spaCy alone (load + nlp.pipe)": (spacy_cmd, None),
                "tidings code": (tidings_cmd, None)}
        if not args.only_code:
            jobs["tidings code --workers 2"] = ([*tidings_cmd, "--workers", "2"], None)
        if args.compare_src:
            other = ["env", f"PYTHONPATH={args.compare_src.resolve()}", sys.executable, "-m",
                     "tidings.cli", *tidings_cmd[1:]]
            jobs[f"tidings code from {args.compare_src}"] = (other, None)
        walls = timed(jobs, args.repeat)
        sp, td = walls["spaCy alone (load + nlp.pipe)"], walls["tidings code"]
        if args.compare_src:
            before = walls[f"tidings code from {args.compare_src}"]
            print(f"tidings / the other tree:         {min(td) / min(before):.2f} (best) "
                  f"{statistics.median(td) / statistics.median(before):.2f} (median)")
        if args.only_code:
            print(f"tidings / spaCy alone:            {min(td) / min(sp):.2f} (best) "
                  f"{statistics.median(td) / statistics.median(sp):.2f} (median)")
            return
        w2 = walls["tidings code --workers 2"]
        print(f"tidings / spaCy alone:            {min(td) / min(sp):.2f} (best) "
              f"{statistics.median(td) / statistics.median(sp):.2f} (median)")
        print(f"--workers 2 speed-up:             {min(td) / min(w2):.2f} (best) "
              f"{statistics.median(td) / statistics.median(w2):.2f} (median)")
        print(f"peak memory: spaCy alone {peak_memory(spacy_cmd):.0f} MB, "
              f"tidings code {peak_memory(tidings_cmd):.0f} MB")
        line = b"Iran accused Israel of sabotage.\n"
        starts = timed({"start-up: load the pipeline alone": ([sys.executable, "-c", LOAD_ONLY],
                                                              None),
                        "start-up: echo ... | tidings code -": ([str(BIN / "tidings"), "code", "-"],
                                                                line)},
                       args.repeat)
        ld, st = starts.values()
        print(f"start-up beyond the pipeline:     {min(st) - min(ld):.2f} s (best) "
              f"{statistics.median(st) - statistics.median(ld):.2f} s (median)")


if __name__ == "__main__":
    main()
