"""Stop 53, second classify round (RULE.md): main's shipped model and candidate B2 through
round 53's figures (imported: 52's, 50's, 49's, 47's), fresh52 and fresh53 left out of the
study set. Aggregates only, never an item.

    .venv/bin/python bench/classify_round53b/figures_clround53b.py test
    .venv/bin/python bench/classify_round53b/figures_clround53b.py study
    .venv/bin/python bench/classify_round53b/figures_clround53b.py judge fresh52 fresh52b
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in ("classify_round47", "classify_round49", "classify_round50", "classify_round53"):
    sys.path.insert(0, str(HERE.parent / folder))
import figures_clround47 as f47  # noqa: E402
import figures_clround50 as f50  # noqa: E402
import figures_clround53  # noqa: E402, F401  (round 53's settings and study set)

f50.point_at(HERE, ("B2",))

if __name__ == "__main__":
    f47.main()
