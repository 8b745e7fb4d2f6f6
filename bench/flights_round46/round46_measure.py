"""The studied measure of stop 46's status candidates (``RULE.md``, (a1)).

Run inside a tree (its ``services/flights`` and ``shared`` first on ``PYTHONPATH``, as
``bench/flights_honest/flights_honest_cues.py`` runs old trees): counts, per studied file and
summed, tp / fp / fn and the right reports of every field, plain (``evaluation.predict``) and
service (the shipped classifier's gate first, as ``flights eval --as-service``). Prints JSON.

    PYTHONPATH=TREE/services/flights:TREE/shared .venv/bin/python -W ignore \\
        bench/flights_round46/round46_measure.py > OUT.json

``trees.sh`` exports the trees (main, each candidate) and runs this in each.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "flights_honest"))

import wirewatch_flights
from studied_sets import measured_files, read_lines
from wirewatch_flights.evaluation import predict, score
from wirewatch_flights.model import FIELDS
from wirewatch_flights.settings import FlightsSettings

from wirewatch.cli.classify_cmds import load_classifier

ROUND_JUDGES = ("flights_fresh45", "flights_fresh46")


def counts(lines: list[dict[str, Any]], predictor: Any) -> dict[str, int]:
    s = score(lines, predictor)
    return {"tp": s.tp, "fp": s.fp, "fn": s.fn} | {k: s.correct[k] for k in FIELDS}


def main() -> None:
    classifier = load_classifier(None)
    topics = frozenset(FlightsSettings.model_fields["flights_topics"].default)

    def gated(obj: dict[str, Any]) -> Any:
        matches, _ = classifier.classify(
            str(obj.get("title") or ""), str(obj.get("summary") or ""), obj.get("lang")
        )
        return predict(obj) if any(m.topic in topics for m in matches) else None

    out: dict[str, Any] = {"tree": str(Path(wirewatch_flights.__file__).parent), "files": {}}
    sums: dict[str, dict[str, int]] = {"plain": {}, "service": {}}
    for path in measured_files(skip=ROUND_JUDGES):
        lines = read_lines(path)
        row = {"plain": counts(lines, predict), "service": counts(lines, gated)}
        out["files"][path.name] = row
        for mode in sums:
            for k, v in row[mode].items():
                sums[mode][k] = sums[mode].get(k, 0) + v
    out["sum"] = sums
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
