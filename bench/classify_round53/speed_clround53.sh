#!/usr/bin/env bash
# Stop 53 (RULE.md clause 4): instructions per item of the classify handler's pure part
# (bench/classify_speed34/callgrind_ab.sh, valgrind callgrind), main's package against a
# candidate's scratch package (/tmp/clround53_pkgX: its topic files and model), alternated
# pairs (main, X, main, X), each run under flock /tmp/bench.lock. Ratio X/main of the medians.
# Usage: bench/classify_round53/speed_clround53.sh X [PAIRS] [ITEMS]  (X = A or B)
set -euo pipefail
cd "$(dirname "$0")/../.."
cand="$1"
exec bench/classify_speed34/candidate_vs_main.sh "/tmp/clround53_pkg$cand" "bench/classify_round53/speed_${cand,,}.txt" "$cand" "${@:2}"
