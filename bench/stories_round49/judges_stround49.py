"""Stop 49's stories round's judges (``RULE.md``), read once per code: aggregates only.

    /work/main/.venv/bin/python bench/stories_round49/judges_stround49.py main
    .venv/bin/python bench/stories_round49/judges_stround49.py A   # candidate A applied

The round's judges, fresh48 and fresh48b (named here: ``common.JUDGES`` has since gained the
sets sealed at stop 49), read by ``bench/stories_learned/judges.py`` with main's shipped
``LEARNED_PAIRS`` for every code, written to ``judges48_<LABEL>.json`` here. No item,
assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import judges

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh48.jsonl", "stories_fresh48b.jsonl")


def main() -> None:
    label = sys.argv[1]
    judges.read_shipped(label, NAMES, HERE / f"judges48_{label}.json")


if __name__ == "__main__":
    main()
