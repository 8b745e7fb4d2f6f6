#!/bin/sh
# The flights rounds' comparison run (RULE.md of each round): main's flights package (a git archive
# copy of main), this branch's tree and the round's candidates, measured on the same items in one run.
# Usage: compare.sh FOLDER MEASURE studied|judges [CANDIDATE...]
#   FOLDER   the round's folder under bench/ (output: bench/FOLDER/compare_<what>.jsonl)
#   MEASURE  the measure script, a path under bench/ (prints one JSON row per run)
# Environment: SWITCH=module.NAME passes --switch to the candidate runs; PATCHED=1 runs the candidates
# from main's copy with bench/FOLDER/candidates.diff applied (else from this branch's tree).
set -e
cd "$(dirname "$0")/../.."
folder=$1 measure=bench/$2 what=$3
shift 3
M=/tmp/${folder}_main C=/tmp/${folder}_cand
rm -rf "$M" "$C" && mkdir -p "$M" "$C"
git archive main services/flights/wirewatch_flights | tar -x -C "$M"
cand=services/flights
if [ -n "$PATCHED" ]; then
  git archive main services/flights/wirewatch_flights | tar -x -C "$C"
  patch -s -d "$C" -p1 < "bench/$folder/candidates.diff"
  cand=$C/services/flights
fi
switch=${SWITCH:+--switch $SWITCH}
out=bench/$folder/compare_$what.jsonl
: > "$out"
for flag in "" --as-service; do
  PYTHONPATH=$M/services/flights .venv/bin/python "$measure" "$what" $flag >> "$out"
  .venv/bin/python "$measure" "$what" $flag >> "$out"
  for c in "$@"; do
    PYTHONPATH=$cand .venv/bin/python "$measure" "$what" $flag --candidate "$c" $switch >> "$out"
  done
done
cut -c1-400 "$out"
