#!/bin/bash
# The whole handler path with the broker (bench/flights_cpu40/flights_stage_cpu.py --broker:
# guard, thread hop, store, publishes and their confirmations, against an embedded Tansu),
# the pipeline benchmark's item, batches of BATCH (5); A = main's wirewatch_flights (BASE),
# B = this branch, alternated, fresh database each run.
# Run: flock /tmp/bench.lock bench/flights_cpu42/ab_broker.sh
cd "$(dirname "$0")/../.."
PG=postgresql+psycopg://postgres@127.0.0.1:5432/test
date -u; uptime
for round in $(seq 1 "${ROUNDS:-3}"); do
  for db in sqlite pg; do
    url=(); [ $db = pg ] && url=(--database-url $PG)
    for side in A B; do
      if [ $side = A ]; then export PYTHONPATH=${BASE:-/tmp/flcpu42/base}/services/flights
      else unset PYTHONPATH; fi
      echo "round $round $side $(.venv/bin/python bench/flights_cpu40/flights_stage_cpu.py \
        --corpus bench --broker --batch "${BATCH:-5}" --events 1500 --warmup 200 "${url[@]}" 2>/dev/null | tail -1)"
    done
  done
done
unset PYTHONPATH
date -u; uptime
