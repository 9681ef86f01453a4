"""How often each imported pattern fires on the learning sets, and how often it is right.

    python scripts/petrarch2/measure.py FILE.jsonl ... [--lexicons petrarch2] [--top 40]

Codes every sentence of the given gold files (learning halves only: never a held-out file)
and matches the predicted events to the gold ones at root level, one to one, as
``tidings eval`` does. Each predicted event counts for the rule that coded it: right when it
took a gold event, wrong when it did not. Prints the rules of imported lexicons (their rule
names start with the lexicon, "petrarch2/...") grouped by kind (a verb alone, or a verb with
more words) with their precision, and the worst rules, so that a filter on the import is
decided by measurement.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from tidings.coder.core import Coder
from tidings.coder.evaluate import gold_article, read_gold, scored_records
from tidings.config import Settings


def _roots(rec: dict) -> list[str]:
    return [str(e["code"])[:2] for e in rec.get("expected") or [] if e.get("code")]


def measure(coder: Coder, paths: list[Path]) -> tuple[Counter, Counter]:
    fired: Counter = Counter()
    right: Counter = Counter()
    for path in paths:
        recs = [r for r in scored_records(read_gold(path)) if _roots(r) or r.get("no_events")]
        arts = [gold_article(r, i) for i, r in enumerate(recs)]
        for rec, coded in zip(recs, coder.code_articles(arts), strict=True):
            gold = _roots(rec)
            for ev in coded.events:
                rule = ev.rule.split(" (")[0]
                fired[rule] += 1
                if ev.root in gold:
                    gold.remove(ev.root)
                    right[rule] += 1
    return fired, right


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--lexicons", default="petrarch2-verbs")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    coder = Coder(Settings.from_env(lexicons=args.lexicons))
    fired, right = measure(coder, args.files)
    kinds: dict[str, Counter] = {}
    for rule, n in fired.items():
        origin = rule.split(":", 1)[0]
        words = rule.split(":", 2)[-1].split()
        kind = f"{origin} {'verb alone' if len(words) == 1 else 'verb with words'}"
        c = kinds.setdefault(kind, Counter())
        c["fired"] += n
        c["right"] += right[rule]
    for kind, c in sorted(kinds.items()):
        print(f"{kind:40s} fired {c['fired']:5d}  right {c['right']:5d}  "
              f"precision {c['right'] / c['fired']:.2f}")
    imported = [r for r in fired if "/" in r.split(":", 1)[0]]
    imported.sort(key=lambda r: (right[r] - fired[r], r))
    print(f"\nimported rules, most wrong first (of {len(imported)}):")
    for rule in imported[: args.top]:
        print(f"  {fired[rule]:3d} fired {right[rule]:3d} right  {rule}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
