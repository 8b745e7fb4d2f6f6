#!/bin/sh
# RULE.md: main, this branch and the candidates (switched by --switch) in one run; the shared script bench/flights_rounds/compare.sh. Usage: compare_flprec47.sh studied|judges [CANDIDATE...].
set -e
cd "$(dirname "$0")/../.."
SWITCH=flight_report.CANDIDATES_P47 exec sh bench/flights_rounds/compare.sh flights_prec47 flights_round47/measure_flround47.py "$@"
