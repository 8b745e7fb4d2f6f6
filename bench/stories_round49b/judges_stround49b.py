"""Stop 49's second stories round's judges (``RULE.md``), read once per code: aggregates only.

    .venv/bin/python bench/stories_round49b/judges_stround49b.py main   # main's code
    .venv/bin/python bench/stories_round49b/judges_stround49b.py A      # A applied, main's table

``judges.read`` (pooled, file order and six orders, each file's file-order figures) over
fresh48 and fresh48b, named here exactly (``common.JUDGES`` also lists stop 49's sealed sets,
never read by this round), with main's table; writes ``judges49b_<LABEL>.json``. Also printed:
the same-story pairs of the pooled judges (one pair's worth of recall is its inverse). No item,
assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files
from judges import read_shipped

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh48.jsonl", "stories_fresh48b.jsonl")


def main() -> None:
    label = sys.argv[1]
    assert not {p.name for p in labelled_files()} & set(NAMES)
    read_shipped(label, NAMES, HERE / f"judges49b_{label}.json")


if __name__ == "__main__":
    main()
