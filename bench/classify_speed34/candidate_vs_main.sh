#!/usr/bin/env bash
# A classify round's speed clause: instructions per item of the classify handler's pure part
# (callgrind_ab.sh here, valgrind callgrind), main's package against a candidate's scratch
# package PKG (its topic files and model on PYTHONPATH), alternated pairs (main, LABEL, main,
# LABEL), each run under flock /tmp/bench.lock; figures and the ratio LABEL/main of the medians
# (pass if <= 1/0.95) written to OUT. Rounds 53 and 53b call it.
# Usage: bench/classify_speed34/candidate_vs_main.sh PKG OUT LABEL [PAIRS] [ITEMS]
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg="$1"; out="$2"; cand="$3"; pairs="${4:-2}"; items="${5:-4000}"
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
