"""People vocabulary round (issue 15, stop 33): per studied file, the counts of the goal fields
(precision, recall, destination, status, origin, people) with this checkout's extractor, and
the people on the honest study's "not read" list. Never a judge set (firelight, tideline,
lodestar are skipped by name). Aggregates and study ids only.

    .venv/bin/python -W ignore bench/flights_nouns/flights_nouns_measure.py OUT.json
    .venv/bin/python -W ignore bench/flights_nouns/flights_nouns_measure.py --compare A.json B.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import normalise, predict, predicted_value, score

JUDGES = ("flights_tideline", "flights_lodestar", "flights_firelight", "flights_brazier")
GOALS = ("tp", "fp", "fn", "destination", "status", "origin", "people")
STUDY_NOT_READ = (
    *("fl-20033", "fl-18018", "fl-9003"),  # a people noun not read
    *("fl-8024", "fl-18021", "fl-28027", "fl-9517"),  # a counted demonym not read
    *("fl-7011", "fl-3013", "fl-27031"),  # number words or styles
)
"""The honest study's "rules null, the number in the text" errors of vocabulary
(bench/flights_honest/flights_people_study.py, KINDS)."""


def studied() -> list[Path]:
    return [
        p
        for p in sorted(Path("tests/data").glob("flights_*.jsonl"))
        if not any(p.name.startswith(j) for j in JUDGES)
    ]


def measure() -> dict[str, Any]:
    files: dict[str, dict[str, int]] = {}
    study: dict[str, bool] = {}
    for path in studied():
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        s = score(lines)
        row = {"tp": s.tp, "fp": s.fp, "fn": s.fn}
        row.update({k: s.correct[k] for k in GOALS[3:]})
        files[path.name] = row
        for obj in lines:
            if obj.get("id") in STUDY_NOT_READ:
                flight = predict(obj)
                want = normalise("people", obj["flight"]["people"])
                got = flight and normalise("people", predicted_value(flight, "people"))
                study[obj["id"]] = want == got
    return {"files": files, "study": study}


def compare(a: dict[str, Any], b: dict[str, Any]) -> None:
    print(f"{'file':28s} " + " ".join(f"{g:>11s}" for g in GOALS))
    sums = {g: [0, 0] for g in GOALS}
    for name, row in a["files"].items():
        other = b["files"][name]
        cells = []
        for g in GOALS:
            sums[g][0] += row[g]
            sums[g][1] += other[g]
            d = other[g] - row[g]
            cells.append(f"{row[g]:>4d}->{other[g]:<4d}{'*' if d else ' '}")
        if any(other[g] != row[g] for g in GOALS):
            print(f"{name:28s} " + " ".join(cells))
    print(f"{'SUM':28s} " + " ".join(f"{x:>4d}->{y:<5d}" for x, y in sums.values()))
    for k in a["study"]:
        print(f"study {k}: {a['study'][k]} -> {b['study'][k]}")


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        compare(*(json.loads(Path(p).read_text()) for p in sys.argv[2:4]))
    else:
        Path(sys.argv[1]).write_text(json.dumps(measure(), indent=1) + "\n")
