"""Stop 52, second classify round (issue 12): round 52's study script (imported) with both of this
stop's never-studied sets left out by name: fresh51 and fresh51b (the judges, substring
``fresh51``) and fresh52 (sealed this stop, a floor row). fresh50 and fresh50b are studied.

    .venv/bin/python bench/classify_round52b/study_clround52b.py [round 47's options]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROUNDS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROUNDS / "classify_round52"))
sys.path.insert(0, str(ROUNDS / "classify_round47"))
import study_clround47  # noqa: E402
import study_clround52  # noqa: E402, F401  (round 51b's, 50's and 47's settings, overridden)

study_clround47.JUDGES = ("fresh51", "fresh52")

if __name__ == "__main__":
    study_clround47.main()
