"""Stop 52's second stories round: clause 1 of ``RULE.md``, leave one file out, main-fit folds.

    cd bench/stories_round52b && ../../.venv/bin/python lofo_stround52b.py A > lofo52b_A.txt

``lofo.run_round`` over the 43 studied files (as ``../stories_round52/lofo_stround52.py``, whose
count it imports), each fold's table fitted on the pairs main's code collects
(``cluster.RECENT_52B`` off), the held-out file clustered with the label's switch. Writes
``lofo52b_<LABEL>.json`` and compares it with main's ``../stories_round52/lofo52_main.json``
(main's code is unchanged since: the switch defaults to off).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round52"))

import lofo
from lofo_stround52 import STUDIED
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent


def main() -> None:
    label = sys.argv[1]
    lofo.run_round(
        label,
        (cluster, "RECENT_52B"),  # the switch exists with candidate_AB.diff applied
        HERE / f"lofo52b_{label}.json",
        HERE.parent / "stories_round52" / "lofo52_main.json",
        studied=STUDIED,
        present=("fresh50b",),
        absent=("fresh51", "fresh52"),
    )


if __name__ == "__main__":
    main()
