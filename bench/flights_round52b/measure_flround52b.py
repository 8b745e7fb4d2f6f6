"""Figures of the flights package on the path, one JSON line: bench/flights_round52b/RULE.md's
measures. The row is ``../flights_round48/measure_flround48.py``'s (``main_for``); this sets stop
52's judges and studied files (``study_flround52b``) and the switch ``numbers.CANDIDATES_52F``.

  measure_flround52b.py studied|judges [--as-service] [--candidate A|B|AB]

``studied``: every flights file but the judges; ``judges``: flights_fresh51 + flights_fresh51b
pooled, aggregates only (counts; no id, no per-item prediction is printed). A tree without the
switch is read as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wirewatch_flights import numbers

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "flights_round48"), str(HERE)]
import measure_flround48 as round48  # noqa: E402
import study_flround52b as study  # noqa: E402

if __name__ == "__main__":
    round48.main_for(study.JUDGES, study.studied_files, numbers, "CANDIDATES_52F")
