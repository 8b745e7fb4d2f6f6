"""The honest records of the released flights sets (``bench/flights_honest``: each studied file
read by the extractor as it stood before that file was added) and the stop-38 bar, for a
candidate that can only take records away (a record/no-record veto). Never a judge."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch_flights.evaluation import normalise
from wirewatch_flights.training import JUDGES

CUES = Path("bench/flights_honest/flights_honest_cues.json")
DATA = Path("tests/data")
GOAL_FIELDS = ("origin", "destination", "people", "status")
NEVER = frozenset(JUDGES | {"flights_hearth.jsonl"})


@dataclass(frozen=True)
class Item:
    file: str
    obj: dict[str, Any]
    row: dict[str, Any]

    @property
    def report(self) -> bool:
        return bool(self.obj.get("flight"))

    @property
    def record(self) -> bool:
        return bool(self.row["record"])

    def right(self, field: str) -> bool:
        if not (self.report and self.record):
            return False
        truth = self.obj["flight"].get(field)
        return bool(normalise(field, self.row.get(field)) == normalise(field, truth))


def items() -> Iterator[Item]:
    cues: dict[str, Any] = json.loads(CUES.read_text(encoding="utf-8"))
    for name in sorted(cues):
        if name in NEVER:
            raise SystemExit(f"{name} is a judge")
        rows = {r["id"]: r for r in cues[name]["items"]}
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                yield Item(name, obj, rows[obj["id"]])


def counts(its: list[Item], keep: Callable[[Item], bool]) -> dict[str, int]:
    """tp, fp, reports and goal fields right when ``keep`` says which records stand."""
    out = {"tp": 0, "fp": 0, "reports": 0} | dict.fromkeys(GOAL_FIELDS, 0)
    for it in its:
        out["reports"] += it.report
        if not it.record or not keep(it):
            continue
        out["tp" if it.report else "fp"] += 1
        for f in GOAL_FIELDS:
            out[f] += it.right(f)
    return out


def precision(c: dict[str, int]) -> float:
    return c["tp"] / max(1, c["tp"] + c["fp"])


def bar(before: dict[str, dict[str, int]], after: dict[str, dict[str, int]]) -> list[str]:
    """The README's bar, checked per file and pooled: the failures (empty: passed)."""
    pooled = {
        k: {f: sum(r[f] for r in d.values()) for f in next(iter(d.values()))}
        for k, d in (("b", before), ("a", after))
    }
    b, a = pooled["b"], pooled["a"]
    fails = []
    pb, pa = precision(b), precision(a)
    if pa - pb < 0.03 - 1e-9:
        fails.append(f"precision {pb:.4f} -> {pa:.4f} (+{pa - pb:.4f} < 0.03)")
    if (b["tp"] - a["tp"]) / b["reports"] > 0.005 + 1e-9:
        fails.append(f"recall -{b['tp'] - a['tp']} reports of {b['reports']}")
    for f in GOAL_FIELDS:
        if b[f] - a[f] > 2:
            fails.append(f"{f} -{b[f] - a[f]}")
    for name in before:
        x, y = before[name], after[name]
        if y["fp"] > x["fp"] or x["tp"] - y["tp"] > 1:
            fails.append(f"{name}: tp {x['tp']}->{y['tp']} fp {x['fp']}->{y['fp']}")
    return fails
