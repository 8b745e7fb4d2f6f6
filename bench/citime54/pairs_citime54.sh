#!/usr/bin/env bash
# Alternated CPU pairs of one test file: main's tests (a `git archive main` copy) against this
# branch's, each `pytest -q -n 0 FILE` under /usr/bin/time (user + sys of pytest and all it
# started). Usage: pairs_citime54.sh FILE PAIRS OUT; run it under `flock /tmp/bench.lock`.
# The product code is the branch's in both (the venv's editable install): only tests differ.
set -euo pipefail
file=$1 pairs=$2 out=$3
here=$(cd "$(dirname "$0")/../.." && pwd)
main=/tmp/citime54_main
[ -d "$main/tests" ] || { mkdir -p "$main"; git -C "$here" archive main pyproject.toml tests | tar -x -C "$main"; }
for n in $(seq "$pairs"); do
  for side in main branch; do
    dir=$here; [ "$side" = main ] && dir=$main
    cpu=$(cd "$dir" && { /usr/bin/time -f '%U %S %e' "$here/.venv/bin/python" -m pytest -q -n 0 \
      -p no:cacheprovider "$file" >/dev/null 2>/tmp/citime54_pair.err; } 2>&1; tail -1 /tmp/citime54_pair.err)
    read -r user sys wall <<<"$cpu"
    echo "$file $side pair=$n user=$user sys=$sys cpu=$(echo "$user + $sys" | bc) wall=$wall load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
  done
done
