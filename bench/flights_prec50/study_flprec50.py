"""Main's false records (or ``--misses``) on every studied flights file of stop 50 (every
``tests/data/flights_*.jsonl`` but the judges ``flights_fresh49``, ``flights_fresh49b``; stop 48's
``flights_fresh48``, ``flights_fresh48b`` are studied now), one line each. Reuses
``../flights_round48/study_flround48.py``'s ``record_rows``; sets sealed during stop 50
(``flights_*50*``) are never read.

Usage: .venv/bin/python bench/flights_prec50/study_flprec50.py [--misses] [--text]
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "tests" / "data"
JUDGES = ("flights_fresh49", "flights_fresh49b")


def _import(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
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
    round48 = _import("study_flround48", HERE.parent / "flights_round48" / "study_flround48.py")
    shape = "miss" if "--misses" in sys.argv else "false-record"
    n = 0
    for path in studied_files():
        texts = {}
        if "--text" in sys.argv:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    obj = json.loads(line)
                    texts[obj["id"]] = str(obj.get("summary") or "")[:400].replace("\n", " ")
        for row in round48.record_rows(path):
            if row["shape"] == shape:
                n += 1
                print(f"{str(row['file'])[8:]:10} {row['id']:9} {row['lang']} {row['title']}")
                if texts:
                    print("      ", texts[row["id"]])
    print(n, shape)


if __name__ == "__main__":
    main()
