"""Stop 51's stories round's judges (``RULE.md``, clause 3), read once per code: aggregates only.

    .venv/bin/python bench/stories_round51/judges_stround51.py main > judges51_main.txt
    .venv/bin/python bench/stories_round51/judges_stround51.py A > judges51_A.txt

``judges.read_shipped`` (main's table; pooled, file order and six orders, each file's file-order
figures) over fresh50 and fresh50b, named here exactly, with ``cluster.LATE_51`` set to the
label's switch ("" for main); writes ``judges51_<LABEL>.json``. No item, assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import judges
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh50.jsonl", "stories_fresh50b.jsonl")


def main() -> None:
    judges.read_round(
        sys.argv[1], NAMES, HERE / f"judges51_{sys.argv[1]}.json", (cluster, "LATE_51")
    )


if __name__ == "__main__":
    main()
