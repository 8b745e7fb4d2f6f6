"""Stop 49's stories round's judges (``RULE.md``), read once per code: aggregates only.

    /work/main/.venv/bin/python bench/stories_round49/judges_stround49.py main
    .venv/bin/python bench/stories_round49/judges_stround49.py A   # candidate A applied

Runs stround48's ``judges_stround48.main`` (pooled, file order and six orders, each file's
file-order figures) with the current judge list, ``common.JUDGES`` (fresh48, fresh48b), with
main's shipped ``LEARNED_PAIRS`` for every code (no candidate refits), writing
``judges48_<LABEL>.json`` here. Also printed: the pooled judges' same-story pairs (one pair's
worth of recall and precision is about its inverse). No item, assignment or error.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round48"))

import judges_stround48
from common import JUDGES
from judges import true_pairs
from wirewatch_stories.pair_model import LEARNED_PAIRS, PairModel

HERE = Path(__file__).resolve().parent


def shipped(label: str) -> PairModel:
    return LEARNED_PAIRS


def main() -> None:
    judges_stround48.NAMES = JUDGES  # type: ignore[assignment]
    judges_stround48.HERE = HERE
    judges_stround48.model_of = shipped  # every code here keeps main's table
    print(f"judges: {', '.join(JUDGES)}")
    pairs = true_pairs(JUDGES)
    print(f"pooled same-story pairs: {pairs}; one pair's worth of recall {1 / pairs:.4f}")
    judges_stround48.main()


if __name__ == "__main__":
    main()
