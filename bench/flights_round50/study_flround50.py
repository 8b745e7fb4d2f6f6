"""Main's people errors on every studied flights file, by shape and language, with the record
misses and false records beside them (stop 49's ``field_rows`` and stop 48's ``record_rows`` and
``report``, imported). ``--items`` prints every row (id, want, got, title).

Usage: .venv/bin/python bench/flights_round50/study_flround50.py [--items] [--lang es]
Studied: every ``tests/data/flights_*.jsonl`` but this stop's judges (flights_fresh49,
flights_fresh49b), which are never read here, and any set sealed during stop 50.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "tests" / "data"
JUDGES = {"flights_fresh49", "flights_fresh49b"}


def _load(folder: str, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HERE.parent / folder / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def studied_files() -> list[Path]:
    return sorted(
        p
        for p in DATA.glob("flights_*.jsonl")
        if p.stem not in JUDGES and "50" not in p.stem.removeprefix("flights_")
    )


def main() -> None:
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else ""
    round48 = _load("flights_round48", "study_flround48")
    round49 = _load("flights_round49", "study_flround49")
    rows = []
    for path in studied_files():
        rows += [r for r in round49.field_rows(path) if r["field"] == "people"]
        rows += round48.record_rows(path)
    round48.report(rows, lang, 14)


if __name__ == "__main__":
    main()
