"""Stop 52 (RULE.md): main's shipped model and this round's candidates through round 49's and 47's
figures (imported), with this stop's study set (fresh50 and fresh50b studied; fresh51 and
fresh51b the judges). Aggregates only, never an item.

    .venv/bin/python bench/classify_round52/figures_clround52.py test
    .venv/bin/python bench/classify_round52/figures_clround52.py study
    .venv/bin/python bench/classify_round52/figures_clround52.py judge fresh51 fresh51b
    .venv/bin/python bench/classify_round52/figures_clround52.py clauses
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
import study_clround52  # noqa: E402, F401  (after round 51b's: this stop's judges left out)

CANDIDATES = ("A", "B")  # f49.clauses skips the names with no figures (its C)
f50.point_at(HERE, CANDIDATES)

if __name__ == "__main__":
    f47.main()
