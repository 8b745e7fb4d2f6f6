#!/usr/bin/env bash
# Study script (stop 37): bench/classify_service.py --items ITEMS --rounds 1 alternately on
# a base tree's classify and shared packages (PYTHONPATH over this worktree's, e.g. from
# `git archive BASE services/classify shared | tar -x -C DIR`) and this worktree, PAIRS
# pairs (order flips every pair), each run under flock /tmp/bench.lock.
# Usage: bench/classify_perf37/ab_service.sh BASE_DIR [PAIRS] [ITEMS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tree="$(cd "$here/../.." && pwd)"
base="$1"; pairs="${2:-3}"; items="${3:-40000}"
run() {  # label pythonpath
    PYTHONPATH="$2" flock /tmp/bench.lock "$tree/.venv/bin/python" "$tree/bench/classify_service.py" \
        --items "$items" --rounds 1 2>&1 | grep -E "pass-through service|classify service," | sed "s/^/$1 /"
}
for p in $(seq "$pairs"); do
    if (( p % 2 )); then
        run "base   $p" "$base/services/classify:$base/shared"; run "branch $p" ""
    else
        run "branch $p" ""; run "base   $p" "$base/services/classify:$base/shared"
    fi
done
