"""Stop 53's stories round (stround53): clause 1 of ``RULE.md``, leave one file out, main-fit folds.

    cd bench/stories_round53 && ../../.venv/bin/python lofo_stround53.py main > lofo53_main.txt
    ../../.venv/bin/python lofo_stround53.py A > lofo53_A.txt

``lofo.run_round`` over the 45 studied files (``common.labelled_files()``: fresh51 and fresh51b
among them; fresh52, fresh52b (judges) and fresh53 absent), each fold's table fitted on the pairs
main's code collects (``cluster.RECENT_53`` off), the held-out file clustered with the label's
switch. Writes ``lofo53_<LABEL>.json``; a candidate is compared with ``lofo53_main.json``
(main's figures re-measured in this session on the same 45 files).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import lofo
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
STUDIED = 45


def main() -> None:
    label = sys.argv[1]
    lofo.run_round(
        label,
        (cluster, "RECENT_53"),
        HERE / f"lofo53_{label}.json",
        HERE / "lofo53_main.json",
        studied=STUDIED,
        present=("fresh51", "fresh51b"),
        absent=("fresh52", "fresh53"),
    )


if __name__ == "__main__":
    main()
