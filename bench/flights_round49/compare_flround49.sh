#!/bin/sh
# RULE.md: main, this branch and the candidates in one run; the shared script bench/flights_rounds/compare.sh. Usage: compare_flround49.sh studied|judges [CANDIDATE...].
set -e
cd "$(dirname "$0")/../.."
exec sh bench/flights_rounds/compare.sh flights_round49 flights_round49/measure_flround49.py "$@"
