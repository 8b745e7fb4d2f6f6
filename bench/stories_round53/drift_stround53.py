"""Stop 53's stories round (stround53), study before the rule: what a joining item shares with a
story's recent reports that its older reports never said (round 52b's drift study, on the 45
studied files of stop 53, with the count of heavy cues: kind weight >= 1.0).

    cd bench/stories_round53 && ../../.venv/bin/python drift_stround53.py > drift53_A_main.txt

``drift53_A_main.txt`` was written before this round's guard existed (round 52b's ``_recent`` under
``cluster.RECENT_53``, uncommitted, before the RULE); run after the guard, "A" is the guarded A.
Each studied file clustered with main's code; at each decision the item is also decided with
``cluster.RECENT_53 = "A"``; where the two differ and A joins a story, printed: whether that story
is the item's (R) or another (W), the share of the item's squared cue weights found among the
story's old sampled reports (more than RECENT_S from the item) and among its recent ones, and the
item's heaviest cues found among the recent reports but in none of the old ones (``recent_only``).
Judges excluded by name."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories import cluster
from wirewatch_stories.cluster import KIND_WEIGHTS, Clusterer, Story
from wirewatch_stories.pair_cues import plain
from wirewatch_stories.scoring import RECENT_S, STORY_SAMPLE


def _label(clusterer: Clusterer, story: Story, truth: dict[str, str]) -> str:
    members = clusterer._members
    return Counter(truth[members[i].item_id] for i in story.members).most_common(1)[0][0]


def _print(
    name: str,
    index: int,
    right: bool,
    clusterer: Clusterer,
    story: Story,
    cues: frozenset[str],
    when: float,
) -> None:
    members = clusterer._members
    sample = story.members[-STORY_SAMPLE:]
    old = set().union(
        *(members[i].cues for i in sample if abs(when - members[i].published) > RECENT_S)
    )
    near = set().union(
        *(members[i].cues for i in sample if abs(when - members[i].published) <= RECENT_S)
    )
    mine = plain(cues)
    squared: dict[str, float] = {}
    clusterer.squared_weights(mine, squared)
    total = sum(squared.values()) or 1.0
    in_old = sum(squared[c] for c in mine if c in old) / total
    in_near = sum(squared[c] for c in mine if c in near) / total
    heavy = [c for c in mine if c in near and c not in old and KIND_WEIGHTS.get(c[0], 1.0) >= 1.0]
    whole = old | near
    fresh = sorted(
        (c for c in mine if c not in whole and KIND_WEIGHTS.get(c[0], 1.0) >= 1.0),
        key=lambda c: (-squared[c], c),
    )
    recent_only = sorted(
        (c for c in mine if c in near and c not in old), key=lambda c: (-squared[c], c)
    )
    print(
        f"{'R' if right else 'W'} {name:10} item {index:<4} in_old {in_old:.2f} "
        f"in_recent {in_near:.2f} heavy_new {len(heavy)} recent_only {recent_only[:8]} "
        f"item_new {len(fresh)} {fresh[:8]}"
    )


def main() -> None:
    paths = labelled_files()
    assert not any("fresh52" in p.name or "fresh53" in p.name for p in paths)
    for path in paths:
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        truth = {str(it.index): it.story for it in items}
        clusterer = Clusterer()
        for it in ordered(items):
            when = max(it.published if it.published is not None else clusterer.clock, -1e18)
            vars(cluster)["RECENT_53"] = "A"
            with_a = clusterer.decide(str(it.index), it.cues, when)
            vars(cluster)["RECENT_53"] = ""
            on_main = clusterer.decide(str(it.index), it.cues, when)
            if with_a.story_id != on_main.story_id and not with_a.opened:
                story = clusterer._stories[with_a.story_id]
                right = _label(clusterer, story, truth) == it.story
                _print(name, it.index, right, clusterer, story, it.cues, when)
            clusterer.assign(str(it.index), it.cues, when)


if __name__ == "__main__":
    main()
