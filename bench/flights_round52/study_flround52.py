"""Main's false records (or ``--misses``) on every studied flights file of stop 52, one line
each (``--text``: with the lede): round 51's listing (``../flights_round51/study_flround51.py``,
which runs stop 50's ``study_flprec50`` listing over round 48's ``record_rows``), over stop 52's
studied files: every ``tests/data/flights_*.jsonl`` but the judges (``fresh51`` in the name);
stop 50's ``flights_fresh50``, ``flights_fresh50b`` are studied now.

Usage: .venv/bin/python bench/flights_round52/study_flround52.py [--misses] [--text]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGES = ("flights_fresh51", "flights_fresh51b")
sys.path.insert(0, str(HERE.parent / "flights_round51"))
import study_flround51 as round51  # noqa: E402

prec50 = round51.prec50  # type: ignore[attr-defined]  # stop 50's listing, as round 51 imports it


def studied_files() -> list[Path]:
    """Every flights file but the judges (any name holding ``fresh51``)."""
    return sorted(p for p in prec50.DATA.glob("flights_*.jsonl") if "fresh51" not in p.stem)


if __name__ == "__main__":
    prec50.studied_files = studied_files  # type: ignore[attr-defined]  # stop 52's files
    prec50.main()
