"""Stop 50 (issue 12): main's misses on the study sets by miss class, round 47's study script
with this stop's judges left out (fresh48 and fresh48b are now study sets; fresh49 and fresh49b
are judges).

    .venv/bin/python bench/classify_round50/study_clround50.py [--model M] [--topics-dir D] \
        [--list CLASS ...] [--sets train dev dev_file held] [--fires RULE ...]

Study sets: the train and dev lists of main's split manifest, classify_dev.jsonl and the check
ids of every held-back set but the judges (fresh48 and fresh48b included). The test split, the
midday check set and the judges are never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "classify_round47"))
import study_clround47

# fresh50(b) sealed later in stop 50 and fresh51(b) sealed at stop 51: never studied here
study_clround47.JUDGES = ("fresh49", "fresh49b", "fresh50", "fresh51")

if __name__ == "__main__":
    study_clround47.main()
