"""Studied-set figures of one checkout (issue 15, stop 33 status round; helper flstatus33).

Scores every studied ``tests/data/flights_*.jsonl`` (never the judges tideline, lodestar,
firelight) with the ``wirewatch_flights`` that ``PYTHONPATH`` puts first, and writes per file
tp/fp/fn and the goal fields right (counts), plus the ids whose status is wrong, as JSON.
Main is read from a ``git archive`` export of main (its ``services/flights`` and ``shared``
first on ``PYTHONPATH``), the branch from its own tree:

    PYTHONPATH=/tmp/main/services/flights:/tmp/main/shared \\
        .venv/bin/python bench/flights_status33/flights_status_measure.py OUT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirewatch_flights.evaluation import score
from wirewatch_flights.training import JUDGES

ROOT = Path(__file__).resolve().parents[2]
GOALS = ("origin", "destination", "people", "status")


def main() -> None:
    out: dict[str, dict[str, object]] = {}
    for path in sorted((ROOT / "tests" / "data").glob("flights_*.jsonl")):
        if path.name in JUDGES:
            continue
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        s = score(lines)
        wrong = sorted(
            str(e["id"])
            for e in s.errors
            if e.get("field") == "status" or e.get("error") == "missed flight record"
        )
        out[path.name] = {
            "tp": s.tp, "fp": s.fp, "fn": s.fn,
            **{g: s.correct[g] for g in GOALS},
            "status_wrong": wrong,
        }  # fmt: skip
    Path(sys.argv[1]).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
