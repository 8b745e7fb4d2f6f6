"""Figures of the flights package on the path, one JSON line: bench/flights_round54b/RULE.md's
measures. The row is ``../flights_round48/measure_flround48.py``'s (``main_for``); this sets stop
54's judge and studied files (``../flights_round54/study_flround54.py``) and the switch
``cues.CANDIDATES_54B``.

  measure_flround54b.py studied|judges [--as-service] [--candidate LETTERS]

``studied``: every flights file but the judges and stop 54's sealed sets; ``judges``:
flights_fresh53 alone, aggregates only (counts; no id, no per-item prediction is printed). A tree
without the switch (main's archive) is read as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wirewatch_flights import cues

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "flights_round48"), str(HERE.parent / "flights_round54")]
import measure_flround48 as round48  # noqa: E402
import study_flround54 as study  # noqa: E402

if __name__ == "__main__":
    round48.main_for(study.JUDGES, study.studied_files, cues, "CANDIDATES_54B")
