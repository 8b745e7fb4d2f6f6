#!/bin/sh
# RULE.md: main, this branch and the candidates in one run; the shared script
# bench/flights_rounds/compare.sh. Usage: compare_flprec49.sh studied|judges [CANDIDATE...].
set -e
cd "$(dirname "$0")/../.."
exec sh bench/flights_rounds/compare.sh flights_prec49 flights_prec49/measure_flprec49.py "$@"
