"""Stop 48's judges, read once per code (``RULE.md``): aggregates only.

    .venv/bin/python bench/stories_round48/judges_stround48.py main   # main's code and table
    .venv/bin/python bench/stories_round48/judges_stround48.py A      # A's code, main's table
    .venv/bin/python bench/stories_round48/judges_stround48.py B      # B's code, its table

fresh47a and fresh47b (stop 48's judges) read by ``bench/stories_learned/judges.py``. main and A:
the checked-out ``LEARNED_PAIRS``; B: its full-fit table (``fit.fit`` on the 35 studied files'
pairs, 4 decimals, checked against ``lofo48_B.txt``). Written to ``judges48_<LABEL>.json`` in
``HERE``; the later rounds of stop 48 set ``NAMES``, ``HERE`` and ``model_of`` before calling
``main``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import judges
from common import labelled_files, load_items
from fit import fit, pairs_of
from wirewatch_stories.pair_model import LEARNED_PAIRS, PairModel

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh47a.jsonl", "stories_fresh47b.jsonl")


def model_of(label: str) -> PairModel:
    if label in ("main", "A"):
        return LEARNED_PAIRS
    every = [p for path in labelled_files() for p in pairs_of(load_items(path))]
    model = fit(every, decimals=4)
    printed = judges.printed_table(HERE / f"lofo48_{label}.txt")
    assert model == printed, (model, printed)
    return model


def main() -> None:
    label = sys.argv[1]
    assert not {p.name for p in labelled_files()} & set(NAMES)
    judges.read(label, NAMES, model_of(label), HERE / f"judges48_{label}.json")


if __name__ == "__main__":
    main()
