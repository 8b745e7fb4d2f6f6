"""Stop 51's stories round: clause 1 of ``RULE.md``, leave one file out with main-fit folds.

    .venv/bin/python bench/stories_round51/lofo_stround51.py main > lofo51_main.txt  # switch off
    .venv/bin/python bench/stories_round51/lofo_stround51.py A > lofo51_A.txt
    .venv/bin/python bench/stories_round51/lofo_stround51.py B > lofo51_B.txt

``lofo.run_round`` over the 41 studied files (``common.labelled_files()``), each fold's table
fitted on the pairs ``fit.pairs_of`` collects with ``cluster.LATE_51`` off (main's pairs), the
held-out file clustered with the label's switch. Writes ``lofo51_<LABEL>.json``; a candidate is
compared with ``lofo51_main.json`` (mean F1, and each file's move against one pair's worth).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import lofo
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent


def main() -> None:
    label = sys.argv[1]
    lofo.run_round(
        label,
        (cluster, "LATE_51"),
        HERE / f"lofo51_{label}.json",
        HERE / "lofo51_main.json",
        studied=41,
        present=("fresh49", "fresh49b"),
    )


if __name__ == "__main__":
    main()
