"""Stop 48's second round's judges (``RULE.md``), read once per code: aggregates only.

    /work/main/.venv/bin/python bench/stories_round48b/judges_stround48b.py main
    .venv/bin/python bench/stories_round48b/judges_stround48b.py A   # A' applied, main's table

Runs stround48's ``judges_stround48.main`` (pooled, file order and six orders, each file's
file-order figures, its ``judges48_<LABEL>.json``) with this round's judge list: fresh48,
fresh47a and fresh47b (fresh48b, sealed after this round's read, is not read here). Its output is
written here, not in ``bench/stories_round48``. Also printed: the same-story pairs of the pooled
judges (a count from the labels: one pair's worth of recall is its inverse). No item,
assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round48"))

import judges_stround48
from judges import true_pairs

HERE = Path(__file__).resolve().parent
ROUND = ("stories_fresh48.jsonl", "stories_fresh47a.jsonl", "stories_fresh47b.jsonl")


def names() -> tuple[str, ...]:
    return ROUND


def main() -> None:
    files = names()
    # stround48's list is inferred as two names; this round's has three or four
    judges_stround48.NAMES = files  # type: ignore[assignment]
    judges_stround48.HERE = HERE
    print(f"judges: {', '.join(files)}")
    pairs = true_pairs(files)
    print(f"pooled same-story pairs: {pairs}; one pair's worth of recall {1 / pairs:.4f}")
    judges_stround48.main()


if __name__ == "__main__":
    main()
