"""Stop 52, third stories round: judges (``RULE.md``, clause 3), once per code, aggregates only.

    ../../.venv/bin/python judges_stround52c.py main > judges52c_main.txt  # in this folder

``judges.read_shipped`` (main's table; pooled, file order and six orders, each file's file-order
figures) over fresh51, fresh51b, fresh52 and fresh52b, named here exactly, with
``cluster.SAME_DAY_52C`` set to the label's switch; writes ``judges52c_<LABEL>.json``. No item,
assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import judges
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
NAMES = (
    "stories_fresh51.jsonl",
    "stories_fresh51b.jsonl",
    "stories_fresh52.jsonl",
    "stories_fresh52b.jsonl",
)


def main() -> None:
    judges.read_round(
        sys.argv[1], NAMES, HERE / f"judges52c_{sys.argv[1]}.json", (cluster, "SAME_DAY_52C")
    )


if __name__ == "__main__":
    main()
