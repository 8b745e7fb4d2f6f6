"""Stop 51 (issue 12), border-policy round: round 50's study script (round 47's, imported) with
this stop's judges left out. fresh49 and fresh49b (stop 50's judges) are studied now; fresh50 and
fresh50b (matched by the prefix ``fresh50``) are this stop's judges and never read here.

    .venv/bin/python bench/classify_round51b/study_clround51b.py [--model M] [--topics-dir D] \
        [--list CLASS ...] [--sets train dev dev_file held] [--fires RULE ...]
    .venv/bin/python bench/classify_round51b/study_clround51b.py sim DIR [--list]

``sim``: round 50's ``sim_clround50.py`` (a candidate's rules read by main's fitted stack, topic
``version`` left at main's) on this stop's study sets.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROUNDS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROUNDS / "classify_round50"))
sys.path.insert(0, str(ROUNDS / "classify_round47"))
import study_clround47  # noqa: E402
import study_clround50  # noqa: E402, F401  (round 50's settings, overridden below)

# fresh50(b) judge this stop, fresh51(b) the next (held_rows matches by substring)
study_clround47.JUDGES = ("fresh50", "fresh51")

if __name__ == "__main__":
    if sys.argv[1:2] == ["sim"]:
        import sim_clround50

        del sys.argv[1]
        sim_clround50.main()
    else:
        study_clround47.main()
