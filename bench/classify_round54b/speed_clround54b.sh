#!/usr/bin/env bash
# Stop 54, second round (RULE.md clause 4): the shared speed-clause runner (bench/classify_speed34/
# candidate_vs_main.sh: callgrind instructions per item, main's package against the candidate's
# scratch package /tmp/clround54b_pkgX with its topic file and model, under flock /tmp/bench.lock).
# Usage: bench/classify_round54b/speed_clround54b.sh X [PAIRS] [ITEMS]  (X = A or B)
set -euo pipefail
cd "$(dirname "$0")/../.."
cand="$1"
exec bench/classify_speed34/candidate_vs_main.sh "/tmp/clround54b_pkg$cand" "bench/classify_round54b/speed_${cand,,}.txt" "$cand" "${@:2}"
