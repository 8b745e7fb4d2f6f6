"""Stop 53 (RULE.md): main's shipped model and this round's candidates through round 49's and
47's figures (imported), with this stop's study set (fresh51 and fresh51b studied; fresh52 and
fresh52b the judges; fresh53 never read). Aggregates only, never an item.

    .venv/bin/python bench/classify_round53/figures_clround53.py test
    .venv/bin/python bench/classify_round53/figures_clround53.py study
    .venv/bin/python bench/classify_round53/figures_clround53.py judge fresh52 fresh52b
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in ("classify_round47", "classify_round49", "classify_round50", "classify_round52"):
    sys.path.insert(0, str(HERE.parent / folder))
import figures_clround47 as f47  # noqa: E402
import figures_clround50 as f50  # noqa: E402
import figures_clround52  # noqa: E402, F401  (round 52's settings, pointed here below)

sys.path.insert(0, str(HERE))
import study_clround53  # noqa: E402, F401  (fresh52 and fresh53 left out of the study set)

f50.point_at(HERE, ("A", "B"))

if __name__ == "__main__":
    f47.main()
