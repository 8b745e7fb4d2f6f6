#!/bin/sh
# RULE.md: main, this branch and the candidates in one run; the shared script bench/flights_rounds/compare.sh. Usage: compare_florigin49.sh studied|judges [CANDIDATE...].
set -e
cd "$(dirname "$0")/../.."
exec sh bench/flights_rounds/compare.sh flights_origin49 flights_origin49/measure_florigin49.py "$@"
