#!/bin/sh
# Stop 52 speed clause (RULE.md): bench/classify_core.py with main's package (a detached worktree
# of main) against a candidate's scratch package, both on PYTHONPATH, alternated under the bench
# lock; the order flips each pair. Usage: speed_clround52.sh PAIRS MAIN_PKGROOT NAME=PKGROOT
# Output: appended to bench/classify_round52/speed.txt (load average at each run's start).
set -e
cd "$(dirname "$0")/../.."
pairs=$1 base=$2 cand=$3
out=bench/classify_round52/speed.txt
i=0
while [ "$i" -lt "$pairs" ]; do
  i=$((i + 1))
  if [ $((i % 2)) -eq 1 ]; then order="main=$base $cand"; else order="$cand main=$base"; fi
  for spec in $order; do
    name=${spec%%=*} pp=${spec#*=}
    line=$(PYTHONPATH=$pp flock /tmp/bench.lock .venv/bin/python bench/classify_core.py \
      --rounds 3 | grep '^mixed stream')
    echo "pair $i $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) $line" | tee -a "$out"
  done
done
