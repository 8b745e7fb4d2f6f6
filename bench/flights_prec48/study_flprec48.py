"""Main's false records on every studied flights file (every ``tests/data/flights_*.jsonl`` but
the judges ``flights_fresh47``, ``flights_fresh47b`` and the sealed ``flights_fresh48*``), one line
each, with the gate's reason. Reuses ``../flights_round48/study_flround48.py``'s ``record_rows``.

Usage: .venv/bin/python bench/flights_prec48/study_flprec48.py [--misses]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "tests" / "data"


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
        if p.stem not in {"flights_fresh47", "flights_fresh47b"}
        and not p.stem.startswith("flights_fresh48")
    )


def main() -> None:
    round48 = _import("study_flround48", HERE.parent / "flights_round48" / "study_flround48.py")
    shape = "miss" if "--misses" in sys.argv else "false-record"
    n = 0
    for path in studied_files():
        for row in round48.record_rows(path):
            if row["shape"] == shape:
                n += 1
                print(f"{row['file'][8:]:10} {row['id']:9} {row['lang']} {row['title']}")
    print(n, shape)


if __name__ == "__main__":
    main()
