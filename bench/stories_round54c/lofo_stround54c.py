"""Stop 54c's stories round (stround54c): clause 1 of ``RULE.md``, leave one file out, main-fit
folds.

    cd bench/stories_round54c && ../../.venv/bin/python lofo_stround54c.py C > lofo54c_C.txt

``lofo.run_round`` over the 47 studied files (fresh52 and fresh52b present; fresh53 (judge) and
fresh54 (being sealed) absent), each fold's table fitted on the pairs main's code collects
(``scoring.ROUND_54C`` off), the held-out file clustered with the label's switch. Writes
``lofo54c_<LABEL>.json``; a candidate is compared with ``lofo54c_main.json`` (main re-measured
here, see RULE.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import common
import lofo
from wirewatch_stories import scoring

HERE = Path(__file__).resolve().parent
common.SWITCH.update({"C": "C", "D": "D"})


def main() -> None:
    label = sys.argv[1]
    lofo.run_round(
        label,
        (scoring, "ROUND_54C"),
        HERE / f"lofo54c_{label}.json",
        HERE / "lofo54c_main.json",
        studied=47,
        present=("fresh52", "fresh52b"),
        absent=("fresh53", "fresh54"),
    )


if __name__ == "__main__":
    main()
