#!/usr/bin/env bash
# Before/after pairs of a bench script, alternated, under the bench lock (stop 45). "Before" is
# a worktree of main at the helper's start with its own venv (BEFORE, default
# /work/wt/stcpu45-before: its services/stories and shared both), run from its own directory
# with this tree's copy of SCRIPT; "after" is this tree.
#   bench/stories_cpu45/ab.sh PAIRS SCRIPT [arguments...]
#   e.g. bench/stories_cpu45/ab.sh 3 bench/stories_cpu42/stage_cost.py --items 1500
set -euo pipefail
after=$(cd "$(dirname "$0")/../.." && pwd)
before=${BEFORE:-/work/wt/stcpu45-before}
pairs=$1; script=$(cd "$after" && realpath "$2"); shift 2
uptime
for n in $(seq "$pairs"); do
  echo -n "before: "; (cd "$before" && flock /tmp/bench.lock .venv/bin/python "$script" "$@")
  echo -n "after:  "; (cd "$after" && flock /tmp/bench.lock .venv/bin/python "$script" "$@")
done
uptime
