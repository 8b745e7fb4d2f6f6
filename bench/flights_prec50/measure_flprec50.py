"""Figures of the flights package on the path, one JSON line: bench/flights_prec50/RULE.md's
measures. The row (counts, per-field and per-language figures) is
``../flights_round48/measure_flround48.py``'s ``row``; this sets stop 50's paths and the switch.

  measure_flprec50.py studied|judges [--as-service] [--candidate P|L|PL]

``studied``: every flights file but the judges (``study_flprec50.studied_files``); ``judges``:
flights_fresh49 + flights_fresh49b pooled, aggregates only (counts; no id, no per-item prediction
is printed). ``--candidate`` switches ``not_a_record.CANDIDATES_P50`` on (a tree without the switch
is read as it is).
"""

from __future__ import annotations

import sys
from pathlib import Path

from wirewatch_flights import not_a_record

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "flights_round48"), str(HERE)]
import measure_flround48 as round48  # noqa: E402
import study_flprec50 as study  # noqa: E402

if __name__ == "__main__":
    round48.main_for(study.JUDGES, study.studied_files, not_a_record, "CANDIDATES_P50")
