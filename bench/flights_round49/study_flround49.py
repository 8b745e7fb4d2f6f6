"""Main's field errors on every studied flights file, by field, shape and language: origin,
destination, people and status of the true reports main reads (misses and false records through
``../flights_round48/study_flround48.py``'s ``record_rows``, imported).

Usage: .venv/bin/python bench/flights_round49/study_flround49.py [--items] [--lang en]
Studied: every ``tests/data/flights_*.jsonl`` but this stop's judges (flights_fresh48,
flights_fresh48b), which are never read here, and any set sealed during stop 49.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from wirewatch_flights.evaluation import gold_record, normalise, predict, predicted_value

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "tests" / "data"
JUDGES = {"flights_fresh48", "flights_fresh48b"}
FIELDS = ("origin", "destination", "people", "status")


def _round48() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "study_flround48", HERE.parent / "flights_round48" / "study_flround48.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def studied_files() -> list[Path]:
    return sorted(
        p
        for p in DATA.glob("flights_*.jsonl")
        if p.stem not in JUDGES and "49" not in p.stem.removeprefix("flights_")
    )


def shape(want: object, got: object) -> str:
    if got is None:
        return "missing"
    if want is None:
        return "spurious"
    return "wrong"


def field_rows(path: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        gold, flight = gold_record(obj), predict(obj)
        if gold is None or flight is None:
            continue
        for name in FIELDS:
            want = normalise(name, gold.get(name))
            got = normalise(name, predicted_value(flight, name))
            if name in gold and want != got:
                rows.append(
                    {
                        "file": path.stem,
                        "id": obj["id"],
                        "lang": obj.get("lang"),
                        "field": name,
                        "want": want,
                        "got": got,
                        "shape": shape(want, got),
                        "title": str(obj.get("title") or "")[:110],
                    }
                )
    return rows


def main() -> None:
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else ""
    round48 = _round48()
    rows = []
    for path in studied_files():
        rows += field_rows(path) + round48.record_rows(path)
    round48.report(rows, lang, 14)


if __name__ == "__main__":
    main()
