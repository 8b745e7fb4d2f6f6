#!/bin/sh
# RULE.md (v): bench/flights_extract.py (extract items/s over the dev items), main's archived
# flights package (A) against this branch's (B), alternated pairs, each run under the bench lock.
# Usage: speed_flprec47.sh [PAIRS]. Output: speed.txt (one line per run).
set -e
cd "$(dirname "$0")/../.."
M=/tmp/flprec47_main_speed
rm -rf $M && mkdir -p $M
git archive main services/flights/wirewatch_flights | tar -x -C $M
out=bench/flights_prec47/speed.txt
: > "$out"
i=0
while [ "$i" -lt "${1:-4}" ]; do
  i=$((i + 1))
  for tree in main branch; do
    if [ $tree = main ]; then pp=$M/services/flights; else pp=${CAND:-services/flights}; fi
    line=$(PYTHONPATH=$pp flock /tmp/bench.lock .venv/bin/python bench/flights_extract.py \
      --items 6000 --rounds 3 | grep '^extract')
    echo "pair $i $tree $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$out"
  done
done
