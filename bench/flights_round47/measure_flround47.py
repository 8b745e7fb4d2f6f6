"""Figures of the flights package on the path, one JSON line: the measures of stop 47's three
flights rounds (flights_round47, flights_prec47 and flights_roles47, each RULE.md).

  measure_flround47.py studied [--as-service] [--candidate A|B [--switch MODULE.NAME]]
      every studied flights file pooled (tests/data/flights_*.jsonl but the judges)
  measure_flround47.py judges [--as-service] [--candidate A|B [--switch MODULE.NAME]]
      flights_fresh46 + flights_fresh47 pooled: aggregates only (no id, no error is printed)

``--candidate`` switches one candidate on, on a tree that has the switch: ``--switch`` names it
in ``wirewatch_flights`` (``flight_report.CANDIDATES_47``, the default; ``flight_report.
CANDIDATES_P47`` for flights_prec47, ``roles.CANDIDATES_ROLES47`` for flights_roles47). Without
it the tree's product is read (main's copy: PYTHONPATH as each round's compare_*.sh).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import wirewatch_flights
from wirewatch_flights.evaluation import predict, score

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
JUDGES = ("flights_fresh46", "flights_fresh47")
LATER = ("flights_fresh47b",)  # sealed after the rounds: neither studied nor judged here


def lines(paths: list[Path]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
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
    candidate = sys.argv[sys.argv.index("--candidate") + 1] if "--candidate" in sys.argv else ""
    if candidate:
        switch = sys.argv[sys.argv.index("--switch") + 1] if "--switch" in sys.argv else ""
        module, attr = (switch or "flight_report.CANDIDATES_47").rsplit(".", 1)
        target = importlib.import_module(f"wirewatch_flights.{module}")
        setattr(target, attr, frozenset({candidate}))
    if what == "judges":
        paths = [DATA / f"{name}.jsonl" for name in JUDGES]
        missing = [p.name for p in paths if not p.exists()]
        if missing:
            raise SystemExit(f"judge missing: {missing}")
    else:
        paths = sorted(p for p in DATA.glob("flights_*.jsonl") if p.stem not in JUDGES + LATER)
    scores = score(lines(paths), predictor(as_service))
    p, r = scores.precision(), scores.recall()
    row = {
        "measure": what,
        "path": "service" if as_service else "plain",
        "tree": wirewatch_flights.__file__.split("/services/")[0],
        "candidate": candidate or "-",
        "files": len(paths),
        "tp": scores.tp,
        "fp": scores.fp,
        "fn": scores.fn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "right": dict(scores.correct),
    }
    print(json.dumps(row))


if __name__ == "__main__":
    main()
