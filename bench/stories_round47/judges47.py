"""Stop 47's judges, read once per code (``RULE.md``): aggregates only.

    .venv/bin/python bench/stories_round47/judges47.py main   # main's code, shipped table
    git apply bench/stories_round47/repeat_feature47.diff        # B's code (A: its diff)
    .venv/bin/python bench/stories_round47/judges47.py B      # B's code, its full-fit table
    git apply -R bench/stories_round47/repeat_feature47.diff

fresh46, fresh47a and fresh47b (stop 47's judges), read by ``bench/stories_learned/judges.py``
(pooled, file order and six orders; each file's figures since stop 49 also count its stories).
Main: the checked-out ``LEARNED_PAIRS`` (run on main's code); a candidate: its full-fit table
(``fit.fit`` on the 34 studied files' pairs, 4 decimals, checked against the table
``lofo47_<LABEL>.txt`` printed). Written to ``judges47_<LABEL>.json``.
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
NAMES = ("stories_fresh46.jsonl", "stories_fresh47a.jsonl", "stories_fresh47b.jsonl")


def model_of(label: str) -> PairModel:
    if label == "main":
        return LEARNED_PAIRS
    every = [p for path in labelled_files() for p in pairs_of(load_items(path))]
    model = fit(every, decimals=4)
    printed = judges.printed_table(HERE / f"lofo47_{label}.txt")
    assert model == printed, (model, printed)
    return model


def main() -> None:
    label = sys.argv[1]
    assert not {p.name for p in labelled_files()} & set(NAMES)
    judges.read(label, NAMES, model_of(label), HERE / f"judges47_{label}.json")


if __name__ == "__main__":
    main()
