#!/bin/sh
# RULE.md: main, this branch and the candidates in one run; the shared script
# bench/flights_rounds/compare.sh. Usage: compare_flround53.sh studied|judges [CANDIDATE...].
set -e
cd "$(dirname "$0")/../.."
exec sh bench/flights_rounds/compare.sh flights_round53 flights_round53/measure_flround53.py "$@"
