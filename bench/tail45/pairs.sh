#!/bin/sh
# Before (main at the session's start, its own venv) against this branch, alternated, each
# run under flock /tmp/bench.lock with the same harness (this branch's bench/pipeline.py) and
# --gc-log; outputs in OUT/<pair>-<side>.txt, GC logs in OUT/<pair>-<side>.gc/ (stop 45).
#   sh bench/tail45/pairs.sh /work/wt/tail45-before/.venv/bin/python OUT 3
set -eu
BEFORE_PY=$1 OUT=$2 PAIRS=${3:-3}
HERE=$(cd "$(dirname "$0")/../.." && pwd)
AFTER_PY=$HERE/.venv/bin/python
mkdir -p "$OUT"
run() {  # side python pair
    flock /tmp/bench.lock "$2" "$HERE/bench/pipeline.py" --stages flights --hop-items 500 \
        --feeds 50 --skip-scale --ceiling-messages 2000 --gc-log "$OUT/$3-$1.gc" \
        > "$OUT/$3-$1.txt" 2>&1 || echo "run $3-$1 failed" >&2
}
for pair in $(seq 1 "$PAIRS"); do
    if [ $((pair % 2)) -eq 1 ]; then
        run before "$BEFORE_PY" "$pair"; run after "$AFTER_PY" "$pair"
    else
        run after "$AFTER_PY" "$pair"; run before "$BEFORE_PY" "$pair"
    fi
done
