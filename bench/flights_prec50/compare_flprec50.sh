#!/bin/sh
# RULE.md: main, this branch and the candidates in one run; the shared script
# bench/flights_rounds/compare.sh. Usage: compare_flprec50.sh studied|judges [CANDIDATE...].
set -e
cd "$(dirname "$0")/../.."
exec sh bench/flights_rounds/compare.sh flights_prec50 flights_prec50/measure_flprec50.py "$@"
