"""Stop 54, second classify round (RULE.md): round 54's figures (imported: 53's, 50's, 49's,
47's; fresh53 and fresh54 left out of the study set) pointed at this folder's candidates A and B.
Aggregates only, never an item.

    .venv/bin/python bench/classify_round54b/figures_clround54b.py test
    .venv/bin/python bench/classify_round54b/figures_clround54b.py study
    .venv/bin/python bench/classify_round54b/figures_clround54b.py judge fresh53
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "classify_round54"))
import figures_clround54  # noqa: E402  (round 54's settings and its judges filter)

figures_clround54.f50.point_at(HERE, ("A", "B"))

if __name__ == "__main__":
    figures_clround54.f47.main()
