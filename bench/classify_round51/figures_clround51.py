"""Stop 51 (RULE.md): main's shipped model and stop 50's candidate B (its diff, retrained into
``candidate_b.json`` here) through round 47's figures, with round 50's study set; aggregates only.

    .venv/bin/python bench/classify_round51/figures_clround51.py test
    .venv/bin/python bench/classify_round51/figures_clround51.py study
    .venv/bin/python bench/classify_round51/figures_clround51.py judge fresh50 fresh50b
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROUND50 = HERE.parent / "classify_round50"
for folder in ("classify_round47", "classify_round49", "classify_round50"):
    sys.path.insert(0, str(HERE.parent / folder))
import figures_clround47 as f47  # noqa: E402
import figures_clround49 as f49  # noqa: E402
import figures_clround50  # noqa: E402, F401  (round 50's study set and models, replaced below)

f47.HERE = f49.HERE = HERE
f47.MODELS = {
    "main": f47.MODELS["main"],
    "B": (HERE / "candidate_b.json", ROUND50 / "candidate_b.diff"),
}

if __name__ == "__main__":
    f47.main()
