#!/bin/sh
# RULE.md: main's flights package (a git archive copy of main) and this branch's candidates, in one
# run. Usage: compare_flprec49.sh studied|judges [CANDIDATE...]. Output: compare_<what>.jsonl.
set -e
cd "$(dirname "$0")/../.."
M=/tmp/flprec49_main
rm -rf $M && mkdir -p $M
git archive main services/flights/wirewatch_flights | tar -x -C $M
what=$1
shift
out=bench/flights_prec49/compare_$what.jsonl
: > "$out"
for flag in "" --as-service; do
  PYTHONPATH=$M/services/flights .venv/bin/python bench/flights_prec49/measure_flprec49.py "$what" $flag >> "$out"
  .venv/bin/python bench/flights_prec49/measure_flprec49.py "$what" $flag >> "$out"
  for c in "$@"; do
    .venv/bin/python bench/flights_prec49/measure_flprec49.py "$what" $flag --candidate "$c" >> "$out"
  done
done
cut -c1-300 "$out"
