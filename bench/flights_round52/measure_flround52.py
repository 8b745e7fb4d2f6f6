"""Figures of the flights package on the path, one JSON line: bench/flights_round52/RULE.md's
measures. The row is ``../flights_round48/measure_flround48.py``'s ``main_for``; this sets stop
52's paths (``study_flround52``: judges ``flights_fresh51``, ``flights_fresh51b``) and the switch
``not_a_record.CANDIDATES_52``.

  measure_flround52.py studied|judges [--as-service] [--candidate V|W]

``judges``: aggregates only (counts; no id, no per-item prediction is printed). A tree without
the switch is read as it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wirewatch_flights import not_a_record

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "flights_round48"), str(HERE)]
import measure_flround48 as round48  # noqa: E402
import study_flround52 as study  # noqa: E402

if __name__ == "__main__":
    round48.main_for(study.JUDGES, study.studied_files, not_a_record, "CANDIDATES_52")
