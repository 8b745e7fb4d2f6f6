#!/bin/sh
# Stop 50's stories round, clause 4 (RULE.md): bench/stories_round48b/cpu_stround48b.py (items per
# CPU second), main's stories package (a git archive of main on PYTHONPATH) and this branch's
# (FLIGHT_VETO "A"), alternated, main first, each run under the bench lock. Usage:
# speed_stround50.sh [PAIRS]. Output: bench/stories_round50/speed50.txt, then the ratio of the
# medians of CPU seconds per item (branch / main). HOLD=1: the lock is taken once for all the
# pairs (three helpers' benches queued on it, one run waited ~5 minutes for each acquisition;
# speed50_queued.txt), so every run is under it and nothing else timed runs between them.
set -e
cd "$(dirname "$0")/../.."
if [ -n "$HOLD" ] && [ -z "$HELD" ]; then
  exec env HELD=1 flock /tmp/bench.lock "$0" "$@"
fi
lock="flock /tmp/bench.lock"
[ -n "$HELD" ] && lock=""
pairs=${1:-5}
M=/tmp/stround50_speed_main
rm -rf "$M" && mkdir -p "$M"
git archive main services/stories | tar -x -C "$M"
out=bench/stories_round50/speed50.txt
: > "$out"
i=0
while [ "$i" -lt "$pairs" ]; do
  i=$((i + 1))
  line=$(PYTHONPATH=$M/services/stories $lock .venv/bin/python \
    bench/stories_round48b/cpu_stround48b.py main)
  echo "pair $i $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$out"
  line=$($lock .venv/bin/python bench/stories_round48b/cpu_stround48b.py A)
  echo "pair $i $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$out"
done
.venv/bin/python - "$out" <<'PY' | tee -a "$out"
import re, statistics, sys
rates = {"main": [], "A": []}
for line in open(sys.argv[1]):
    m = re.search(r" (main|A): .*?: ([\d.]+) items per CPU s", line)
    if m:
        rates[m.group(1)].append(float(m.group(2)))
per_item = {k: statistics.median(1 / r for r in v) for k, v in rates.items()}
print(f"median CPU s per item: main {per_item['main']:.6f}, A {per_item['A']:.6f}; "
      f"ratio A / main {per_item['A'] / per_item['main']:.3f}")
PY
