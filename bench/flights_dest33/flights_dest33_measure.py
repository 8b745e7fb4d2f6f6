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

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "flights_honest"))
from studied_sets import measure_with_study, print_file_table

HONEST = Path("bench/flights_honest/flights_honest_cues.json")


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
    return measure_with_study("destination", honest_errors())


def compare(a: dict[str, Any], b: dict[str, Any]) -> None:
    print_file_table(a["files"], b["files"])
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
