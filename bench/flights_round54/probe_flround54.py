"""Round 53's word probe (``../flights_round53/probe_flround53.py``: studied items whose headline
or lede matches a regex, with the gold label and main's verdict) over stop 54's studied files.

Usage: .venv/bin/python bench/flights_round54/probe_flround54.py REGEX [--text]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "flights_round53"), str(HERE)]
import probe_flround53 as round53  # noqa: E402
import study_flround54 as study  # noqa: E402

if __name__ == "__main__":
    round53.study = study  # type: ignore[attr-defined]  # stop 54's studied files
    round53.main()
