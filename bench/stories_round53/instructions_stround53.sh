#!/usr/bin/env bash
# Clause 4 of RULE.md: instructions to cluster the 45 studied files' cached items once (a run with
# one lap less a run with none), main ("") then each label given, alternated twice, each run under
# the bench lock. Run from the worktree root: bench/stories_round53/instructions_stround53.sh A B
set -euo pipefail
cd "$(dirname "$0")"
py=../../.venv/bin/python
[ -f /tmp/stround53_items.pickle ] || $py instructions_stround53.py --cache
count() {  # label laps -> instructions
    flock /tmp/bench.lock valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        $py instructions_stround53.py "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for round in 1 2; do
    for label in main "$@"; do
        zero=$(count "$label" 0)
        one=$(count "$label" 1)
        echo "round $round $label: $((one - zero)) instructions"
    done
done
