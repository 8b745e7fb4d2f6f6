"""After clause 1's figures (``RULE.md``, outcome; not a clause): A's leave-one-file-out with each
fold's model fitted on the pairs main's code scores, A's veto applied at clustering only.

    .venv/bin/python bench/stories_round49c/mainfit_stround49c.py > lofo49c_A_mainfit.txt  # diff on

Clause 1's measure refits each fold on the candidate's own pairs: a veto takes its pairs (403 of
two stories, 7 of one, nearly all of ``dev``) out of every fold's fit, and the refitted weights
move files the veto never touches (``diag49c_A.txt``). A product that keeps main's table (the
brief: no refit) is measured by folds fitted as main fits them: ``fit.pairs_of`` is run with
``Scorer.other_flight`` off, the clustering with it on. Writes ``lofo49c_A_mainfit.json`` and
compares it with ``lofo49c_main.json`` (``lofo_stround49c.compare``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round49b"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import lofo
from common import labelled_files
from fit import pairs_of
from judges import true_pairs
from lofo_stround49c import HERE, compare
from wirewatch_stories.scoring import Scorer

LABEL = "A_mainfit"


def _main_pairs(items: Any) -> Any:
    """``fit.pairs_of`` with A's veto off: the pairs main's code scores."""
    veto = Scorer.other_flight  # type: ignore[attr-defined]
    Scorer.other_flight = lambda self, member: False  # type: ignore[attr-defined, method-assign]
    try:
        return pairs_of(items)
    finally:
        Scorer.other_flight = veto  # type: ignore[attr-defined, method-assign]


def main() -> None:
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    lofo.pairs_of = _main_pairs  # type: ignore[attr-defined]
    figures, _ = lofo.per_file(LABEL, paths)
    for name, p in paths.items():
        figures[name]["pairs"] = float(true_pairs([p.name]))
    (HERE / f"lofo49c_{LABEL}.json").write_text(
        json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    compare(LABEL)


if __name__ == "__main__":
    main()
