"""Stop 54, classify round (RULE.md): main's shipped model and candidates A and B through round
53's figures (imported: 50's, 49's, 47's), fresh53 and fresh54 left out of the study set
(fresh52 and fresh52b studied). Aggregates only, never an item.

    .venv/bin/python bench/classify_round54/figures_clround54.py test
    .venv/bin/python bench/classify_round54/figures_clround54.py study
    .venv/bin/python bench/classify_round54/figures_clround54.py judge fresh53
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in ("classify_round47", "classify_round49", "classify_round50", "classify_round53"):
    sys.path.insert(0, str(HERE.parent / folder))
import figures_clround47 as f47  # noqa: E402
import figures_clround50 as f50  # noqa: E402
import figures_clround53  # noqa: E402, F401  (round 53's settings; its judges filter overridden)

sys.path.insert(0, str(HERE))
import study_clround54  # noqa: E402, F401  (after round 53's: fresh53 and fresh54 left out)

f50.point_at(HERE, ("A", "B"))

if __name__ == "__main__":
    f47.main()
