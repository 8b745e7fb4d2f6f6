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

import judges
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh51.jsonl", "stories_fresh51b.jsonl")


def main() -> None:
    judges.read_round(
        sys.argv[1], NAMES, HERE / f"judges52_{sys.argv[1]}.json", (cluster, "RECENT_52")
    )


if __name__ == "__main__":
    main()
