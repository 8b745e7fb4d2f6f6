#!/usr/bin/env bash
# citime54: CPU seconds (user + sys) and wall seconds to start `wirewatch ARGS` in a fresh
# process, main's src/ (a `git archive main src` in /tmp/citime54_main) against this worktree's,
# in alternated pairs (as bench/citime53/cli_start_citime53.sh, plus CPU).
# Usage: cli_start_citime54.sh PAIRS ARGS...  (run under flock /tmp/bench.lock)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d /tmp/citime54_main/src ] || { mkdir -p /tmp/citime54_main; git archive main src | tar -x -C /tmp/citime54_main; }
pairs=$1; shift
run() {  # $1: extra PYTHONPATH ('' for this worktree); prints "cpu wall"
  local path=$1
  shift
  PYTHONPATH=$path /usr/bin/time -f '%U %S %e' -o /tmp/citime54_cli.time \
    .venv/bin/python -c "from wirewatch.cli import main; main()" "$@" >/dev/null 2>&1 || true
  read -r user sys wall <<<"$(tail -1 /tmp/citime54_cli.time)"
  echo "$(echo "$user + $sys" | bc) $wall"
}
for _ in $(seq "$pairs"); do
  read -r mc mw <<<"$(run /tmp/citime54_main/src "${@}")"
  read -r bc bw <<<"$(run "" "${@}")"
  echo "$* | main cpu $mc wall $mw | branch cpu $bc wall $bw | load $(cut -d' ' -f1 /proc/loadavg)"
done
