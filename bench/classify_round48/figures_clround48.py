"""Stop 48 (RULE.md): aggregates of main's shipped model and candidates A and B, never an item.
Round 47's script (imported) with this round's models, diffs and study sets.

    .venv/bin/python bench/classify_round48/figures_clround48.py test
    .venv/bin/python bench/classify_round48/figures_clround48.py study
    .venv/bin/python bench/classify_round48/figures_clround48.py judge fresh47 fresh47b
    .venv/bin/python bench/classify_round48/figures_clround48.py clauses

``study``: the check ids of every held-back set but this stop's judges (796 items, fresh46
included). ``judge`` (``read_judge_clround48.sh``): the two judges and their rows pooled.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "classify_round47"))
import figures_clround47 as f47  # noqa: E402
import study_clround48  # noqa: E402, F401  (sets round 47's study script to this stop's judges)
from study_clround47 import held_rows  # noqa: E402

f47.HERE = HERE
f47.MODELS = {
    "main": f47.MODELS["main"],
    "A": (HERE / "candidate_a.json", HERE / "candidate_a.diff"),
    "B": (HERE / "candidate_b.json", HERE / "candidate_b.diff"),
}
_sets_for = f47.sets_for


def sets_for(what: str, stems: list[str]) -> dict[str, list[dict[str, Any]]]:
    if what == "study":
        rows = held_rows()
        return {f"held_back_study_{len(rows)}": rows}
    return _sets_for(what, stems)


f47.sets_for = sets_for

if __name__ == "__main__":
    f47.main()
