#!/bin/sh
# RULE.md (v): bench/flights_extract.py --items 10000 --rounds 3, main's archived flights package
# against this branch's, alternated pairs (the order flips each pair), each run under the bench
# lock. Usage: speed_flround48.sh [PAIRS]. Output: speed.txt (one line per run).
set -e
cd "$(dirname "$0")/../.."
M=/tmp/flround48_main_speed
rm -rf $M && mkdir -p $M
git archive main services/flights/wirewatch_flights | tar -x -C $M
out=bench/flights_round48/speed.txt
: > "$out"
i=0
while [ "$i" -lt "${1:-4}" ]; do
  i=$((i + 1))
  if [ $((i % 2)) -eq 1 ]; then order="main branch"; else order="branch main"; fi
  for tree in $order; do
    if [ $tree = main ]; then pp=$M/services/flights; else pp=services/flights; fi
    line=$(PYTHONPATH=$pp flock /tmp/bench.lock .venv/bin/python bench/flights_extract.py \
      --items 10000 --rounds 3 | grep '^extract')
    echo "pair $i $tree $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$out"
  done
done
