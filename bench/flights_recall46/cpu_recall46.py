"""CPU seconds of extract() over every studied flights item (judges left out), three passes after
a warm-up; run once per tree, alternated with main's (cpu.sh), under the bench lock."""

from __future__ import annotations

import json
import time
from pathlib import Path

import wirewatch_flights.flight_report as flight_report
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
load_tables()
for obj in rows:
    predict(obj)
start = time.process_time()
for _ in range(3):
    for obj in rows:
        predict(obj)
print(
    json.dumps(
        {"tree": flight_report.__file__, "items": len(rows), "cpu_s": time.process_time() - start}
    )
)
