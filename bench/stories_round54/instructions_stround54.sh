#!/usr/bin/env bash
# Clause 4 of RULE.md: instructions to cluster the 47 studied files' cached items once (a run with
# one lap less a run with none), main ("") then each label given, each run under the bench lock
# (counts are deterministic up to hashing). From the worktree root:
#   bench/stories_round54/instructions_stround54.sh A
set -euo pipefail
cd "$(dirname "$0")"
py=../../.venv/bin/python
[ -f /tmp/stround54_items.pickle ] || $py instructions_stround54.py --cache
count() {  # label laps -> instructions
    flock /tmp/bench.lock valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        $py instructions_stround54.py "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for label in main "$@"; do
    zero=$(count "$label" 0)
    one=$(count "$label" 1)
    echo "$label: $((one - zero)) instructions"
done
