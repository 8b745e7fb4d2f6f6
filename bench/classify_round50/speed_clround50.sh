#!/bin/sh
# Stop 50 clause 4 (RULE.md): bench/classify_core.py, main's package against candidates' scratch
# packages (PYTHONPATH, the candidate's topic files and model), alternated runs under the bench
# lock; the order flips each pair. Usage: speed_clround50.sh PAIRS NAME=PKGROOT [NAME=PKGROOT ...]
# Output: appended to $OUT (default bench/classify_round50/speed.txt) (load average at each run's start).
set -e
cd "$(dirname "$0")/../.."
pairs=$1
shift
out=${OUT:-bench/classify_round50/speed.txt}
i=0
while [ "$i" -lt "$pairs" ]; do
  i=$((i + 1))
  if [ $((i % 2)) -eq 1 ]; then order="main $*"; else order="$* main"; fi
  for spec in $order; do
    name=${spec%%=*} pp=${spec#*=}
    [ "$spec" = main ] && pp=
    line=$(PYTHONPATH=$pp flock /tmp/bench.lock .venv/bin/python bench/classify_core.py \
      --rounds 3 | grep '^mixed stream')
    echo "pair $i $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$out"
  done
done
