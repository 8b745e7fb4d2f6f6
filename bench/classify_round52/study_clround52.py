"""Stop 52 (issue 12): main's misses on the study sets by miss class, round 51b's study script
(round 50's and 47's, imported) with this stop's judges left out: fresh50 and fresh50b (stop 51's
judges) are studied now; fresh51 and fresh51b (matched by the substring ``fresh51``) are this
stop's judges and fresh52, fresh52b (sealed during it, ``fresh52``) the next's: never read here.

    .venv/bin/python bench/classify_round52/study_clround52.py [--model M] [--topics-dir D] \
        [--list CLASS ...] [--sets train dev dev_file held] [--fires RULE ...]
    .venv/bin/python bench/classify_round52/study_clround52.py sim DIR [--list]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROUNDS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROUNDS / "classify_round51b"))
sys.path.insert(0, str(ROUNDS / "classify_round50"))
sys.path.insert(0, str(ROUNDS / "classify_round47"))
import study_clround47  # noqa: E402
import study_clround51b  # noqa: E402, F401  (round 50's and 51b's settings, overridden below)

study_clround47.JUDGES = ("fresh51", "fresh52")

if __name__ == "__main__":
    if sys.argv[1:2] == ["sim"]:
        import sim_clround50

        # sim imports round 50's study settings: this stop's judges again
        study_clround47.JUDGES = ("fresh51", "fresh52")
        del sys.argv[1]
        sim_clround50.main()
    else:
        study_clround47.main()
