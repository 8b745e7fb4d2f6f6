"""Stop 51's stories round, after clause 4 (not a clause): the work the speed bench's workload
asks of main and of a candidate, counted (untimed): candidate stories scored, member pairs scored
and stories opened over ``cpu_stround48b.py``'s 2,000 arrivals against 10,000 open stories.

    .venv/bin/python bench/stories_round51/count_stround51.py main B > count51.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stories_bench import DATA, _arrivals, _open_stories
from wirewatch_stories import cluster, scoring
from wirewatch_stories.assign import features_of
from wirewatch_stories.cluster import Clusterer

SWITCH = {"main": "", "A": "A", "B": "B"}


def count(label: str, rows: list[dict[str, Any]]) -> str:
    cluster.LATE_51 = SWITCH[label]
    calls = {"stories": 0, "pairs": 0}
    scored = scoring.Scorer.story_score

    def counted(self: scoring.Scorer, story: cluster.Story) -> tuple[float, int]:
        calls["stories"] += 1
        calls["pairs"] += min(len(story.members), scoring.STORY_SAMPLE)
        return scored(self, story)

    scoring.Scorer.story_score = counted  # type: ignore[method-assign]
    try:
        clusterer = Clusterer()
        for k in range(0, 10_000, 500):
            for item in _open_stories(rows, 10_000, k, k + 500):
                when = item.item.published.timestamp()
                clusterer.add(item.item.item_id, item.item.item_id, features_of(item).cues, when)
        opened = 0
        for item in _arrivals(rows, 2000, 10_000):
            when = item.item.published.timestamp()
            opened += clusterer.assign(item.item.item_id, features_of(item).cues, when).opened
    finally:
        scoring.Scorer.story_score = scored  # type: ignore[method-assign]
    return f"{label}: {calls['stories']} stories scored, {calls['pairs']} pairs, {opened} opened"


def main() -> None:
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x]
    for label in sys.argv[1:]:
        print(count(label, rows), flush=True)


if __name__ == "__main__":
    main()
