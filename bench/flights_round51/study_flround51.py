"""Main's false records (or ``--misses``) on every studied flights file of stop 51, one line
each (``--text``: with the lede): ``../flights_prec50/study_flprec50.py``'s listing (which reuses
round 48's ``record_rows``), run over stop 51's studied files. They are every
``tests/data/flights_*.jsonl`` but the judges ``flights_fresh50``, ``flights_fresh50b`` (left
out by name, with any set sealed later, ``fresh5x``); stop 49's ``flights_fresh49``,
``flights_fresh49b`` are studied now.

Usage: .venv/bin/python bench/flights_round51/study_flround51.py [--misses] [--text]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGES = ("flights_fresh50", "flights_fresh50b")
sys.path.insert(0, str(HERE.parent / "flights_prec50"))
import study_flprec50 as prec50  # noqa: E402


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
