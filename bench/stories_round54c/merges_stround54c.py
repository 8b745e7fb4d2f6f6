"""Stop 54c's study (stround54c): main's wrong merges (the shipped table, ``offline.cluster_rows``)
on the studied files, each wrong pair (two labelled stories in one predicted story) sorted by what
the headline-country veto sees: a headline naming no country (``g:`` cue), headlines that do not
differ both ways, headlines that differ but one text names the other's extra country (C spares
it), or C's condition met. By file and in all. Studied files only (asserts no name holds fresh53 or
fresh54). Labels, cues and main's clustering only.

    PYTHONPATH=. .venv/bin/python bench/stories_round54c/merges_stround54c.py > \
        bench/stories_round54c/merges54c.txt   (from the worktree root)
"""

from __future__ import annotations

import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Item, labelled_files, load_items
from veto_census_stround54c import _apart
from wirewatch_stories import pair_cues
from wirewatch_stories.offline import cluster_rows

from tests.stories.support import labelled_rows
from wirewatch.cli.stories_cmds import _entity_finder


def _kind(a: Item, b: Item) -> str:
    if not pair_cues.headline(a.cues) or not pair_cues.headline(b.cues):
        return "a headline names no country"
    differ, apart = _apart(a, b)
    if not differ:
        return "headlines do not differ both ways"
    return "C's condition met" if apart else "differ, a text names the other's"


def main() -> None:
    total: Counter[str] = Counter()
    for path in labelled_files():
        name = path.stem.removeprefix("stories_")
        assert "fresh53" not in name and "fresh54" not in name
        rows, items = labelled_rows(name), load_items(path)
        ids = [d.story_id for d in cluster_rows(rows, _entity_finder(None))]
        kinds: Counter[str] = Counter()
        for x, y in combinations(range(len(rows)), 2):
            if ids[x] == ids[y] and rows[x]["story"] != rows[y]["story"]:
                kinds[_kind(items[x], items[y])] += 1
        if kinds:
            print(name, dict(sorted(kinds.items())))
        total.update(kinds)
    print("all", dict(sorted(total.items())))


if __name__ == "__main__":
    main()
