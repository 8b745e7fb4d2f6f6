#!/usr/bin/env bash
# A stories round's speed clause: instructions to cluster the studied files' cached items once
# (a callgrind run with one lap less a run with none), main ("") then each label given, each run
# under the bench lock (counts are deterministic up to hashing). SCRIPT is the round's
# cluster_laps caller (it takes --cache, or LABEL LAPS); CACHE is the pickle it writes.
# Usage: bench/stories_learned/count_laps.sh SCRIPT CACHE [LABEL...]
set -euo pipefail
script=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cache=$2
shift 2
py=$(cd "$(dirname "$0")/../.." && pwd)/.venv/bin/python
cd "$(dirname "$script")"
[ -f "$cache" ] || "$py" "$script" --cache
count() {  # label laps -> instructions
    flock /tmp/bench.lock valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$py" "$script" "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for label in main "$@"; do
    zero=$(count "$label" 0)
    one=$(count "$label" 1)
    echo "$label: $((one - zero)) instructions"
done
