#!/bin/sh
# RULE.md (v): the speed pairs (bench/flights_extract.py --items 10000, main against this branch with
# candidate SWITCH on: a copy whose not_a_record.CANDIDATES_P48 default is set; empty SWITCH: the branch
# as it is); the shared script bench/flights_rounds/speed.sh. Usage: speed_flprec48.sh [PAIRS] [SWITCH].
set -e
cd "$(dirname "$0")/../.."
C=/tmp/flprec48_cand_speed
rm -rf $C && mkdir -p $C/services/flights
cp -r services/flights/wirewatch_flights $C/services/flights/
if [ -n "$2" ]; then
  set_to=$(echo "$2" | sed 's/./"&", /g; s/, $//')
  sed -i "s/^CANDIDATES_P48: frozenset\[str\] = .*/CANDIDATES_P48: frozenset[str] = frozenset({$set_to})/" \
    $C/services/flights/wirewatch_flights/not_a_record.py
fi
grep '^CANDIDATES_P48' $C/services/flights/wirewatch_flights/not_a_record.py || true
CAND=$C/services/flights exec sh bench/flights_rounds/speed.sh flights_prec48 "${1:-3}" 10000
