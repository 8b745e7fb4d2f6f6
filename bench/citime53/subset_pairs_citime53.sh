#!/usr/bin/env bash
# citime53: wall seconds of one test file's run (-n 2), main's src/ (PYTHONPATH, inherited
# by every `wirewatch` the tests start) against the branch's, alternated, each under the
# bench lock. Usage: subset_pairs_citime53.sh PAIRS TESTFILE
set -uo pipefail
cd "$(dirname "$0")/../.."
pairs=$1; file=$2
run() {  # $1: PYTHONPATH ('' for this worktree)
  flock /tmp/bench.lock bash -c "s=\$(date +%s.%N); PYTHONPATH='$1' .venv/bin/pytest -q -p no:cacheprovider -n 2 $file >/tmp/citime53_subset.log 2>&1; rc=\$?; e=\$(date +%s.%N); echo \"\$(echo \"\$e - \$s\" | bc) rc=\$rc \$(tail -1 /tmp/citime53_subset.log)\""
}
for _ in $(seq "$pairs"); do
  echo "main   $(run /tmp/citime53_main/src)"
  echo "branch $(run '')"
done
