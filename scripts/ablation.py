"""The ablation table of docs/accuracy.md: root and dyad_root F1 (plover F1 for the PLOVER
set) of every evaluation set under several configurations of the coder.

    python scripts/ablation.py --gold ../shared/gold [--config NAME=LEXICONS ...] \
        [--at NAME=COMMIT ...]

A ``--config`` runs this checkout's ``tidings eval`` with ``--lexicons LEXICONS``; an ``--at``
runs the code of an earlier commit (checked out with ``git worktree`` into a temporary folder,
imported from there, with its own bundled knowledge and no lexicons), to show what a change
made. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = ["evalsets/blind_news.dev.jsonl", "evalsets/blind_news.test.jsonl",
       "evalsets/wire_news.jsonl", "evalsets/modern_wire.dev.jsonl",
       "evalsets/modern_wire.test.jsonl", "evalsets/cameo_cover.dev.jsonl",
       "evalsets/cameo_cover.test.jsonl", "evalsets/counts.dev.jsonl",
       "evalsets/counts.test.jsonl", "evalsets/nocount.dev.jsonl",
       "evalsets/nocount.test.jsonl", "evalsets/plover_news.dev.jsonl",
       "evalsets/plover_news.test.jsonl", "evalsets/recent_wire.dev.jsonl",
       "evalsets/recent_wire.test.jsonl", "evalsets/world_wire.dev.jsonl",
       "evalsets/world_wire.test.jsonl", "evalsets/archive_wire.dev.jsonl",
       "evalsets/archive_wire.test.jsonl", "evalsets/code_ledes.dev.jsonl",
       "evalsets/code_ledes.test.jsonl", "evalsets/plover_types.dev.jsonl",
       "evalsets/plover_types.test.jsonl", "evalsets/people_wire.dev.jsonl",
       "evalsets/people_wire.test.jsonl", "evalsets/levant_ledes.dev.jsonl",
       "evalsets/levant_ledes.test.jsonl", "evalsets/south_ledes.dev.jsonl",
       "evalsets/south_ledes.test.jsonl", "evalsets/home_wire.dev.jsonl",
       "evalsets/home_wire.test.jsonl", "evalsets/statecraft_wire.dev.jsonl",
       "evalsets/statecraft_wire.test.jsonl", "evalsets/daybook_wire.dev.jsonl",
       "evalsets/daybook_wire.test.jsonl"]
GOLD = ["cameo_manual.dev.jsonl", "petr2_gsr.dev.jsonl", "plover_gsr.dev.jsonl"]


def _eval(files: list[Path], src: Path, lexicons: str | None) -> dict[str, dict]:
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, "-m", "tidings.cli", "eval", *map(str, files), "--json"]
    if lexicons is not None:
        cmd += ["--lexicons", lexicons]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=src.parent)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise SystemExit(f"ablation: tidings eval under {src} failed: {last}")
    out = done.stdout
    reports = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return {Path(r["file"]).name: r["levels"] for r in reports}


def _cell(levels: dict, name: str) -> str:
    if "plover" in levels and "root" not in levels:
        return f"{levels['plover']['f1']:.3f}"
    root = levels.get("root", {}).get("f1")
    dyad = levels.get("dyad_root", {}).get("f1")
    cell = f"{root:.3f} / {dyad:.3f}" if dyad is not None else f"{root:.3f}"
    if "plover" in levels:  # (a set coded in both: root / dyad_root / plover)
        cell += f" / {levels['plover']['f1']:.3f}"
    return cell


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    ap.add_argument("--config", action="append", default=[], metavar="NAME=LEXICONS")
    ap.add_argument("--at", action="append", default=[], metavar="NAME=COMMIT")
    args = ap.parse_args(argv)
    gold = args.gold.resolve()
    files = [gold / g for g in GOLD if (gold / g).is_file()]
    files += [ROOT / f for f in OWN]
    rows: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for spec in args.at:
            name, _, commit = spec.rpartition("=")
            tree = Path(tmp) / commit
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree),
                            commit], check=True, capture_output=True)
            try:
                rows.append((name, _eval(files, tree / "src", None)))
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                str(tree)], check=True, capture_output=True)
        for spec in args.config:
            name, _, lexicons = spec.rpartition("=")
            rows.append((name, _eval(files, ROOT / "src", lexicons)))
    names = [f.name for f in files]
    print("| configuration | " + " | ".join(n.removesuffix(".jsonl") for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for name, result in rows:
        cells = [_cell(result.get(n, {}), n) if n in result else "-" for n in names]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
