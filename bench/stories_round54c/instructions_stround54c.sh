#!/usr/bin/env bash
# Clause 4 of RULE.md (stround54c): the shared count (bench/stories_learned/count_laps.sh) with
# this round's switch. From the worktree root:
#   bench/stories_round54c/instructions_stround54c.sh C
set -euo pipefail
here=$(dirname "$0")
exec "$here/../stories_learned/count_laps.sh" "$here/instructions_stround54c.py" \
    /tmp/stround54c_items.pickle "$@"
