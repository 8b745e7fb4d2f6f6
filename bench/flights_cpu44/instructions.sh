#!/usr/bin/env bash
# Instructions per extract() call, load-free (valgrind's callgrind; total instructions of a run with
# LAPS laps over the corpus less a run with none, over the items extracted), before (A: BASE's
# services/flights first on PYTHONPATH) and this checkout (B), each run under the bench lock.
# Run: BASE=/tmp/cfcpu44_base LAPS=1 bench/flights_cpu44/instructions.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
base=${BASE:-/tmp/cfcpu44_base}
laps=${LAPS:-1}
cd "$here"
count() {  # side corpus laps -> instructions
    local pp=""
    [ "$1" = A ] && pp="$base/services/flights"
    PYTHONPATH="$pp" flock /tmp/bench.lock valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        .venv/bin/python bench/flights_cpu44/cpu_per_item.py --corpus "$2" --laps "$3" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for corpus in bench dev; do
    for side in A B; do
        zero=$(count "$side" "$corpus" 0)
        some=$(count "$side" "$corpus" "$laps")
        items=$(.venv/bin/python bench/flights_cpu44/cpu_per_item.py --corpus "$corpus" --laps "$laps" --count)
        echo "$corpus $side: $(( (some - zero) / items )) instructions per item ($items items)"
    done
done
