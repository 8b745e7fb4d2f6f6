#!/usr/bin/env bash
# bench/flights_cpu44/cpu_per_item.py with the before extractor (A: BASE, an exported copy of the
# before commit's services/flights, first on PYTHONPATH) and this checkout's (B), alternated A B
# for PAIRS pairs (default 3), each run under the bench lock; prints each run and B/A CPU per item.
# Run: BASE=/tmp/cfcpu44_base bench/flights_cpu44/ab.sh [--items N --rounds R]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
base=${BASE:-/tmp/cfcpu44_base}
pairs=${PAIRS:-3}
cd "$here"
for i in $(seq 1 "$pairs"); do
    ta=$(date -u +%H:%M:%S)
    a=$(PYTHONPATH="$base/services/flights" flock /tmp/bench.lock .venv/bin/python \
        bench/flights_cpu44/cpu_per_item.py "$@")
    la=$(cut -d' ' -f1 /proc/loadavg)
    tb=$(date -u +%H:%M:%S)
    b=$(flock /tmp/bench.lock .venv/bin/python bench/flights_cpu44/cpu_per_item.py "$@")
    lb=$(cut -d' ' -f1 /proc/loadavg)
    echo "A$i $ta load $la: $a"
    echo "B$i $tb load $lb: $b"
    python3 - "$a" "$b" <<'PY'
import re, sys
a, b = (dict(re.findall(r"(dev|bench) (\d+)", s)) for s in sys.argv[1:])
print("  B/A CPU per item: " + ", ".join(f"{k} {int(b[k]) / int(a[k]):.3f}" for k in ("dev", "bench")))
PY
done
