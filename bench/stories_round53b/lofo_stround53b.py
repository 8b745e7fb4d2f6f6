"""Stop 53's second stories round (stround53b): clause 1 of ``RULE.md``, leave one file out,
main-fit folds.

    cd bench/stories_round53b && ../../.venv/bin/python lofo_stround53b.py C > lofo53b_C.txt
    ../../.venv/bin/python lofo_stround53b.py AC > lofo53b_AC.txt

``lofo.run_round`` over the 45 studied files (``common.labelled_files()``; fresh52, fresh52b
(judges) and fresh53 absent), each fold's table fitted on the pairs main's code collects
(``cluster.ROUND_53B`` off), the held-out file clustered with the label's switch. Writes
``lofo53b_<LABEL>.json``, compared with round 53's ``lofo53_main.json`` (same code, same files).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import common
import lofo
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
STUDIED = 45
common.SWITCH.update({"C": "C", "AC": "AC"})


def main() -> None:
    label = sys.argv[1]
    lofo.run_round(
        label,
        (cluster, "ROUND_53B"),
        HERE / f"lofo53b_{label}.json",
        HERE.parent / "stories_round53" / "lofo53_main.json",
        studied=STUDIED,
        present=("fresh51", "fresh51b"),
        absent=("fresh52", "fresh53"),
    )


if __name__ == "__main__":
    main()
