#!/bin/sh
# RULE.md (v): bench/flights_extract.py --items 10000 --rounds 3, main's archived flights package
# against a copy of this branch's with not_a_record.CANDIDATES_P49 set to SWITCH (empty: the branch
# as it is), alternated pairs (the order flips each pair), each run under the bench lock.
# Usage: speed_flprec49.sh [PAIRS] [SWITCH]. Output: speed.txt (one line per run).
set -e
cd "$(dirname "$0")/../.."
M=/tmp/flprec49_main_speed
C=/tmp/flprec49_cand_speed
rm -rf $M $C && mkdir -p $M $C/services/flights
git archive main services/flights/wirewatch_flights | tar -x -C $M
cp -r services/flights/wirewatch_flights $C/services/flights/
if [ -n "$2" ]; then
  sed -i "s/^CANDIDATES_P49: frozenset\[str\] = .*/CANDIDATES_P49: frozenset[str] = frozenset(\"$2\")/" \
    $C/services/flights/wirewatch_flights/not_a_record.py
fi
grep '^CANDIDATES_P49' $C/services/flights/wirewatch_flights/not_a_record.py || true
out=bench/flights_prec49/speed.txt
: > "$out"
i=0
while [ "$i" -lt "${1:-4}" ]; do
  i=$((i + 1))
  if [ $((i % 2)) -eq 1 ]; then order="main branch"; else order="branch main"; fi
  for tree in $order; do
    if [ $tree = main ]; then pp=$M/services/flights; else pp=$C/services/flights; fi
    line=$(PYTHONPATH=$pp flock /tmp/bench.lock .venv/bin/python bench/flights_extract.py \
      --items 10000 --rounds 3 | grep '^extract')
    echo "pair $i $tree $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$out"
  done
done
