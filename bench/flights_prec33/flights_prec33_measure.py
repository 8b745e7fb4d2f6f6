"""Precision round (issue 15, stop 33): per studied file the goal-field counts (tp, fp, fn,
destination, status, origin, people) with this checkout's extractor, and the records on the
labelled classify files (on items labelled repatriation-flights: likely true; on the others:
likely false). Never a judge set (flights firelight, tideline, lodestar; classify halcyon is
held back and skipped too). Aggregates and ids only.

    .venv/bin/python -W ignore bench/flights_prec33/flights_prec33_measure.py OUT.json
    .venv/bin/python -W ignore bench/flights_prec33/flights_prec33_measure.py --compare A B
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import predict, score

JUDGES = (
    "flights_tideline",
    "flights_lodestar",
    "flights_firelight",
    "flights_brazier",
    "classify_pool_halcyon",
)
GOALS = ("tp", "fp", "fn", "destination", "status", "origin", "people")
FLIGHTS = "repatriation-flights"


def _kept(pattern: str) -> list[Path]:
    return [
        p
        for p in sorted(Path("tests/data").glob(pattern))
        if not any(p.name.startswith(j) for j in JUDGES)
    ]


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def measure() -> dict[str, Any]:
    files: dict[str, dict[str, Any]] = {}
    for path in _kept("flights_*.jsonl"):
        s = score(_lines(path))
        row: dict[str, Any] = {"tp": s.tp, "fp": s.fp, "fn": s.fn}
        row.update({k: s.correct[k] for k in GOALS[3:]})
        row["fp_ids"] = [e["id"] for e in s.errors if e.get("error") == "not a flight record"]
        files[path.name] = row
    pools: dict[str, dict[str, Any]] = {}
    for path in _kept("classify_*.jsonl"):
        rows = [o for o in _lines(path) if isinstance(o.get("labels"), list)]
        flagged = [o for o in rows if predict(o) is not None]
        on = [o["id"] for o in flagged if FLIGHTS in o["labels"]]
        off = [o["id"] for o in flagged if FLIGHTS not in o["labels"]]
        labelled = sum(1 for o in rows if FLIGHTS in o["labels"])
        pools[path.name] = {
            "flights_items": labelled,
            "other_items": len(rows) - labelled,
            "records_on_flights": len(on),
            "records_on_others": len(off),
            "other_ids": off,
        }
    return {"files": files, "pools": pools}


def compare(a: dict[str, Any], b: dict[str, Any]) -> None:
    print(f"{'file':28s} " + " ".join(f"{g:>11s}" for g in GOALS))
    sums = {g: [0, 0] for g in GOALS}
    for name, row in a["files"].items():
        other = b["files"][name]
        for g in GOALS:
            sums[g][0] += row[g]
            sums[g][1] += other[g]
        if any(other[g] != row[g] for g in GOALS):
            cells = [
                f"{row[g]:>4d}->{other[g]:<4d}{'*' if other[g] != row[g] else ' '}" for g in GOALS
            ]
            print(f"{name:28s} " + " ".join(cells))
    print(f"{'SUM':28s} " + " ".join(f"{x:>4d}->{y:<5d}" for x, y in sums.values()))
    keys = ("records_on_flights", "records_on_others")
    pooled = {k: [0, 0] for k in keys}
    n = {"flights_items": 0, "other_items": 0}
    for name, row in a["pools"].items():
        other = b["pools"][name]
        for k in keys:
            pooled[k][0] += row[k]
            pooled[k][1] += other[k]
        for k in n:
            n[k] += row[k]
        gone = sorted(set(row["other_ids"]) - set(other["other_ids"]))
        new = sorted(set(other["other_ids"]) - set(row["other_ids"]))
        if gone or new or row[keys[0]] != other[keys[0]]:
            print(f"pool {name}: flights {row[keys[0]]}->{other[keys[0]]}, -{gone} +{new}")
    print(
        f"POOLS records on flights-labelled {pooled[keys[0]]} of {n['flights_items']}; "
        f"on others {pooled[keys[1]]} of {n['other_items']}"
    )


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        compare(*(json.loads(Path(p).read_text()) for p in sys.argv[2:4]))
    else:
        Path(sys.argv[1]).write_text(json.dumps(measure(), indent=1) + "\n")
