#!/usr/bin/env bash
# `wirewatch flights extract --input F` for every tests/data/flights*.jsonl and stories*.jsonl,
# written before the change (`BEFORE=DIR bench/flights_cpu44/identical.sh write`, run on the
# before checkout) and compared byte for byte after it (`BEFORE=DIR bench/flights_cpu44/identical.sh`;
# cmp only: nothing of the outputs is printed).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
before=${BEFORE:-/tmp/cfcpu44_before}
mkdir -p "$before"
same=0
differ=0
for f in "$here"/tests/data/flights*.jsonl "$here"/tests/data/stories*.jsonl; do
    name=$(basename "$f")
    if [ "${1:-}" = write ]; then
        "$here/.venv/bin/wirewatch" flights extract --input "$f" >"$before/$name.out"
        continue
    fi
    if "$here/.venv/bin/wirewatch" flights extract --input "$f" | cmp -s - "$before/$name.out"; then
        same=$((same + 1))
    else
        differ=$((differ + 1))
        echo "DIFFERS: $name"
    fi
done
[ "${1:-}" = write ] && exit 0
echo "identical: $same, different: $differ"
[ "$differ" -eq 0 ]
