"""Stop 53, classify round (issue 12): round 52b's study script (imported: 52's, 51b's, 50's and
47's) with this stop's never-studied sets left out by name: fresh52 and fresh52b (the judges,
substring ``fresh52``) and fresh53 (sealed this stop by the data helpers, ``fresh53``). fresh51
and fresh51b (stop 52's judges) are studied now.

    .venv/bin/python bench/classify_round53/study_clround53.py [round 47's options]
    .venv/bin/python bench/classify_round53/study_clround53.py sim DIR [--list]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROUNDS = Path(__file__).resolve().parent.parent
for folder in ("classify_round52b", "classify_round52", "classify_round51b", "classify_round50"):
    sys.path.insert(0, str(ROUNDS / folder))
sys.path.insert(0, str(ROUNDS / "classify_round47"))
import study_clround47  # noqa: E402
import study_clround52b  # noqa: E402, F401  (52's, 51b's, 50's and 47's settings, overridden)

JUDGES = ("fresh52", "fresh53")
study_clround47.JUDGES = JUDGES

if __name__ == "__main__":
    if sys.argv[1:2] == ["sim"]:
        import sim_clround50

        study_clround47.JUDGES = JUDGES  # sim imports round 50's study settings: again
        del sys.argv[1]
        sim_clround50.main()
    else:
        study_clround47.main()
