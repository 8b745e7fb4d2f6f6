"""Round 53's by-id check (``../flights_round53/by_id_flround53.py``: main's and a candidate's
verdict on named studied items, never a file as a whole) with stop 54's switch
(``cues.CANDIDATES_54``) and studied files.

Usage: .venv/bin/python bench/flights_round54/by_id_flround54.py LETTERS ID...
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "flights_round53"), str(HERE)]
import by_id_flround53 as round53  # noqa: E402
import study_flround54 as study  # noqa: E402

if __name__ == "__main__":
    round53.SWITCH = "CANDIDATES_54"
    round53.study = study  # type: ignore[attr-defined]  # stop 54's studied files
    round53.main()
