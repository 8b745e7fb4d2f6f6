"""Read one labelled flights file with main's extractor and with each stop-45 candidate
switched on, plain and as the service reads it; aggregates only (no item, no id).

    bench/flights_prec45/read_judge.sh FILE [FILE ...]      (or .venv/bin/python this file)

For each configuration (main: no candidate; A "tally"; B "carrier"; A+B for information, not a
candidate of RULE.md) it prints "is a flight record" P/R (tp/fp/fn) and the field accuracies,
plain (`wirewatch flights eval FILE`) and `--as-service` (the shipped classifier's gate first, as
`wirewatch flights eval --as-service`: an item it does not tag repatriation-flights is no
record). Several files are also pooled. `--json OUT` writes the same figures as JSON.

The candidates are switched by `not_a_record.CANDIDATES_45`, the one place the branch keeps
them off (bench/flights_prec45/RULE.md)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from wirewatch_flights import not_a_record
from wirewatch_flights.evaluation import Scores, predict, score
from wirewatch_flights.model import FIELDS
from wirewatch_flights.settings import FlightsSettings

CONFIGS: dict[str, frozenset[str]] = {
    "main": frozenset(),
    "A tally": frozenset({"tally"}),
    "B carrier": frozenset({"carrier"}),
    "A+B (info)": frozenset({"tally", "carrier"}),
}


def lines_of(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    for number, obj in enumerate(rows, start=1):
        if "flight" not in obj:
            raise SystemExit(f"{path} line {number}: no 'flight' label")
    return rows


def tagged(rows: Sequence[dict[str, Any]]) -> list[bool]:
    """Whether the shipped classifier tags each line with a flights topic (the service's gate);
    it does not depend on the extractor, so it is read once."""
    from wirewatch_classify.engine import Classifier

    classifier = Classifier.load(None)
    topics = frozenset(FlightsSettings.model_fields["flights_topics"].default)
    out = []
    for obj in rows:
        matches, _ = classifier.classify(
            str(obj.get("title") or ""), str(obj.get("summary") or ""), obj.get("lang")
        )
        out.append(any(m.topic in topics for m in matches))
    return out


def scored(rows: Sequence[dict[str, Any]], gate: Sequence[bool] | None) -> Scores:
    """Plain (``gate`` None) or behind the classifier's gate."""
    if gate is None:
        return score(rows, predict)
    keep = {id(obj) for obj, g in zip(rows, gate, strict=True) if g}
    predictor: Callable[[dict[str, Any]], Any] = lambda obj: (  # noqa: E731
        predict(obj) if id(obj) in keep else None
    )
    return score(rows, predictor)


def figures(rows: Sequence[dict[str, Any]], gate: Sequence[bool]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    before = not_a_record.CANDIDATES_45
    try:
        for name, switched in CONFIGS.items():
            not_a_record.CANDIDATES_45 = switched
            out[name] = {
                "plain": scored(rows, None).as_dict(),
                "service": scored(rows, gate).as_dict(),
            }
    finally:
        not_a_record.CANDIDATES_45 = before
    return out


def table(title: str, figs: dict[str, Any]) -> str:
    head = f"{'':12} {'path':8} {'P':>6} {'R':>6} {'tp/fp/fn':>10} " + " ".join(
        f"{f[:8]:>8}" for f in FIELDS
    )
    lines = [f"== {title}", head]
    for name, by_path in figs.items():
        for path, d in by_path.items():
            r = d["is_flight_record"]
            acc = " ".join(f"{d['field_accuracy'][f]:>8.3f}" for f in FIELDS)
            lines.append(
                f"{name:12} {path:8} {r['precision']:>6.3f} {r['recall']:>6.3f} "
                f"{str(r['tp']) + '/' + str(r['fp']) + '/' + str(r['fn']):>10} {acc}"
            )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    out_json = None
    if "--json" in argv:
        i = argv.index("--json")
        out_json = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    if not argv:
        raise SystemExit("usage: read_judge.sh FILE [FILE ...] [--json OUT]")
    paths = [Path(a) for a in argv]
    every: list[dict[str, Any]] = []
    gates: list[bool] = []
    result: dict[str, Any] = {}
    for path in paths:
        rows = lines_of(path)
        gate = tagged(rows)
        every += rows
        gates += gate
        result[path.name] = figures(rows, gate)
        print(table(f"{path.name}: {len(rows)} items", result[path.name]))
    if len(paths) > 1:
        result["pooled"] = figures(every, gates)
        print(table(f"pooled: {len(every)} items", result["pooled"]))
    if out_json:
        out_json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
