#!/usr/bin/env bash
# Clause 4 of RULE.md for C's final form (no switch): C's instructions (this worktree's code), then
# main's (stround53's wirewatch_stories, extracted to /tmp/stround53b_main, first on PYTHONPATH),
# each a run with one lap less a run with none, each run under the bench lock.
set -euo pipefail
cd "$(dirname "$0")"
py=../../.venv/bin/python
count() {  # label laps [pythonpath] -> instructions
    PYTHONPATH=${3:-} flock /tmp/bench.lock valgrind --tool=callgrind \
        --callgrind-out-file=/dev/null \
        $py instructions_stround53b.py "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
zero=$(count C 0); one=$(count C 1)
echo "C (final form): $((one - zero)) instructions"
zero=$(count main 0 /tmp/stround53b_main/services/stories)
one=$(count main 1 /tmp/stround53b_main/services/stories)
echo "main (stround53's code): $((one - zero)) instructions"
