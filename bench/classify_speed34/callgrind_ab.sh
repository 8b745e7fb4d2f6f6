#!/usr/bin/env bash
# Study script (stop 33; kept at stop 34): instructions per item of the handler's pure part
# (handler_cpu.py --callgrind) for the checkout whose code is on PYTHONPATH (default: this one).
# Usage: bench/classify_speed34/callgrind_ab.sh [ITEMS] ; prints "Ir/item".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
items="${1:-4000}"
out="$(mktemp -d)"
coproc CG { PYTHONHASHSEED=0 valgrind --tool=callgrind --instr-atstart=no \
    --callgrind-out-file="$out/cg.out" "$here/../../.venv/bin/python" \
    "$here/handler_cpu.py" --callgrind --items "$items" --warm 6000 2>"$out/vg.log"; }
read -r ready pid <&"${CG[0]}"
[ "$ready" = READY ] || { echo "unexpected: $ready" >&2; exit 1; }
callgrind_control -i on "$pid" >/dev/null
echo go >&"${CG[1]}"
wait "$CG_PID" || true
total="$(grep -E '^(summary|totals):' "$out/cg.out" | head -1 | awk '{print $2}')"
python3 -c "print(f'{$total / $items:,.0f} Ir/item ({$total:,} over $items items)')"
if [ -n "${KEEP:-}" ]; then cp "$out/cg.out" "$KEEP"; fi
rm -rf "$out"
