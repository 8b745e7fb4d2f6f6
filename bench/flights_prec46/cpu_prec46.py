"""CPU seconds of extract() over every studied flights item (judges left out), three passes after a
warm-up, with the candidates named in argv[1] switched on (none on main's copy); alternated with
main's copy by cpu.sh under the bench lock."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import wirewatch_flights.not_a_record as nar
from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import load_tables

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
JUDGES = ("flights_fresh45", "flights_fresh46")

rows = [
    json.loads(x)
    for p in sorted(DATA.glob("flights_*.jsonl"))
    if p.stem not in JUDGES
    for x in p.read_text(encoding="utf-8").splitlines()
    if x.strip()
]
tree = "main"
if hasattr(nar, "CANDIDATES_46"):
    nar.CANDIDATES_46 = frozenset(sys.argv[1] if len(sys.argv) > 1 else "")
    tree = f"branch[{''.join(sorted(nar.CANDIDATES_46))}]"
load_tables()
for obj in rows:
    predict(obj)
start = time.process_time()
for _ in range(3):
    for obj in rows:
        predict(obj)
cpu_s = round(time.process_time() - start, 3)
print(json.dumps({"tree": tree, "items": len(rows), "cpu_s": cpu_s}))
