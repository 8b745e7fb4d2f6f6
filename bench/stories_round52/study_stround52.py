"""Stop 52's study (stround52): main's wrong merges and splits, story by story, studied files.

    cd bench/stories_round52 && ../../.venv/bin/python study_stround52.py [FILE] > study52_main.txt

Each studied file (``common.labelled_files()``: every labelled file but the judges, whose names
hold ``fresh51``) clustered in publication order as the service does (main's shipped code and
table). Printed per file: every predicted story holding items of several true stories (a merge:
the wrong pairs it makes) and every true story spread over several predicted stories (a split),
item by item (date, language, predicted story, headline). Main's code only: no candidate.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from merge_split_study import main as main

if __name__ == "__main__":
    main()
