"""Stop 54b's probe (stround54b): the shipped table's clustering (``offline.cluster_rows``, as the
tests) of the studied files named, under each label of ``scoring.ROUND_54B``: pairs of two stories
joined and pairs of one story split, and the items whose predicted story changes against main
(file, row index, title). Studied files only (asserts no name holds fresh53 or fresh54).

    PYTHONPATH=. .venv/bin/python bench/stories_round54b/probe_stround54b.py lauds ... \
        > bench/stories_round54b/probe54b.txt   (from the worktree root, candidate_AB.diff applied)
"""

from __future__ import annotations

import sys
from itertools import combinations
from typing import Any

from wirewatch_stories import scoring
from wirewatch_stories.offline import cluster_rows

from tests.stories.support import labelled_rows
from wirewatch.cli.stories_cmds import _entity_finder


def _errors(rows: list[dict[str, Any]], ids: list[str]) -> tuple[int, int]:
    wrong = missed = 0
    for a, b in combinations(range(len(rows)), 2):
        same, joined = rows[a]["story"] == rows[b]["story"], ids[a] == ids[b]
        wrong += joined and not same
        missed += same and not joined
    return wrong, missed


def main() -> None:
    for name in sys.argv[1:]:
        assert "fresh53" not in name and "fresh54" not in name
        rows = labelled_rows(name)
        runs = {}
        for label in ("", "A", "B"):
            vars(scoring)["ROUND_54B"] = label
            runs[label] = [d.story_id for d in cluster_rows(rows, _entity_finder(None))]
        vars(scoring)["ROUND_54B"] = ""
        for label, ids in runs.items():
            wrong, missed = _errors(rows, ids)
            print(name, label or "main", f"wrong {wrong} missed {missed}")
        for label in ("A", "B"):
            base, ids = runs[""], runs[label]
            for n in range(len(rows)):
                moved = {m for m in range(len(rows)) if base[m] == base[n]} != {
                    m for m in range(len(rows)) if ids[m] == ids[n]
                }
                if moved:
                    print(" ", label, n, rows[n]["story"][:40], str(rows[n]["title"])[:90])


if __name__ == "__main__":
    main()
