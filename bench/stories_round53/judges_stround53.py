"""Stop 53's stories round (stround53): judges (``RULE.md``, clause 3), aggregates only.

    cd bench/stories_round53 && ../../.venv/bin/python judges_stround53.py main A ... > judges53.txt

``judges.read_round`` (main's table; pooled, file order and six orders, each file's file-order
figures) over fresh52 and fresh52b, named here exactly, once per label given (main first, then each
candidate that passed clauses 1-2, all in this one run), with ``cluster.RECENT_53`` set to the
label's switch; writes ``judges53_<LABEL>.json``. No item, assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import judges
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh52.jsonl", "stories_fresh52b.jsonl")


def main() -> None:
    for label in sys.argv[1:]:
        judges.read_round(label, NAMES, HERE / f"judges53_{label}.json", (cluster, "RECENT_53"))


if __name__ == "__main__":
    main()
