#!/usr/bin/env bash
# Before/after pairs of stage_cost.py, alternated, under the bench lock. "Before" is BASE (a
# commit, default main's merge base) with its services/stories exported to a temp dir and put
# first on PYTHONPATH; the rest of the venv (shared code, the driver) is the branch's.
#   bench/stories_cpu42/ab.sh PAIRS [stage_cost.py arguments...]
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=${1:-3}; shift || true
base=${BASE:-$(git merge-base HEAD main)}
dir=$(mktemp -d)
git archive "$base" services/stories | tar -x -C "$dir"
uptime
for n in $(seq "$pairs"); do
  echo -n "before: "; flock /tmp/bench.lock env PYTHONPATH="$dir/services/stories" \
    .venv/bin/python bench/stories_cpu42/stage_cost.py "$@"
  echo -n "after:  "; flock /tmp/bench.lock .venv/bin/python bench/stories_cpu42/stage_cost.py "$@"
done
uptime
rm -rf "$dir"
