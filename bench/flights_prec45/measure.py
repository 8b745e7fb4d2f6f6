"""The held-out measure (a) of bench/flights_prec45/RULE.md, for main and each candidate.

    .venv/bin/python bench/flights_prec45/measure.py    (measured_a1.json, measured_a2.json)

(a1) quarry + fresh44 + fresh44b (studied never-seen sets, the ones stop 44's attribution used),
     per file and pooled, plain and as the service reads them (judge.py's reader).
(a2) every studied flights file (never a judge of ``training.JUDGES``): true and false records
     each candidate takes away from today's records (the extractor run with the candidate on
     against main), and from the honest records (what the extractor made of each file before it
     was tuned on it: ``bench/flights_honest/flights_honest_cues.json`` and
     ``bench/flights_prec40/prec40_ridgeline_cues.json``), where the candidate's veto holds.
Aggregates and the ids of studied items only."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wirewatch_flights import not_a_record
from wirewatch_flights.evaluation import gold_record, predict
from wirewatch_flights.parts import item_parts
from wirewatch_flights.places import read_roles
from wirewatch_flights.training import JUDGES

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import judge  # type: ignore[import-not-found]  # noqa: E402

DATA = HERE.parents[1] / "tests" / "data"
A1 = ["flights_quarry.jsonl", "flights_fresh44.jsonl", "flights_fresh44b.jsonl"]
HONEST = [
    HERE.parent / "flights_honest" / "flights_honest_cues.json",
    HERE.parent / "flights_prec40" / "prec40_ridgeline_cues.json",
]
CANDIDATES = {"A tally": "tally", "B carrier": "carrier"}


def a1() -> dict[str, Any]:
    out = {}
    every, gates = [], []
    for name in A1:
        rows = judge.lines_of(DATA / name)
        gate = judge.tagged(rows)
        every += rows
        gates += gate
        out[name] = judge.figures(rows, gate)
        print(judge.table(name, out[name]))
    out["pooled"] = judge.figures(every, gates)
    print(judge.table(f"(a1) pooled, {len(every)} items", out["pooled"]))
    return out


def fires(switch: str, parts: list[Any]) -> bool:
    if switch == "tally":
        return not_a_record.flights_tally(parts)
    origin, destination = read_roles(parts)
    return not_a_record.carrier_business(parts, origin, destination)


def _ids(keys: Iterable[tuple[str, str]]) -> list[str]:
    return sorted(f"{name}:{item}" for name, item in keys)


def a2() -> dict[str, Any]:
    honest: dict[tuple[str, str], bool] = {}
    for path in HONEST:
        for name, entry in json.loads(path.read_text(encoding="utf-8")).items():
            for row in entry["items"]:
                honest[(name, row["id"])] = bool(row["record"])
    rows: list[tuple[tuple[str, str], dict[str, Any]]] = []
    for path in sorted(DATA.glob("flights_*.jsonl")):
        if path.name in JUDGES:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                rows.append(((path.name, str(obj["id"])), obj))
    gold = {k: gold_record(o) is not None for k, o in rows}
    main = {k: predict(o) is not None for k, o in rows}
    hk = [k for k, _ in rows if k in honest]
    out: dict[str, Any] = {
        "files": len({k[0] for k, _ in rows}),
        "items": len(rows),
        "today": {"tp": sum(main[k] and gold[k] for k in main),
                  "fp": sum(main[k] and not gold[k] for k in main)},
        "honest": {"files": len({k[0] for k in hk}),
                   "tp": sum(honest[k] and gold[k] for k in hk),
                   "fp": sum(honest[k] and not gold[k] for k in hk)},
    }  # fmt: skip
    print(f"(a2) {out}")
    for label, switch in CANDIDATES.items():
        not_a_record.CANDIDATES_45 = frozenset({switch})
        try:
            now = {k: predict(o) is not None for k, o in rows}
        finally:
            not_a_record.CANDIDATES_45 = frozenset()
        fired = {
            k
            for k, o in rows
            if honest.get(k)
            and fires(switch, item_parts(str(o.get("title") or ""), str(o.get("summary") or "")))
        }
        keys = [k for k, _ in rows]
        res = {
            "today_false_removed": _ids(k for k in keys if main[k] and not now[k] and not gold[k]),
            "today_true_lost": _ids(k for k in keys if main[k] and not now[k] and gold[k]),
            "today_records_added": _ids(k for k in keys if now[k] and not main[k]),
            "honest_false_removed": _ids(k for k in fired if not gold[k]),
            "honest_true_lost": _ids(k for k in fired if gold[k]),
        }
        tp, fp = out["honest"]["tp"], out["honest"]["fp"]
        lost, removed = len(res["honest_true_lost"]), len(res["honest_false_removed"])
        res["honest_precision"] = [
            round(tp / (tp + fp), 4),
            round((tp - lost) / (tp - lost + fp - removed), 4),
        ]
        out[label] = res
        print(f"(a2) {label}: {json.dumps(res)}")
    return out


def main() -> None:
    (HERE / "measured_a1.json").write_text(json.dumps(a1(), indent=1) + "\n", encoding="utf-8")
    (HERE / "measured_a2.json").write_text(json.dumps(a2(), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
