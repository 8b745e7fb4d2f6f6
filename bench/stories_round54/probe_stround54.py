"""Stop 54's probe (stround54): for each item main puts outside the predicted story holding most
of its true story's earlier items, that story's score for it (main's code and table) and its pairs'
learned features (those not zero). Studied files only (asserts no name holds fresh53 or fresh54).

    ../../.venv/bin/python probe_stround54.py FILE [FILE ...] > probe54_main.txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import DATA, Item, load_items, ordered
from wirewatch_stories.cluster import Clusterer, Story
from wirewatch_stories.pair_model import PAIR_FEATURES
from wirewatch_stories.scoring import STORY_SAMPLE


def _show(c: Clusterer, name: str, it: Item, story: Story, when: float) -> None:
    decision = c.decide(str(it.index), it.cues, when)
    if decision.story_id == story.story_id:
        return
    scorer = c._scorer(it.cues, when)
    score, _ = scorer.story_score(story)
    age = (when - story.first) / 3600
    print(
        f"[{name}] item {it.index} true-story score {score:.3f} (chosen {decision.score:.3f}, "
        f"opened {decision.opened}) age {age:.0f}h"
    )
    for i in story.members[-STORY_SAMPLE:]:
        m = c._members[i]
        f = scorer.pair_features(m) or ()
        shown = " ".join(f"{k}={v:.2f}" for k, v in zip(PAIR_FEATURES, f, strict=False) if v)
        print(f"    {m.item_id:>3} sim {scorer.similarity(m):.3f} {shown}")


def probe(name: str) -> None:
    assert "fresh53" not in name and "fresh54" not in name
    items = load_items(DATA / f"stories_{name}.jsonl")
    c = Clusterer()
    pred: dict[int, str] = {}
    for it in ordered(items):
        when = it.published if it.published is not None else c.clock
        before = Counter(pred[j] for j in pred if items[j].story == it.story)
        story = c._stories.get(before.most_common(1)[0][0]) if before else None
        if story is not None:
            _show(c, name, it, story, when)
        pred[it.index] = c.assign(str(it.index), it.cues, max(when, -1e18)).story_id


if __name__ == "__main__":
    for n in sys.argv[1:]:
        probe(n)
