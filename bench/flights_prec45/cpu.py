"""The extractor's CPU per item with stop 45's candidates off (the branch) and both on,
alternated in one session; ratios only (protocol: timed runs under flock /tmp/bench.lock).

    flock /tmp/bench.lock .venv/bin/python bench/flights_prec45/cpu.py"""

from __future__ import annotations

import json
import time
from pathlib import Path

from wirewatch_flights import not_a_record
from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import load_tables
from wirewatch_flights.training import JUDGES

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"


def main() -> None:
    rows = [
        json.loads(x)
        for p in sorted(DATA.glob("flights_*.jsonl"))
        if p.name not in JUDGES
        for x in p.read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    load_tables()
    for obj in rows:
        predict(obj)  # warm
    ratios = []
    for _ in range(5):
        spent = {}
        for name, switched in (("off", frozenset()), ("on", frozenset({"tally", "carrier"}))):
            not_a_record.CANDIDATES_45 = switched
            start = time.process_time()
            for obj in rows:
                predict(obj)
            spent[name] = time.process_time() - start
        not_a_record.CANDIDATES_45 = frozenset()
        ratios.append(spent["on"] / spent["off"])
    print(f"{len(rows)} items; CPU on/off per pass: " + " ".join(f"{r:.3f}" for r in ratios))


if __name__ == "__main__":
    main()
