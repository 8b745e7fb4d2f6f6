"""Stop 54, classify round (issue 12): round 53's study script (imported: 52b's, 52's, 51b's,
50's and 47's) with this stop's never-studied sets left out by name: fresh53 (the judges) and
fresh54 (sealed this stop by the data helpers). fresh52 and fresh52b (stop 53's judges) are
studied now.

    .venv/bin/python bench/classify_round54/study_clround54.py [round 47's options]
    .venv/bin/python bench/classify_round54/study_clround54.py sim DIR [--list]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROUNDS = Path(__file__).resolve().parent.parent
for folder in ("classify_round53", "classify_round47"):
    sys.path.insert(0, str(ROUNDS / folder))
import study_clround47  # noqa: E402
import study_clround53  # noqa: E402, F401  (53's, 52b's, 52's, 50's and 47's settings, overridden)

JUDGES = ("fresh53", "fresh54")
study_clround47.JUDGES = JUDGES

if __name__ == "__main__":
    if sys.argv[1:2] == ["sim"]:
        import sim_clround50

        study_clround47.JUDGES = JUDGES  # sim imports round 50's study settings: again
        del sys.argv[1]
        sim_clround50.main()
    else:
        study_clround47.main()
