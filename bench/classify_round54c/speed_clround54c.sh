#!/usr/bin/env bash
# Stop 54, third round (RULE.md clause 4): the shared speed-clause runner (bench/classify_speed34/
# candidate_vs_main.sh: callgrind instructions per item, main's package against the candidate's
# scratch package /tmp/clround54c_pkgX with its topic file and model, under flock /tmp/bench.lock).
# Usage: bench/classify_round54c/speed_clround54c.sh X [PAIRS] [ITEMS]  (X = C or D)
set -euo pipefail
cd "$(dirname "$0")/../.."
cand="$1"
exec bench/classify_speed34/candidate_vs_main.sh "/tmp/clround54c_pkg$cand" "bench/classify_round54c/speed_${cand,,}.txt" "$cand" "${@:2}"
