#!/bin/sh
# Stop 45 (bench/flights_prec45/RULE.md): main and each candidate on a labelled flights file,
# plain and --as-service, aggregates only.   bench/flights_prec45/read_judge.sh FILE [FILE ...]
root="$(cd "$(dirname "$0")/../.." && pwd)"
exec "$root/.venv/bin/python" "$root/bench/flights_prec45/judge.py" "$@"
