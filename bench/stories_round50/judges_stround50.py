"""Stop 50's stories round's judges (``RULE.md``, clause 3), read once per code: aggregates only.

    .venv/bin/python bench/stories_round50/judges_stround50.py main > judges50_main.txt  # veto off
    .venv/bin/python bench/stories_round50/judges_stround50.py A > judges50_A.txt

``judges.read_shipped`` (main's table; pooled, file order and six orders, each file's file-order
figures) over fresh49 and fresh49b, named here exactly, with ``scoring.FLIGHT_VETO`` set to the
label's veto ("" for main); writes ``judges50_<LABEL>.json``. No item, assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files
from judges import read_shipped
from wirewatch_stories import scoring

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh49.jsonl", "stories_fresh49b.jsonl")
VETO = {"main": "", "A": "A", "B": "B", "C": "C"}


def main() -> None:
    label = sys.argv[1]
    assert not {p.name for p in labelled_files()} & set(NAMES)
    scoring.FLIGHT_VETO = VETO[label]
    read_shipped(label, NAMES, HERE / f"judges50_{label}.json")


if __name__ == "__main__":
    main()
