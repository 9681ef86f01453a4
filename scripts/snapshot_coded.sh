#!/usr/bin/env bash
# Code every gold set, blind set and sample article with `tidings code --format jsonl --all`
# into DIR, one output file per input. Run it before and after a change that must not alter
# what is coded, then `diff -r BEFORE AFTER`.
#   scripts/snapshot_coded.sh DIR [GOLD_DIR]
set -euo pipefail
out=${1:?usage: snapshot_coded.sh DIR [GOLD_DIR]}
gold=${2:-../shared/gold}
here="$(cd "$(dirname "$0")/.." && pwd)"
tidings="${TIDINGS:-$here/.venv/bin/tidings}"
mkdir -p "$out"
inputs=("$here"/evalsets/*.jsonl "$here"/src/tidings/data/samples/*)
[ -d "$gold" ] && inputs+=("$gold"/*.jsonl)
for f in "${inputs[@]}"; do
  name=$(basename "$f")
  "$tidings" code "$f" --format jsonl --all -o "$out/$name.out" 2>"$out/$name.err" || true
done
ls "$out" | wc -l
