"""List the stories clusterer's per-pair errors on the round's design files (stop 39).

    .venv/bin/python bench/stories_round39/errors39.py [NAME ...]   # e.g. dev noctis

Each design file (``split39.design_files``; never a held-out file or a judge) is clustered with
the shipped decision, item by item in publication order as ``wirewatch stories cluster`` does.
Before each item is recorded, it is scored against its *home* story (the open predicted story
holding most earlier items of its true story). Printed:

- ``JOIN``: the item joined a story whose matched item is of another true story (a false join),
  with the decisive pair's cues;
- ``SPLIT``: its home story exists but it went elsewhere (opened a story or joined another),
  with its score for home and the best home pair's cues.

For each pair: score, days apart, the pair's features that fired (conflicts, shared kinds) and
the cues each side has alone among numbers, dates, ordinals, countries, places, agencies, names.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, load_items, ordered
from split39 import design_files
from wirewatch_stories.cluster import Clusterer, Decision
from wirewatch_stories.pair_cues import plain
from wirewatch_stories.pair_model import PAIR_FEATURES
from wirewatch_stories.scoring import Scorer

_SHOWN = ("n:", "d:", "o:", "c:", "p:", "a:", "x:", "r:", "e:", "j:", "s:", "h:", "k:")
_FLAGS = [f for f in PAIR_FEATURES if f not in ("log_cosine", "days_apart") and "share" not in f]


def pair_text(scorer: Scorer, clusterer: Clusterer, index: int, mine: frozenset[str]) -> str:
    member = clusterer._members[index]
    features = scorer.pair_features(member)
    sim = scorer.similarity(member)
    if features is None:
        return f"      pair sim={sim:.3f} (fewer than 2 shared cues or other seat)"
    named = dict(zip(PAIR_FEATURES, features, strict=True))
    flags = [f for f in _FLAGS if named[f]]
    theirs = frozenset(member.cues) | member.events | member.courts | member.seats
    only_me = sorted(c for c in mine - theirs if c[:2] in _SHOWN)
    only_them = sorted(c for c in theirs - mine if c[:2] in _SHOWN)
    shared = sorted(c for c in mine & theirs if c[:2] in _SHOWN)
    return (
        f"      pair sim={sim:.3f} cos={2.718281828 ** named['log_cosine']:.3f} "
        f"days={named['days_apart']:.2f} {' '.join(flags)}\n"
        f"        shared {' '.join(shared)[:160]}\n"
        f"        item-only {' '.join(only_me)[:160]}\n"
        f"        other-only {' '.join(only_them)[:160]}"
    )


class _Listing:
    """One design file clustered item by item, its wrong decisions printed on the way."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows
        self.clusterer = Clusterer()
        self.story_of_item: dict[str, str] = {}
        self.tally: Counter[str] = Counter()

    def head(self, it: Item, tag: str, score: float) -> str:
        row = self.rows[it.index]
        return (
            f"  {tag} #{it.index} [{it.story[:40]}] {str(row.get('published'))[:16]} "
            f"{row.get('lang')} s={score:.3f}: {row['title'][:100]}"
        )

    def home(self, it: Item) -> str | None:
        """The open predicted story holding most earlier items of the item's true story."""
        clusterer = self.clusterer
        homes = Counter(
            m.story_id
            for m in clusterer._members.values()
            if self.story_of_item[m.item_id] == it.story and m.story_id in clusterer._stories
        )
        return homes.most_common(1)[0][0] if homes else None

    def step(self, it: Item) -> None:
        clusterer = self.clusterer
        when = max(it.published if it.published is not None else clusterer.clock, -1e18)
        decision = clusterer.decide(str(it.index), it.cues, when)
        home = self.home(it)
        matched = decision.matched_item
        if matched is not None and self.story_of_item[matched] != it.story:
            self.join(it, decision, matched, when)
        if home is not None and decision.story_id != home:
            self.split(it, decision, home, when)
        clusterer.add(str(it.index), decision.story_id, it.cues, when)
        self.story_of_item[str(it.index)] = it.story

    def join(self, it: Item, decision: Decision, matched: str, when: float) -> None:
        clusterer = self.clusterer
        self.tally["join"] += 1
        print(self.head(it, "JOIN", decision.score))
        other = self.rows[int(matched)]
        print(f"    with #{matched} [{self.story_of_item[matched][:40]}]: {other['title'][:90]}")
        scorer = clusterer._scorer(it.cues, when)
        scorer.story_score(clusterer._stories[decision.story_id])
        print(pair_text(scorer, clusterer, clusterer._by_item[matched], it.cues))

    def split(self, it: Item, decision: Decision, home: str, when: float) -> None:
        clusterer = self.clusterer
        self.tally["split"] += 1
        story = clusterer._stories[home]
        scorer = clusterer._scorer(it.cues, when)
        score, best = scorer.story_score(story)
        found = story in clusterer._candidates(plain(it.cues), when)
        print(
            self.head(it, "SPLIT", decision.score)
            + f" home={score:.3f} size={len(story.members)}"
            + f" after_last={(when - story.last) / 3600.0:.0f}h"
            + f" candidate={'yes' if found else 'NO'}"
        )
        best_id = clusterer._members[best].item_id
        print(f"    home best #{best_id}: {self.rows[int(best_id)]['title'][:90]}")
        print(pair_text(scorer, clusterer, best, it.cues))


def report(items: list[Item], rows: list[dict[str, str]]) -> Counter[str]:
    listing = _Listing(rows)
    for it in ordered(items):
        listing.step(it)
    return listing.tally


def main() -> None:
    chosen = set(sys.argv[1:])
    total: Counter[str] = Counter()
    for path in design_files():
        name = path.stem.removeprefix("stories_")
        if chosen and name not in chosen:
            continue
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        print(f"\n===== {name}")
        tally = report(load_items(path), rows)
        print(f"  -- {name}: {tally['join']} false joins, {tally['split']} splits")
        total += tally
    print(f"\nall: {total['join']} false joins, {total['split']} splits")


if __name__ == "__main__":
    main()
