"""With ``content_key46.diff`` applied, ``offline.cluster_rows`` gives the bench's policy a
(``tie46.py``) on every studied file, in the file's order and seed 2: the diff is the measured
candidate.

    git apply bench/stories_tie46/content_key46.diff
    .venv/bin/python bench/stories_tie46/check_diff46.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tie46 import cluster, prepared, read_rows, studied_files
from wirewatch_stories.offline import cluster_rows

from wirewatch.cli.stories_cmds import _entity_finder


def main() -> None:
    finder = _entity_finder(None)
    for path in studied_files():
        for seed in (None, 2):
            raw = read_rows(path)
            if seed is not None:
                random.Random(seed).shuffle(raw)
            ours = cluster(prepared(read_rows(path), seed), "a")
            theirs = cluster_rows(raw, finder)
            assert [ours[n].story_id for n in range(len(raw))] == [d.story_id for d in theirs]
    print("offline.cluster_rows with the diff = policy a on all 33 studied files (file, seed 2)")


if __name__ == "__main__":
    main()
