#!/usr/bin/env bash
# Study script (stop 34): the classify handler's pure part (handler_cpu.py: decode, classify,
# records), CPU µs per item, alternating two checkouts' code, PAIRS pairs (default 4), each
# run under flock /tmp/bench.lock. Prints every run's median and the per-pair ratio.
# Usage: bench/classify_speed34/ab_cpu.sh BASE_CHECKOUT [PAIRS] [ITEMS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
branch="$(cd "$here/../.." && pwd)"
base="$1"; pairs="${2:-4}"; items="${3:-20000}"
run() {  # checkout -> median µs/item
    flock /tmp/bench.lock "$1/.venv/bin/python" "$here/handler_cpu.py" --items "$items" \
        --warm 10000 --rounds 5 | sed -E 's/.*median ([0-9.]+).*/\1/'
}
for p in $(seq "$pairs"); do
    a="$(run "$base")"; b="$(run "$branch")"
    python3 -c "print(f'pair $p: base {$a:.2f}  branch {$b:.2f}  ratio {$b/$a:.3f}')"
done
