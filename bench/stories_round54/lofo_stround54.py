"""Stop 54's stories round (stround54): clause 1 of ``RULE.md``, leave one file out, main-fit folds.

    cd bench/stories_round54 && ../../.venv/bin/python lofo_stround54.py main > lofo54_main.txt
    ../../.venv/bin/python lofo_stround54.py A > lofo54_A.txt

``lofo.run_round`` over the 47 studied files (``common.labelled_files()``: fresh52 and fresh52b
present; fresh53 (judge) and fresh54 (being sealed) absent), each fold's table fitted on the pairs
main's code collects (``scoring.ROUND_54`` off), the held-out file clustered with the label's
switch. Writes ``lofo54_<LABEL>.json``; a candidate is compared with ``lofo54_main.json`` (main
re-measured here on the 47 files, same code, same session).
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
common.SWITCH.update({"A": "A"})


def main() -> None:
    label = sys.argv[1]
    lofo.run_round(
        label,
        (scoring, "ROUND_54"),
        HERE / f"lofo54_{label}.json",
        HERE / "lofo54_main.json",
        studied=STUDIED,
        present=("fresh52", "fresh52b"),
        absent=("fresh53", "fresh54"),
    )


if __name__ == "__main__":
    main()
