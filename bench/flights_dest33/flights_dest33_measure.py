"""Destination round (issue 15, stop 33): per studied file, the counts of the goal fields
(precision, recall, destination, status, origin, people) with this checkout's extractor, and
whether it gets right each report the honest (out-of-sample) rules got wrong on destination.
Never a judge set (firelight, tideline, lodestar are skipped by name). Aggregates and ids only.

    .venv/bin/python -W ignore bench/flights_dest33/flights_dest33_measure.py OUT.json
    .venv/bin/python bench/flights_dest33/flights_dest33_measure.py --compare A.json B.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import normalise, predict, predicted_value, score

JUDGES = ("flights_tideline", "flights_lodestar", "flights_firelight", "flights_brazier")
GOALS = ("tp", "fp", "fn", "destination", "status", "origin", "people")
HONEST = Path("bench/flights_honest/flights_honest_cues.json")


def studied() -> list[Path]:
    return [
        p
        for p in sorted(Path("tests/data").glob("flights_*.jsonl"))
        if not any(p.name.startswith(j) for j in JUDGES)
    ]


def honest_errors() -> set[str]:
    """Ids of true reports the honest rules found with a wrong destination."""
    cues = json.loads(HONEST.read_text(encoding="utf-8"))
    wrong: set[str] = set()
    for name, entry in cues.items():
        rows = {r["id"]: r for r in entry["items"]}
        for line in Path("tests/data", name).read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            gold, row = obj.get("flight"), rows.get(obj["id"])
            if gold and row and row["record"] and row["destination"] != gold["destination"]:
                wrong.add(obj["id"])
    return wrong


def measure() -> dict[str, Any]:
    files: dict[str, dict[str, int]] = {}
    study: dict[str, bool] = {}
    wrong = honest_errors()
    for path in studied():
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        s = score(lines)
        row = {"tp": s.tp, "fp": s.fp, "fn": s.fn}
        row.update({k: s.correct[k] for k in GOALS[3:]})
        files[path.name] = row
        for obj in lines:
            if obj.get("id") in wrong:
                flight = predict(obj)
                want = normalise("destination", obj["flight"]["destination"])
                got = flight and normalise("destination", predicted_value(flight, "destination"))
                study[obj["id"]] = bool(flight) and want == got
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
    right_a, right_b = sum(a["study"].values()), sum(b["study"].values())
    print(f"honest destination errors ({len(a['study'])}): right now {right_a} -> {right_b}")
    for k in sorted(a["study"]):
        if a["study"][k] != b["study"][k]:
            print(f"  {k}: {a['study'][k]} -> {b['study'][k]}")


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        compare(*(json.loads(Path(p).read_text()) for p in sys.argv[2:4]))
    else:
        Path(sys.argv[1]).write_text(json.dumps(measure(), indent=1) + "\n")
