#!/bin/sh
# main (a copy of its flights package, git archive) and this branch alternated, A B A B A B.
set -e
cd "$(dirname "$0")/../.."
rm -rf /tmp/flrecall46_main && mkdir -p /tmp/flrecall46_main
git archive main services/flights/wirewatch_flights | tar -x -C /tmp/flrecall46_main
for i in 1 2 3; do
  PYTHONPATH=/tmp/flrecall46_main/services/flights .venv/bin/python bench/flights_recall46/cpu_recall46.py
  .venv/bin/python bench/flights_recall46/cpu_recall46.py
done
