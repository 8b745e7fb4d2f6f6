#!/usr/bin/env bash
# bench/flights_extract.py, main (A: main's checkout and venv) against this checkout (B),
# alternated A B for PAIRS pairs (default 3), each run under the bench lock; the arguments go
# to the benchmark (default --items 10000 --rounds 3). Prints each run's extract line and the
# B/A ratio of extract's items/s per pair.
# Run: bench/flights_cpu43/ab.sh [--items N --rounds R]   (MAIN=/work/main, PAIRS=3)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
main=${MAIN:-/work/main}
pairs=${PAIRS:-3}
if [ "$#" -eq 0 ]; then set -- --items 10000 --rounds 3; fi
echo "A = $main at $(git -C "$main" rev-parse --short HEAD), B = $here at $(git -C "$here" rev-parse --short HEAD)"
rate() { sed -n 's/^extract \([0-9,]*\) items\/s.*/\1/p' | tr -d ,; }
for i in $(seq 1 "$pairs"); do
    declare -A got=()
    for side in A B; do
        root=$here
        [ "$side" = A ] && root=$main
        out=$(cd "$root" && flock /tmp/bench.lock .venv/bin/python bench/flights_extract.py "$@")
        echo "$side$i $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg): $(grep '^extract' <<<"$out")"
        got[$side]=$(rate <<<"$out")
    done
    echo "pair $i: B/A items/s $(python3 -c "print(f'{${got[B]} / ${got[A]}:.3f}')")"
done
