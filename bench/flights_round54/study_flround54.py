"""Main's false records (or ``--misses``) on every studied flights file of stop 54, one line
each (``--text``: with the lede): round 53's listing (``../flights_round53/study_flround53.py``,
i.e. stop 50's ``study_flprec50`` listing), over stop 54's studied files: every
``tests/data/flights_*.jsonl`` but the judges (``fresh53`` in the name) and any set sealed during
stop 54 (``fresh54``); stop 52's ``flights_fresh52``, ``flights_fresh52b`` are studied now.

Usage: .venv/bin/python bench/flights_round54/study_flround54.py [--misses] [--text]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGES = ("flights_fresh53",)
sys.path.insert(0, str(HERE.parent / "flights_round53"))
import study_flround53 as round53  # noqa: E402

prec50 = round53.prec50


def studied_files() -> list[Path]:
    """Every flights file but the judges and this stop's sealed sets (``fresh53``, ``fresh54``)."""
    paths = prec50.DATA.glob("flights_*.jsonl")
    return sorted(p for p in paths if "fresh53" not in p.stem and "fresh54" not in p.stem)


if __name__ == "__main__":
    prec50.studied_files = studied_files  # type: ignore[attr-defined]  # stop 54's files
    prec50.main()
