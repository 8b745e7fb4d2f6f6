"""The false records of today's extractor on the released flights files, one line each
(file, id, title, the labelling note's first words), for the stop-41 precision round.

    .venv/bin/python bench/flights_prec41/false_records.py [--missed]

Never a judge (``wirewatch_flights.training.JUDGES``) and never ``flights_quarry.jsonl``
(measured once as never-seen at stop 41, its errors not read)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirewatch_flights.evaluation import gold_record, predict
from wirewatch_flights.training import JUDGES

DATA = Path("tests/data")
SKIP = JUDGES | {"flights_quarry.jsonl"}


def released() -> list[Path]:
    return [p for p in sorted(DATA.glob("flights_*.jsonl")) if p.name not in SKIP]


def main() -> None:
    missed = "--missed" in sys.argv
    n = 0
    for path in released():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            gold = gold_record(obj)
            got = predict(obj)
            wrong = (
                (gold is not None and got is None) if missed else (gold is None and got is not None)
            )
            if wrong:
                n += 1
                note = str(obj.get("note") or "")[:160]
                print(
                    f"{path.name[8:-6]:10s} {obj['id']:9s} {obj['lang']} | "
                    f"{obj['title'][:110]} || {note}"
                )
    print(n, "missed reports" if missed else "false records")


if __name__ == "__main__":
    main()
