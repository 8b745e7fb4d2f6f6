#!/usr/bin/env bash
# RULE.md (v): instructions per extract() call, load-free (valgrind's callgrind), main's archived
# flights package (A) against the candidate's shipped form (B: CAND, default this checkout's
# services/flights), on bench/flights_cpu44's two corpora, each run under the bench lock: stop
# 44's instructions.sh with main's archive as its base. Output: instructions.txt (ratio B/A).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
base=/tmp/flround53_main_instr
rm -rf "$base" && mkdir -p "$base"
git archive main services/flights/wirewatch_flights | tar -x -C "$base"
cand=${CAND:-$here/services/flights}
laps=${LAPS:-1}
count() {  # side corpus laps -> instructions
    local pp="$cand"
    [ "$1" = A ] && pp="$base/services/flights"
    PYTHONPATH="$pp" flock /tmp/bench.lock valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        .venv/bin/python bench/flights_cpu44/cpu_per_item.py --corpus "$2" --laps "$3" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
out=bench/flights_round53/instructions.txt
: > "$out"
for corpus in bench dev; do
    items=$(.venv/bin/python bench/flights_cpu44/cpu_per_item.py --corpus "$corpus" --laps "$laps" --count)
    a=$(( ($(count A "$corpus" "$laps") - $(count A "$corpus" 0)) / items ))
    b=$(( ($(count B "$corpus" "$laps") - $(count B "$corpus" 0)) / items ))
    ratio=$(python3 -c "print(f'{$b / $a:.4f}')")
    echo "$corpus: main $a, candidate $b instructions per item ($items items), ratio $ratio" | tee -a "$out"
done
