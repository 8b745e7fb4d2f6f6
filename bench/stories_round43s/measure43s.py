"""Measure the round's candidates against the shipped clusterer (stop 43, stsplit43, issue #13:
stop 39's ``measure39.main``, imported, with this round's candidates).

    .venv/bin/python bench/stories_round43s/measure43s.py design [CANDIDATE ...]
    .venv/bin/python bench/stories_round43s/measure43s.py held [CANDIDATE ...]

Each file of the part (``split39``; ``design``: the files whose errors were read, ``held``:
the files held out, measured once a candidate is fixed) is clustered in six orders (the file's,
then rows shuffled by ``random.Random(seed)``, seeds 1-5, as the judges' test does; ties in
publication time are broken by the shuffled position), by ``main`` (the shipped decision) and by
each candidate named (``candidates43s.CANDIDATES``). Printed per file and pooled (the mean of six
orders): pairwise precision, recall, F1, B-cubed F1, stories opened per true story (alerts).
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
