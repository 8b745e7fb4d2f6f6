#!/bin/bash
# A = main's wirewatch_flights (BASE, an export of main's services/flights first on
# PYTHONPATH), B = this branch; alternated A B per round, same lock, fresh database each run.
# Run: flock /tmp/bench.lock bench/flights_cpu42/ab.sh   (ROUNDS=3 SIZE=5 EVENTS=1500)
cd "$(dirname "$0")/../.."
PG=postgresql+psycopg://postgres@127.0.0.1:5432/test
date -u; uptime
for round in $(seq 1 "${ROUNDS:-3}"); do
  for corpus in bench dev; do
    for db in sqlite pg; do
      url=(); [ $db = pg ] && url=(--database-url $PG)
      for side in A B; do
        if [ $side = A ]; then export PYTHONPATH=${BASE:-/tmp/flcpu42/base}/services/flights
        else unset PYTHONPATH; fi
        echo "round $round $side $(.venv/bin/python bench/flights_cpu42/flights_item_cost.py \
          --corpus $corpus --size "${SIZE:-5}" --events "${EVENTS:-1500}" --warmup 200 "${url[@]}")"
      done
    done
  done
done
unset PYTHONPATH
date -u; uptime
