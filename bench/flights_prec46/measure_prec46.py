"""Figures of the flights package on the path, one JSON line; the candidates switched by name.

  measure_prec46.py held [CANDS]       half H's labelled accepts (held_labels.json): tp, fp
  measure_prec46.py studied [CANDS] [--as-service]   every studied flights file pooled
  measure_prec46.py judges [CANDS] [--as-service]    flights_fresh45 + flights_fresh46 pooled:
                                                      aggregates only

CANDS: "", "A", "B" or "AB" (not_a_record.CANDIDATES_46). With PYTHONPATH set to main's copy of the
package (compare.sh) the switch does not exist and main's figures are printed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import wirewatch_flights.not_a_record as nar
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
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    what = args[0]
    cands = args[1] if len(args) > 1 else ""
    as_service = "--as-service" in sys.argv
    if hasattr(nar, "CANDIDATES_46"):
        nar.CANDIDATES_46 = frozenset(cands)
        tree = f"branch[{cands}]"
    else:
        tree = "main"
    if what == "held":
        sys.path.insert(0, str(HERE))
        from false_records_prec46 import halves
        from held_half_prec46 import pool_any

        labels = {o["id"]: o["report"] for o in json.loads((HERE / "held_labels.json").read_text())}
        items = [o for o in pool_any(halves()[1]) if o["id"] in labels]
        got = {str(o["id"]) for o in items if predict(o) is not None}
        tp = sorted(i for i in got if labels[i])
        fp = sorted(i for i in got if not labels[i])
        print(
            json.dumps(
                {
                    "tree": tree,
                    "tp": len(tp),
                    "fp": len(fp),
                    "precision": round(len(tp) / max(1, len(tp) + len(fp)), 4),
                    "fp_ids": fp,
                    "reports_lost": sorted(i for i, r in labels.items() if r and i not in got),
                }
            )
        )
        return
    if what == "studied":
        paths = sorted(p for p in DATA.glob("flights_*.jsonl") if p.stem not in JUDGES)
    else:
        paths = [DATA / f"{j}.jsonl" for j in JUDGES]
    d = score(lines(paths), predictor(as_service)).as_dict()
    print(json.dumps({"tree": tree, "what": what, "service": as_service, **d}))


if __name__ == "__main__":
    main()
