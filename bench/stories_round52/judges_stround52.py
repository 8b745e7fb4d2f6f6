"""Stop 52's stories round's judges (``RULE.md``, clause 3), read once per code: aggregates only.

    cd bench/stories_round52 && ../../.venv/bin/python judges_stround52.py main > judges52_main.txt

``judges.read_shipped`` (main's table; pooled, file order and six orders, each file's file-order
figures) over fresh51 and fresh51b, named here exactly, with ``cluster.RECENT_52`` set to the
label's switch ("" for main; A and B need ``candidate_AB.diff`` applied); writes
``judges52_<LABEL>.json``. No item, assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files
from judges import read_shipped
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh51.jsonl", "stories_fresh51b.jsonl")
SWITCH = {"main": "", "A": "A", "B": "B"}


def main() -> None:
    label = sys.argv[1]
    assert not {p.name for p in labelled_files()} & set(NAMES)
    vars(cluster)["RECENT_52"] = SWITCH[label]
    read_shipped(label, NAMES, HERE / f"judges52_{label}.json")


if __name__ == "__main__":
    main()
