#!/bin/sh
# main's flights package (a git archive copy) and this branch with each candidate, same run.
# $1: held | studied | judges (judges: aggregates only). Output: compare_<what>.jsonl.
set -e
cd "$(dirname "$0")/../.."
rm -rf /tmp/flprec46_main && mkdir -p /tmp/flprec46_main
git archive main services/flights/wirewatch_flights | tar -x -C /tmp/flprec46_main
M=/tmp/flprec46_main/services/flights
what=$1
out=bench/flights_prec46/compare_$what.jsonl
: > "$out"
for flag in "" --as-service; do
  [ "$what" = held ] && [ -n "$flag" ] && continue
  PYTHONPATH=$M .venv/bin/python bench/flights_prec46/measure_prec46.py "$what" $flag >> "$out"
  for c in "" A B AB; do
    .venv/bin/python bench/flights_prec46/measure_prec46.py "$what" "$c" $flag >> "$out"
  done
done
