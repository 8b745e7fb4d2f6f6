#!/usr/bin/env bash
# citime53: seconds to start `wirewatch ARGS` (the entry point, in a fresh process), main's
# src/ (a `git archive` of branch main in /tmp/citime53_main) against this worktree's, in
# alternated pairs. Usage: cli_start_citime53.sh PAIRS ARGS...  (run under flock /tmp/bench.lock)
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=$1; shift
run() {  # $1: extra PYTHONPATH ('' for this worktree)
  local start end path=$1
  shift
  start=$(date +%s.%N)
  PYTHONPATH=$path .venv/bin/python -c "from wirewatch.cli import main; main()" "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
for _ in $(seq "$pairs"); do
  m=$(run /tmp/citime53_main/src "${@}")
  b=$(run "" "${@}")
  echo "main $m branch $b ratio $(echo "scale=3; $b / $m" | bc)"
done
