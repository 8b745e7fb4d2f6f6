#!/bin/bash
# BASE: a directory holding main's services/flights (git archive main services/flights/wirewatch_flights | tar -x -C $BASE).
# A = main's flights code (PYTHONPATH copy), B = this branch; alternated, same lock.
cd "$(dirname "$0")/../.."
PG=postgresql+psycopg://postgres@127.0.0.1:5432/test
for round in 1 2; do
  for side in A B; do
    if [ $side = A ]; then export PYTHONPATH=${BASE:-/tmp/flcpu40_base}/services/flights; else unset PYTHONPATH; fi
    for corpus in bench real; do
      echo "round $round $side $corpus sqlite: $(.venv/bin/python bench/flights_cpu40/flights_stage_cpu.py --corpus $corpus --events 1500 --warmup 200)"
      echo "round $round $side $corpus pg:     $(.venv/bin/python bench/flights_cpu40/flights_stage_cpu.py --corpus $corpus --events 1500 --warmup 200 --database-url $PG)"
    done
  done
done
unset PYTHONPATH
echo "extract bench, branch:"; .venv/bin/python bench/flights_extract.py --items 10000 --rounds 3
date -u; uptime
