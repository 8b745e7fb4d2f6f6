#!/usr/bin/env bash
# Study script (stop 34): bench/classify_service.py --items ITEMS --rounds 1, alternating two
# checkouts (base first), PAIRS pairs (default 3), each run under flock /tmp/bench.lock.
# Usage: bench/classify_speed34/ab_service.sh BASE_CHECKOUT [PAIRS] [ITEMS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
branch="$(cd "$here/../.." && pwd)"
base="$1"; pairs="${2:-3}"; items="${3:-40000}"
run() {  # label checkout
    flock /tmp/bench.lock "$2/.venv/bin/python" "$2/bench/classify_service.py" --items "$items" \
        --rounds 1 2>&1 | grep -E "pass-through service|classify service," | sed "s/^/$1 /"
}
for p in $(seq "$pairs"); do
    run "base   $p" "$base"; run "branch $p" "$branch"
done
