#!/usr/bin/env bash
# Clause 4 of RULE.md: instructions to cluster the 45 studied files' cached items once (a run with
# one lap less a run with none), main ("") then each label given, alternated once (counts are deterministic up to hashing), each run under
# the bench lock. Run from the worktree root: bench/stories_round53b/instructions_stround53b.sh C AC
set -euo pipefail
cd "$(dirname "$0")"
py=../../.venv/bin/python
[ -f /tmp/stround53b_items.pickle ] || $py instructions_stround53b.py --cache
count() {  # label laps -> instructions
    flock /tmp/bench.lock valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        $py instructions_stround53b.py "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for round in 1; do
    for label in main "$@"; do
        zero=$(count "$label" 0)
        one=$(count "$label" 1)
        echo "round $round $label: $((one - zero)) instructions"
    done
done
