#!/bin/sh
# RULE.md (v): the speed pairs (bench/flights_extract.py --items 10000, main against a copy of this
# branch with not_a_record.CANDIDATES_P49 set to SWITCH; empty: the branch as it is); the shared
# script bench/flights_rounds/speed.sh. Usage: speed_flprec49.sh [PAIRS] [SWITCH].
set -e
cd "$(dirname "$0")/../.."
C=/tmp/flprec49_cand_speed
rm -rf $C && mkdir -p $C/services/flights
cp -r services/flights/wirewatch_flights $C/services/flights/
if [ -n "$2" ]; then
  sed -i "s/^CANDIDATES_P49: frozenset\[str\] = .*/CANDIDATES_P49: frozenset[str] = frozenset(\"$2\")/" \
    $C/services/flights/wirewatch_flights/not_a_record.py
fi
grep '^CANDIDATES_P49' $C/services/flights/wirewatch_flights/not_a_record.py || true
CAND=$C/services/flights exec sh bench/flights_rounds/speed.sh flights_prec49 "${1:-4}" 10000
