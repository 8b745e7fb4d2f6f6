"""Stop 54c's stories round (stround54c): the judge (``RULE.md``, clause 3), aggregates only.

    cd bench/stories_round54c && ../../.venv/bin/python judges_stround54c.py main C > judges54c.txt

``judges.read_round`` (main's table; file order and six orders) over ``stories_fresh53`` alone,
named here exactly, once per label given (main first, then the candidates that passed clauses 1-2,
all in this one run), with ``scoring.ROUND_54C`` set to the label's switch; writes
``judges54c_<LABEL>.json``. No item, assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import common
import judges
from wirewatch_stories import scoring

HERE = Path(__file__).resolve().parent
common.SWITCH.update({"C": "C", "D": "D"})
NAMES = ("stories_fresh53.jsonl",)


def main() -> None:
    for label in sys.argv[1:]:
        judges.read_round(label, NAMES, HERE / f"judges54c_{label}.json", (scoring, "ROUND_54C"))


if __name__ == "__main__":
    main()
