#!/usr/bin/env bash
# RULE.md (v): the team's runner bench/flights_cpu44/instructions.sh (callgrind, each count under
# flock /tmp/bench.lock): main's archived flights package at the branch point (A, BASE) against this checkout's shipped
# form (B); its lines and the ratio B/A per corpus in instructions.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
base=/tmp/flround54b_main_instr
rm -rf "$base" && mkdir -p "$base"
git archive "$(git merge-base main HEAD)" services/flights/wirewatch_flights | tar -x -C "$base"  # main at the branch point
out=bench/flights_round54b/instructions.txt
BASE=$base LAPS=${LAPS:-1} bash bench/flights_cpu44/instructions.sh | tee "$out"
for corpus in bench dev; do
    a=$(sed -n "s/^$corpus A: \([0-9]*\) .*/\1/p" "$out")
    b=$(sed -n "s/^$corpus B: \([0-9]*\) .*/\1/p" "$out")
    python3 -c "print(f'$corpus: ratio B/A {$b / $a:.4f}')" | tee -a "$out"
done
