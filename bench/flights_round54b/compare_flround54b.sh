#!/bin/sh
# RULE.md: main, this branch and the candidates in one run; the shared script
# bench/flights_rounds/compare.sh. Usage: compare_flround54b.sh studied|judges [CANDIDATE...].
set -e
cd "$(dirname "$0")/../.."
exec sh bench/flights_rounds/compare.sh flights_round54b flights_round54b/measure_flround54b.py "$@"
