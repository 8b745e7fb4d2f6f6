#!/bin/sh
# RULE.md: main, this branch and the candidates in one run; the shared script
# bench/flights_rounds/compare.sh. Usage: compare_flround52.sh studied|judges [CANDIDATE...].
set -e
cd "$(dirname "$0")/../.."
exec sh bench/flights_rounds/compare.sh flights_round52 flights_round52/measure_flround52.py "$@"
