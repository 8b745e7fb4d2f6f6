"""Stop 54b's stories round (stround54b): clause 1 of ``RULE.md``, leave one file out, main-fit
folds.

    cd bench/stories_round54b && ../../.venv/bin/python lofo_stround54b.py main > lofo54b_main.txt
    ../../.venv/bin/python lofo_stround54b.py A > lofo54b_A.txt   (and B)

``lofo.run_round`` over the 47 studied files (fresh52 and fresh52b present; fresh53 (judge) and
fresh54 (being sealed) absent), each fold's table fitted on the pairs main's code collects
(``scoring.ROUND_54B`` off), the held-out file clustered with the label's switch. Writes
``lofo54b_<LABEL>.json``; a candidate is compared with ``lofo54b_main.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import common
import lofo
from wirewatch_stories import scoring

HERE = Path(__file__).resolve().parent
STUDIED = 47
common.SWITCH.update({"A": "A", "B": "B"})


def main() -> None:
    label = sys.argv[1]
    lofo.run_round(
        label,
        (scoring, "ROUND_54B"),
        HERE / f"lofo54b_{label}.json",
        HERE / "lofo54b_main.json",
        studied=STUDIED,
        present=("fresh52", "fresh52b"),
        absent=("fresh53", "fresh54"),
    )


if __name__ == "__main__":
    main()
