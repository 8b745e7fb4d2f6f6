"""Stop 48's splits round's judges (``RULE.md``), read once per code: aggregates only.

    /work/main/.venv/bin/python bench/stories_round48c/judges_stround48c.py main
    .venv/bin/python bench/stories_round48c/judges_stround48c.py A   # candidate A applied

The round's judges, fresh47a, fresh47b, fresh48 and fresh48b (named here: ``common.JUDGES``
has moved on since), read by ``bench/stories_learned/judges.py`` with main's shipped
``LEARNED_PAIRS`` for every code, written to ``judges48_<LABEL>.json`` here. No item,
assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import judges

HERE = Path(__file__).resolve().parent
NAMES = (
    "stories_fresh47a.jsonl",
    "stories_fresh47b.jsonl",
    "stories_fresh48.jsonl",
    "stories_fresh48b.jsonl",
)


def main() -> None:
    label = sys.argv[1]
    judges.read_shipped(label, NAMES, HERE / f"judges48_{label}.json")


if __name__ == "__main__":
    main()
