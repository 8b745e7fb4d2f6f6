#!/bin/sh
# RULE.md (b): the judges fresh45 + fresh46 pooled, read once per tree (main, candidate) in one
# session, aggregates only: `wirewatch flights eval --json`, plain and --as-service, on the two
# files concatenated. Usage: judge.sh TREE_NAME... (trees exported by trees.sh under
# /tmp/flround46_trees). Writes bench/flights_round46/judges_<name>_{plain,service}.json.
set -eu
cd "$(dirname "$0")/../.."
pooled=$(mktemp /tmp/flround46_judges.XXXXXX)
cat tests/data/flights_fresh45.jsonl tests/data/flights_fresh46.jsonl > "$pooled"
for name in "$@"; do
  tree=/tmp/flround46_trees/$name
  export PYTHONPATH="$tree/services/flights:$tree/shared"
  .venv/bin/python -c 'import wirewatch_flights, sys; print(wirewatch_flights.__file__, file=sys.stderr)'
  .venv/bin/wirewatch flights eval "$pooled" --json > "bench/flights_round46/judges_${name}_plain.json"
  .venv/bin/wirewatch flights eval "$pooled" --json --as-service > "bench/flights_round46/judges_${name}_service.json"
done
rm -f "$pooled"
