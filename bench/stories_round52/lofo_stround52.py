"""Stop 52's stories round: clause 1 of ``RULE.md``, leave one file out with main-fit folds.

    cd bench/stories_round52
    ../../.venv/bin/python lofo_stround52.py main > lofo52_main.txt  # switch off
    ../../.venv/bin/python lofo_stround52.py A > lofo52_A.txt  # candidate_AB.diff applied

``lofo.run_round`` over the 43 studied files (``common.labelled_files()``, fresh50 and fresh50b
among them, no fresh51), each fold's table fitted on the pairs ``fit.pairs_of`` collects with
``cluster.RECENT_52`` off (main's pairs), the held-out file clustered with the label's switch.
Writes ``lofo52_<LABEL>.json``; a candidate is compared with ``lofo52_main.json``
(``lofo.compare_with_main``). A and B need ``candidate_AB.diff`` applied (neither shipped).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import lofo
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
STUDIED = 43


def main() -> None:
    label = sys.argv[1]
    lofo.run_round(
        label,
        (cluster, "RECENT_52"),  # the switch exists with candidate_AB.diff applied
        HERE / f"lofo52_{label}.json",
        HERE / "lofo52_main.json",
        studied=STUDIED,
        present=("fresh50", "fresh50b"),
        absent=("fresh51",),
    )


if __name__ == "__main__":
    main()
