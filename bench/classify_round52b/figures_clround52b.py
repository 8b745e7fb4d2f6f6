"""Stop 52, second classify round (RULE.md): round 52's figures script (imported: round 49's and
47's) pointed at this round's folder, models and diffs, with fresh51 (the judges) and fresh52 left
out of the study set. Aggregates only, never an item.

    .venv/bin/python bench/classify_round52b/figures_clround52b.py test
    .venv/bin/python bench/classify_round52b/figures_clround52b.py study
    .venv/bin/python bench/classify_round52b/figures_clround52b.py judge fresh51 fresh51b
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in ("classify_round47", "classify_round49", "classify_round50", "classify_round52"):
    sys.path.insert(0, str(HERE.parent / folder))
import figures_clround47 as f47  # noqa: E402
import figures_clround50 as f50  # noqa: E402
import figures_clround52 as f52  # noqa: E402  (round 52's settings, pointed here below)

sys.path.insert(0, str(HERE))
import study_clround52b  # noqa: E402, F401  (fresh51 and fresh52 left out)

f50.point_at(HERE, f52.CANDIDATES)

if __name__ == "__main__":
    f47.main()
