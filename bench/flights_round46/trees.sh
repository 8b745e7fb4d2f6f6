#!/bin/sh
# Export main and each candidate's product tree (services/flights, shared) and run
# round46_measure.py in each (RULE.md (a1)). Usage: trees.sh NAME COMMIT [NAME COMMIT ...]
set -eu
cd "$(dirname "$0")/../.."
root=/tmp/flround46_trees
while [ $# -ge 2 ]; do
  name=$1; commit=$2; shift 2
  rm -rf "$root/$name"; mkdir -p "$root/$name"
  git archive "$commit" services/flights shared | tar -x -C "$root/$name"
  PYTHONPATH="$root/$name/services/flights:$root/$name/shared" .venv/bin/python -W ignore \
    bench/flights_round46/round46_measure.py > "bench/flights_round46/studied_$name.json"
done
