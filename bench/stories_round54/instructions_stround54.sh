#!/usr/bin/env bash
# Clause 4 of RULE.md (stround54): the shared count (bench/stories_learned/count_laps.sh) with
# this round's switch. From the worktree root:
#   bench/stories_round54/instructions_stround54.sh A
set -euo pipefail
here=$(dirname "$0")
exec "$here/../stories_learned/count_laps.sh" "$here/instructions_stround54.py" \
    /tmp/stround54_items.pickle "$@"
