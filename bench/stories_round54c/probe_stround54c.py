"""Stop 54c's probe (stround54c): the shipped table's clustering (``offline.cluster_rows``, as the
tests) of every studied file under each label of ``scoring.ROUND_54C``: pairs of two stories
joined and pairs of one story split where they differ from main, and the items whose predicted
story changes (file, row index, label story, title). Studied files only (asserts no name holds
fresh53 or fresh54); round 54b's ``_errors`` by import.

    PYTHONPATH=. .venv/bin/python bench/stories_round54c/probe_stround54c.py > \
        bench/stories_round54c/probe54c.txt   (from the worktree root)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round54b"))

from common import labelled_files
from probe_stround54b import _errors
from wirewatch_stories import scoring
from wirewatch_stories.offline import cluster_rows

from tests.stories.support import labelled_rows
from wirewatch.cli.stories_cmds import _entity_finder


def main() -> None:
    for path in labelled_files():
        name = path.stem.removeprefix("stories_")
        assert "fresh53" not in name and "fresh54" not in name
        rows = labelled_rows(name)
        runs = {}
        for label in ("", "C", "D"):
            vars(scoring)["ROUND_54C"] = label
            runs[label] = [d.story_id for d in cluster_rows(rows, _entity_finder(None))]
        vars(scoring)["ROUND_54C"] = ""
        if runs["C"] == runs[""] and runs["D"] == runs[""]:
            continue
        for label, ids in runs.items():
            wrong, missed = _errors(rows, ids)
            print(name, label or "main", f"wrong {wrong} missed {missed}")
        for label in ("C", "D"):
            base, ids = runs[""], runs[label]
            for n in range(len(rows)):
                moved = {m for m in range(len(rows)) if base[m] == base[n]} != {
                    m for m in range(len(rows)) if ids[m] == ids[n]
                }
                if moved:
                    print(" ", label, n, rows[n]["story"][:40], str(rows[n]["title"])[:90])


if __name__ == "__main__":
    main()
