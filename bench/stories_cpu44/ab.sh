#!/usr/bin/env bash
# Before/after pairs of a stories bench script, alternated, under the bench lock (stop 44).
# "Before" is BASE (default main's merge base) with its services/stories exported to a temp dir
# and put first on PYTHONPATH; the rest of the venv is the branch's.
#   bench/stories_cpu44/ab.sh PAIRS SCRIPT [arguments...]
#   e.g. bench/stories_cpu44/ab.sh 4 bench/stories_cpu42/extract_cost.py
#        bench/stories_cpu44/ab.sh 3 bench/stories_cpu42/stage_cost.py --items 1500
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=$1; script=$2; shift 2
base=${BASE:-$(git merge-base HEAD main)}
dir=$(mktemp -d)
git archive "$base" services/stories | tar -x -C "$dir"
uptime
for n in $(seq "$pairs"); do
  echo -n "before: "; flock /tmp/bench.lock env PYTHONPATH="$dir/services/stories" \
    .venv/bin/python "$script" "$@"
  echo -n "after:  "; flock /tmp/bench.lock .venv/bin/python "$script" "$@"
done
uptime
rm -rf "$dir"
