#!/bin/bash
# Whether the branch's flights stage writes the same events and rows as main's (stop 42).
# BASE: a directory holding main's services/flights
#   (git archive main services/flights/wirewatch_flights | tar -x -C $BASE).
# For each case the driver runs with main's wirewatch_flights first on PYTHONPATH, then with
# the branch's, and their --dump files (every record event, then every row of both tables)
# are compared byte for byte.
cd "$(dirname "$0")/../.."
PG=postgresql+psycopg://postgres@127.0.0.1:5432/test
OUT=${OUT:-/tmp/flights_cpu42_identical}
mkdir -p "$OUT"
run() {  # name, then the driver's arguments
  local name=$1; shift
  PYTHONPATH=${BASE:-/tmp/flcpu42/base}/services/flights .venv/bin/python \
    bench/flights_cpu42/flights_item_cost.py "$@" --dump "$OUT/$name.main" >/dev/null
  .venv/bin/python bench/flights_cpu42/flights_item_cost.py "$@" --dump "$OUT/$name.branch" >/dev/null
  if cmp -s "$OUT/$name.main" "$OUT/$name.branch"; then
    echo "same   $name ($(wc -l <"$OUT/$name.main") lines)"
  else
    echo "DIFFER $name"
  fi
}
for db in sqlite pg; do
  url=(); [ $db = pg ] && url=(--database-url $PG)
  for corpus in bench dev; do
    for size in 1 5; do
      run "${corpus}_stories_${size}_$db" --corpus $corpus --size $size --events 1300 \
        --warmup 200 --again 300 "${url[@]}"
    done
    run "${corpus}_classified_5_$db" --corpus $corpus --source classified --size 5 \
      --events 700 --warmup 100 --again 200 "${url[@]}"
  done
done
