#!/bin/sh
# main's flights package (a git archive copy) and this branch's, same run: held, studied, and with
# "judges" as $1 the two judges pooled (aggregates only). Output: compare_<what>.jsonl.
set -e
cd "$(dirname "$0")/../.."
rm -rf /tmp/flrecall46_main && mkdir -p /tmp/flrecall46_main
git archive main services/flights/wirewatch_flights | tar -x -C /tmp/flrecall46_main
M=/tmp/flrecall46_main/services/flights
for what in ${1:-held studied}; do
  out=bench/flights_recall46/compare_$what.jsonl
  : > "$out"
  for flag in "" --as-service; do
    [ "$what" = held ] && [ -n "$flag" ] && continue
    PYTHONPATH=$M .venv/bin/python bench/flights_recall46/measure.py "$what" $flag >> "$out"
    .venv/bin/python bench/flights_recall46/measure.py "$what" $flag >> "$out"
  done
done
