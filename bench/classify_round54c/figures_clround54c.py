"""Stop 54, third classify round (RULE.md): round 54's figures (imported: 53's, 50's, 49's,
47's; fresh53 and fresh54 left out of the study set) pointed at this folder's candidates C and D.
Aggregates only, never an item.

    .venv/bin/python bench/classify_round54c/figures_clround54c.py test
    .venv/bin/python bench/classify_round54c/figures_clround54c.py study
    .venv/bin/python bench/classify_round54c/figures_clround54c.py judge fresh53
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in ("classify_round47", "classify_round50", "classify_round54"):
    sys.path.insert(0, str(HERE.parent / folder))
import figures_clround47 as f47  # noqa: E402
import figures_clround50 as f50  # noqa: E402
import figures_clround54  # noqa: E402, F401  (round 54's settings and its judges filter)

f50.point_at(HERE, ("C", "D"))

if __name__ == "__main__":
    f47.main()
