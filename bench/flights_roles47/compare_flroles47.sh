#!/bin/sh
# RULE.md: main, this branch and the candidates (main's copy with candidates.diff applied, switched by --switch) in one run; the shared script bench/flights_rounds/compare.sh. Usage: compare_flroles47.sh studied|judges [CANDIDATE...].
set -e
cd "$(dirname "$0")/../.."
PATCHED=1 SWITCH=roles.CANDIDATES_ROLES47 exec sh bench/flights_rounds/compare.sh flights_roles47 flights_round47/measure_flround47.py "$@"
