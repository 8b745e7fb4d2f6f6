"""Stop 50 (RULE.md): aggregates of main's shipped model and candidates A, B and C, never an
item. Round 49's script (imported: its study set, noise clause and clause table) pointed at this
round's models, diffs, figure files and study sets.

    .venv/bin/python bench/classify_round50/figures_clround50.py test
    .venv/bin/python bench/classify_round50/figures_clround50.py study
    .venv/bin/python bench/classify_round50/figures_clround50.py judge fresh49 fresh49b
    .venv/bin/python bench/classify_round50/figures_clround50.py clauses

``study``: the check ids of every held-back set but this stop's judges (983 items, fresh48 and
fresh48b included). ``judge`` (``read_judge_clround50.sh``): the two judges and their rows
pooled. ``clauses`` (clauses 1 and 2 of RULE.md, for A, B and C) reads the three figure files.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "classify_round49"))
sys.path.insert(0, str(HERE.parent / "classify_round47"))
import figures_clround47 as f47  # noqa: E402
import figures_clround49 as f49  # noqa: E402

sys.path.insert(0, str(HERE))
import study_clround50  # noqa: E402, F401  (after round 49's: this stop's judges left out)


def point_at(here: Path, candidates: Sequence[str]) -> None:
    """Round 49's and 47's figures pointed at a round's folder, its candidates' models and diffs
    (this round's and the later rounds' that import this script)."""
    f49.HERE = f47.HERE = here
    f47.MODELS = {"main": f47.MODELS["main"]} | {
        name: (here / f"candidate_{name.lower()}.json", here / f"candidate_{name.lower()}.diff")
        for name in candidates
    }


point_at(HERE, f49.CANDIDATES)

if __name__ == "__main__":
    f47.main()
