"""Split blind evaluation sets on arrival: odd `seq` to the learning half, even to the held-out
half, file by file (so each author's sentences are split alike).

    python scripts/split_blind.py a.jsonl b.jsonl --learn evalsets/X.dev.jsonl \
        --held-out evalsets/X.test.jsonl

Prints only counts: the held-out half is meant never to be read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--learn", type=Path, required=True)
    ap.add_argument("--held-out", type=Path, required=True)
    args = ap.parse_args(argv)
    halves: dict[bool, list[str]] = {True: [], False: []}
    for path in args.files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                halves[rec["seq"] % 2 == 1].append(json.dumps(rec, ensure_ascii=False))
    for odd, out in ((True, args.learn), (False, args.held_out)):
        out.write_text("\n".join(halves[odd]) + "\n", encoding="utf-8")
        events = sum(len(json.loads(line)["expected"]) for line in halves[odd])
        print(f"{out}: {len(halves[odd])} sentences, {events} events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
