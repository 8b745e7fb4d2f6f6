#!/bin/sh
# RULE.md (v): the speed pairs (bench/flights_extract.py --items 10000, main against this branch, alternated, under the bench lock); the shared script bench/flights_rounds/speed.sh. Usage: speed_flround50.sh [PAIRS].
set -e
cd "$(dirname "$0")/../.."
exec sh bench/flights_rounds/speed.sh flights_round50 ${1:-4} 10000
