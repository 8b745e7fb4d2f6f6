"""Measure the round's candidates against the shipped clusterer (stop 43, stsplit43, issue #13:
stop 39's ``measure39.main``, imported, with this round's candidates).

    .venv/bin/python bench/stories_round43s/measure43s.py design [CANDIDATE ...]
    .venv/bin/python bench/stories_round43s/measure43s.py held [CANDIDATE ...]

The parts, the six orders and the figures printed are ``measure39.py``'s; the candidates are
``candidates43s.CANDIDATES``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round39"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import measure39
from candidates43s import CANDIDATES

if __name__ == "__main__":
    measure39.main(CANDIDATES)
