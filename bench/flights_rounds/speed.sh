#!/bin/sh
# The flights rounds' speed clause (RULE.md of each round): bench/flights_extract.py, main's archived
# flights package against a candidate tree, alternated pairs (the order flips each pair), each run
# under the bench lock. Usage: speed.sh FOLDER [PAIRS] [ITEMS]. Output: bench/FOLDER/speed.txt.
# Environment: CAND=path of the candidate's package root (default: this branch's services/flights).
set -e
cd "$(dirname "$0")/../.."
folder=$1 pairs=${2:-3} items=${3:-10000}
M=/tmp/${folder}_main_speed
rm -rf "$M" && mkdir -p "$M"
git archive main services/flights/wirewatch_flights | tar -x -C "$M"
out=bench/$folder/speed.txt
: > "$out"
i=0
while [ "$i" -lt "$pairs" ]; do
  i=$((i + 1))
  if [ $((i % 2)) -eq 1 ]; then order="main branch"; else order="branch main"; fi
  for tree in $order; do
    if [ "$tree" = main ]; then pp=$M/services/flights; else pp=${CAND:-services/flights}; fi
    line=$(PYTHONPATH=$pp flock /tmp/bench.lock .venv/bin/python bench/flights_extract.py \
      --items "$items" --rounds 3 | grep '^extract')
    echo "pair $i $tree $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$out"
  done
done
