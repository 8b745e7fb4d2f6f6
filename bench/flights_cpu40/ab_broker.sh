#!/bin/bash
# The flights stage's whole handler path with a broker (flights_stage_cpu.py --broker), A B A B.
# BASE: a directory holding main's services/flights (git archive main services/flights/wirewatch_flights | tar -x -C $BASE).
# A = main's flights code (PYTHONPATH copy), B = this branch. Run under: flock /tmp/bench.lock
cd "$(dirname "$0")/../.."
PG=postgresql+psycopg://postgres@127.0.0.1:5432/test
BATCH=${BATCH:-20}
for round in 1 2; do
  for side in A B; do
    if [ $side = A ]; then export PYTHONPATH=${BASE:-/tmp/flcpu40_base}/services/flights; else unset PYTHONPATH; fi
    for corpus in bench real; do
      for db in sqlite pg; do
        if [ $db = pg ]; then url="--database-url $PG"; else url=""; fi
        echo "round $round $side $corpus $db: $(.venv/bin/python bench/flights_cpu40/flights_stage_cpu.py --broker --batch $BATCH --corpus $corpus --events 1500 --warmup 200 $url | tail -1)"
      done
    done
  done
done
unset PYTHONPATH
date -u; uptime
