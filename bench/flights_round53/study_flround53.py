"""Main's false records (or ``--misses``) on every studied flights file of stop 53, one line
each (``--text``: with the lede): round 52's listing (``../flights_round52/study_flround52.py``,
i.e. stop 50's ``study_flprec50`` listing), over stop 53's studied files: every
``tests/data/flights_*.jsonl`` but the judges (``fresh52`` in the name) and any set sealed during
stop 53 (``fresh53``); stop 51's ``flights_fresh51``, ``flights_fresh51b`` are studied now.

Usage: .venv/bin/python bench/flights_round53/study_flround53.py [--misses] [--text]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGES = ("flights_fresh52", "flights_fresh52b")
sys.path.insert(0, str(HERE.parent / "flights_round52"))
import study_flround52 as round52  # noqa: E402

prec50 = round52.prec50


def studied_files() -> list[Path]:
    """Every flights file but the judges and this stop's sealed sets (``fresh52``, ``fresh53``)."""
    paths = prec50.DATA.glob("flights_*.jsonl")
    return sorted(p for p in paths if "fresh52" not in p.stem and "fresh53" not in p.stem)


if __name__ == "__main__":
    prec50.studied_files = studied_files  # type: ignore[attr-defined]  # stop 53's files
    prec50.main()
