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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "flights_honest"))
from studied_sets import goal_counts, measured_files, print_file_table, read_lines

FLIGHTS = "repatriation-flights"
HELD_BACK = ("classify_pool_halcyon",)
"""A classify judge, held back whole: never read here."""


def measure() -> dict[str, Any]:
    files: dict[str, dict[str, Any]] = {}
    for path in measured_files():
        s = score(read_lines(path))
        row = goal_counts(s)
        row["fp_ids"] = [e["id"] for e in s.errors if e.get("error") == "not a flight record"]
        files[path.name] = row
    pools: dict[str, dict[str, Any]] = {}
    for path in measured_files("classify_*.jsonl", skip=HELD_BACK):
        rows = [o for o in read_lines(path) if isinstance(o.get("labels"), list)]
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
    print_file_table(a["files"], b["files"])
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
