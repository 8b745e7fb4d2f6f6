#!/usr/bin/env bash
# Stop 53, second round (RULE.md clause 4): instructions per item of the classify handler's pure part
# (bench/classify_speed34/callgrind_ab.sh, valgrind callgrind), main's package against a
# candidate's scratch package (/tmp/clround53b_pkgX: its topic files and model), alternated
# pairs (main, X, main, X), each run under flock /tmp/bench.lock. Ratio X/main of the medians.
# Usage: bench/classify_round53b/speed_clround53b.sh X [PAIRS] [ITEMS]  (X = B2)
set -euo pipefail
cd "$(dirname "$0")/../.."
cand="$1"; pairs="${2:-2}"; items="${3:-4000}"
pkg="/tmp/clround53b_pkg${cand}"
out="bench/classify_round53b/speed_${cand,,}.txt"
: >"$out"
for i in $(seq "$pairs"); do
  for who in main "$cand"; do
    if [ "$who" = main ]; then pp=""; else pp="$pkg"; fi
    line="$(flock /tmp/bench.lock env PYTHONPATH="$pp" bench/classify_speed34/callgrind_ab.sh "$items")"
    echo "$who pair$i $line load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
  done
done
python3 - "$out" "$cand" <<'PY' | tee -a "$out"
import re, statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if "Ir/item" in l]
per = {}
for r in rows:
    per.setdefault(r[0], []).append(float(r[2].replace(",", "")))
m, c = statistics.median(per["main"]), statistics.median(per[sys.argv[2]])
print(f"median Ir/item main {m:,.0f} {sys.argv[2]} {c:,.0f}; ratio {c / m:.4f} "
      f"(clause 4: <= {1 / 0.95:.4f}) -> {'pass' if c / m <= 1 / 0.95 else 'FAIL'}")
PY
