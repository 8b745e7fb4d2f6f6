#!/bin/sh
# main (a copy of its flights package, git archive) and this branch with both candidates on,
# alternated A B x5; run as: flock /tmp/bench.lock sh bench/flights_prec46/cpu.sh > cpu.jsonl
set -e
cd "$(dirname "$0")/../.."
rm -rf /tmp/flprec46_cpu_main && mkdir -p /tmp/flprec46_cpu_main
git archive main services/flights/wirewatch_flights | tar -x -C /tmp/flprec46_cpu_main
for i in 1 2 3 4 5; do
  PYTHONPATH=/tmp/flprec46_cpu_main/services/flights .venv/bin/python bench/flights_prec46/cpu_prec46.py
  .venv/bin/python bench/flights_prec46/cpu_prec46.py AB
done
