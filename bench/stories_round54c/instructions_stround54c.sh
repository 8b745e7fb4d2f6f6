#!/usr/bin/env bash
# Clause 4 of RULE.md (stround54c): round 54b's counting (instructions_stround54b.sh) with this
# round's switch: a run with one lap less a run with none, main ("") then each label given, each
# run under the bench lock. From the worktree root:
#   bench/stories_round54c/instructions_stround54c.sh C
set -euo pipefail
cd "$(dirname "$0")"
py=../../.venv/bin/python
[ -f /tmp/stround54c_items.pickle ] || $py instructions_stround54c.py --cache
count() {  # label laps -> instructions
    flock /tmp/bench.lock valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        $py instructions_stround54c.py "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for label in main "$@"; do
    zero=$(count "$label" 0)
    one=$(count "$label" 1)
    echo "$label: $((one - zero)) instructions"
done
