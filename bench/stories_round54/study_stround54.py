"""Stop 54's study (stround54): main's wrong merges and splits, by story, studied files.

    cd bench/stories_round54
    ../../.venv/bin/python study_stround54.py [FILE ...] > study54_main.txt

``merge_split_study.main`` over the studied files (``common.labelled_files()``: every labelled
file but the judge fresh53; fresh52 and fresh52b released for study this stop), main's shipped code
and table. Asserts no studied file's name holds ``fresh53`` or ``fresh54``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files
from merge_split_study import main

if __name__ == "__main__":
    assert not any("fresh53" in p.name or "fresh54" in p.name for p in labelled_files())
    main()
