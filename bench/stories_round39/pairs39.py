"""Dump every pair the shipped clusterer scores on the round's design files (stop 39).

    .venv/bin/python bench/stories_round39/pairs39.py > /tmp/pairs39.jsonl

One JSON line per pair (an item against a member of a candidate story, before the item is
recorded, as the service decides): file, same true story or not, the similarity, the pair's
``PAIR_FEATURES`` and the raw cues of both sides, for the round's error classes
(``errors39.py`` lists the decisions; this lists the evidence).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import load_items, ordered
from split39 import design_files
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import plain
from wirewatch_stories.pair_model import PAIR_FEATURES
from wirewatch_stories.scoring import STORY_SAMPLE


def main() -> None:
    for path in design_files():
        items = load_items(path)
        by_index = {str(it.index): it for it in items}
        clusterer = Clusterer()
        for it in ordered(items):
            when = max(it.published if it.published is not None else clusterer.clock, -1e18)
            scorer = clusterer._scorer(it.cues, when)
            for story in clusterer._candidates(plain(it.cues), when):
                scorer.story_score(story)  # sets the scorer's per-story state
                for i in story.members[-STORY_SAMPLE:]:
                    member = clusterer._members[i]
                    features = scorer.pair_features(member)
                    if features is None:
                        continue
                    other = by_index[member.item_id]
                    print(json.dumps({
                        "file": path.stem, "item": it.index, "other": other.index,
                        "same": it.story == other.story, "sim": scorer.similarity(member),
                        "f": dict(zip(PAIR_FEATURES, features, strict=True)),
                        "a": sorted(it.cues), "b": sorted(other.cues),
                    }))  # fmt: skip
            clusterer.assign(str(it.index), it.cues, when)


if __name__ == "__main__":
    main()
