#!/bin/sh
# RULE.md: main's flights package (a git archive copy of main), the candidates (main's copy with
# candidates.diff applied, switched by --candidate) and this branch's shipped tree, in one run.
# Usage: compare_flroles47.sh studied|judges [CANDIDATE...]. Output: compare_<what>.jsonl.
set -e
cd "$(dirname "$0")/../.."
M=/tmp/flroles47_main
C=/tmp/flroles47_cand
rm -rf $M $C && mkdir -p $M $C
git archive main services/flights/wirewatch_flights | tar -x -C $M
git archive main services/flights/wirewatch_flights | tar -x -C $C
patch -s -d $C -p1 < bench/flights_roles47/candidates.diff
what=$1
shift
out=bench/flights_roles47/compare_$what.jsonl
: > "$out"
for flag in "" --as-service; do
  PYTHONPATH=$M/services/flights .venv/bin/python bench/flights_round47/measure_flround47.py "$what" $flag >> "$out"
  for c in "$@"; do
    PYTHONPATH=$C/services/flights .venv/bin/python bench/flights_round47/measure_flround47.py "$what" $flag --candidate "$c" --switch roles.CANDIDATES_ROLES47 >> "$out"
  done
  .venv/bin/python bench/flights_round47/measure_flround47.py "$what" $flag >> "$out"
done
cat "$out"
