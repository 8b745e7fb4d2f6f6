"""Main's false records (or ``--misses``) on every studied flights file of stop 51, one line
each (``--text``: with the lede): ``../flights_prec50/study_flprec50.py``'s listing (which reuses
round 48's ``record_rows``), run over stop 51's studied files. They are every
``tests/data/flights_*.jsonl`` but the judges ``flights_fresh50``, ``flights_fresh50b`` (left
out by name, with any set sealed later, ``fresh5x``); stop 49's ``flights_fresh49``,
``flights_fresh49b`` are studied now.

Usage: .venv/bin/python bench/flights_round51/study_flround51.py [--misses] [--text]
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
JUDGES = ("flights_fresh50", "flights_fresh50b")


def _import(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


prec50 = _import("study_flprec50", HERE.parent / "flights_prec50" / "study_flprec50.py")


def studied_files(judges: tuple[str, ...] = JUDGES) -> list[Path]:
    """Every flights file but the judges named and any set sealed after them (``fresh5x``)."""
    return sorted(
        p
        for p in prec50.DATA.glob("flights_*.jsonl")
        if p.stem not in judges and not p.stem.startswith("flights_fresh5")
    )


if __name__ == "__main__":
    prec50.studied_files = studied_files  # type: ignore[attr-defined]  # stop 51's files
    prec50.main()
