#!/usr/bin/env bash
# `wirewatch flights extract --input F` (the extractor alone on every line) for every
# tests/data/flights*.jsonl and stories*.jsonl, main's venv against this checkout's; the outputs
# compared byte for byte (cmp only: nothing of them is printed).
# Run: bench/flights_cpu43/identical.sh [FILE.jsonl ...] (main's venv: $MAIN_BIN, default
# /work/main/.venv/bin)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
main_bin=${MAIN_BIN:-/work/main/.venv/bin}
out=$(mktemp -d /tmp/flxcpu43_identical.XXXXXX)
same=0
differ=0
if [ "$#" -gt 0 ]; then
    files=("$@")
else
    files=("$here"/tests/data/flights*.jsonl "$here"/tests/data/stories*.jsonl)
fi
for f in "${files[@]}"; do
    name=$(basename "$f")
    "$main_bin/wirewatch" flights extract --input "$f" >"$out/$name.main"
    "$here/.venv/bin/wirewatch" flights extract --input "$f" >"$out/$name.branch"
    if cmp -s "$out/$name.main" "$out/$name.branch"; then
        same=$((same + 1))
    else
        differ=$((differ + 1))
        echo "DIFFERS: $name"
    fi
done
rm -rf "$out"
echo "identical: $same, different: $differ"
[ "$differ" -eq 0 ]
