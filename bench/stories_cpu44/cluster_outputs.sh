#!/usr/bin/env bash
# `wirewatch stories cluster` on every tests/data/stories_*.jsonl and flights_*.jsonl into OUT
# (one file each), with the venv of WORKTREE: before/after outputs compared with `diff -r`.
#   bench/stories_cpu44/cluster_outputs.sh WORKTREE OUT
set -euo pipefail
tree=$1; out=$2; mkdir -p "$out"
cd "$(dirname "$0")/../.."
for f in tests/data/stories_*.jsonl tests/data/flights_*.jsonl; do
  "$tree/.venv/bin/wirewatch" stories cluster --input "$f" >"$out/$(basename "$f")" 2>"$out/$(basename "$f").err" || echo "exit $? on $f" >>"$out/$(basename "$f").err"
done
