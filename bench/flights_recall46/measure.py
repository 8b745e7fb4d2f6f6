"""Figures of the flights package on the path (this branch, or main's copy with PYTHONPATH set as
in compare.sh), one JSON line.

  measure.py studied [--as-service]   every studied flights file pooled (judges left out)
  measure.py held                     the held half's labelled rejects (held_labels.json)
  measure.py judges [--as-service]    flights_fresh45 + flights_fresh46 pooled: aggregates only

The candidate figures in README.md were read at 91b7ccd5, where flight_report.CANDIDATES_46
switched each candidate; the shipped one (A, narrowed) is read against main's copy (compare.sh).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import wirewatch_flights.flight_report as flight_report
from wirewatch_flights.evaluation import predict, score

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "tests" / "data"
JUDGES = ("flights_fresh45", "flights_fresh46")


def lines(paths: list[Path]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        out += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return out


def predictor(as_service: bool) -> Callable[[dict[str, Any]], Any]:
    if not as_service:
        return predict
    from wirewatch.cli.flights_cmds import _predictor

    return _predictor(True)


def main() -> None:
    what = sys.argv[1]
    as_service = "--as-service" in sys.argv
    tree = "branch" if hasattr(flight_report, "_running_total") else "main"
    if what == "held":
        sys.path.insert(0, str(HERE))
        from held_half import halves, pool

        labels = {o["id"]: o["report"] for o in json.loads((HERE / "held_labels.json").read_text())}
        items = [o for o in pool(halves()[1]) if o["id"] in labels]
        got = {str(o["id"]) for o in items if predict(o) is not None}
        print(
            json.dumps(
                {
                    "tree": tree,
                    "reports_accepted": sorted(i for i in got if labels[i]),
                    "non_reports_accepted": sorted(i for i in got if not labels[i]),
                }
            )
        )
        return
    if what == "studied":
        paths = sorted(p for p in DATA.glob("flights_*.jsonl") if p.stem not in JUDGES)
    else:
        paths = [DATA / f"{j}.jsonl" for j in JUDGES]
    d = score(lines(paths), predictor(as_service)).as_dict()
    print(json.dumps({"tree": tree, "service": as_service, **d}))


if __name__ == "__main__":
    main()
