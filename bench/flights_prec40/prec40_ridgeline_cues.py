"""Honest rules output on ``tests/data/flights_ridgeline.jsonl`` (issue 15, stop 40), in the
format of ``bench/flights_honest/flights_honest_cues.json``: the extractor at the parent of
the commit that added the file (main ``ffecbbb``, which never saw it) reads every item; per
item: record or not, every field, the rules' status cue. It runs that script's own ``main``
on this one file (its file list and output path swapped), so the reading is the same as for
the 27 studied files. Ridgeline is released from stop 40 on (measured once as never-seen
first); no judge is read.

    .venv/bin/python bench/flights_prec40/prec40_ridgeline_cues.py   # writes its .json beside it
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "flights_honest"))

import flights_honest_cues as honest  # noqa: E402

FILE = ROOT / "tests" / "data" / "flights_ridgeline.jsonl"
OUT = Path(__file__).resolve().parent / "prec40_ridgeline_cues.json"


if __name__ == "__main__":
    # Only these two module globals change: the file list and where the result goes.
    honest.studied = lambda: [FILE]  # type: ignore[attr-defined]
    honest.OUT = OUT  # type: ignore[attr-defined]
    honest.main()
