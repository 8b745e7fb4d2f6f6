"""Stop 51 border-policy round (RULE.md): main's shipped model and this round's candidates
through round 50's figures (round 47's and 49's, imported), with this stop's study set (fresh49
and fresh49b studied; fresh50 and fresh50b the judges). Aggregates only, never an item.

    .venv/bin/python bench/classify_round51b/figures_clround51b.py test
    .venv/bin/python bench/classify_round51b/figures_clround51b.py study
    .venv/bin/python bench/classify_round51b/figures_clround51b.py judge fresh50 fresh50b
    .venv/bin/python bench/classify_round51b/figures_clround51b.py clauses
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in ("classify_round47", "classify_round49", "classify_round50"):
    sys.path.insert(0, str(HERE.parent / folder))
import figures_clround47 as f47  # noqa: E402
import figures_clround50 as f50  # noqa: E402  (round 49's and 47's figures, round 50's settings)

sys.path.insert(0, str(HERE))
import study_clround51b  # noqa: E402, F401  (after round 50's: this stop's judges left out)

CANDIDATES = ("A", "B")  # f49.clauses skips the names with no figures (its C)
f50.point_at(HERE, CANDIDATES)

if __name__ == "__main__":
    f47.main()
