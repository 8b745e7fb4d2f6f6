"""Figures of the flights package on the path, one JSON line: bench/flights_round51/RULE.md's
measures. The row is ``../flights_round48/measure_flround48.py``'s ``row``; this sets stop 51's
paths (``study_flround51``) and the switch ``not_a_record.CANDIDATES_51``.

  measure_flround51.py studied|judges [--as-service] [--candidate V|M|A|VMA...]

``studied``: every flights file but the judges; ``judges``: flights_fresh50 + flights_fresh50b
pooled, aggregates only (counts; no id, no per-item prediction is printed). A tree without the
switch is read as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wirewatch_flights import not_a_record

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "flights_round48"), str(HERE)]
import measure_flround48 as round48  # noqa: E402
import study_flround51 as study  # noqa: E402

if __name__ == "__main__":
    round48.main_for(study.JUDGES, study.studied_files, not_a_record, "CANDIDATES_51")
