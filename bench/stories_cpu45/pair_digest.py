"""Every pair the clusterer scores on the labelled stories files, as a digest (stop 45).

Each labelled stories file but the judges (``bench/stories_learned/common.JUDGES``, never
opened) is clustered in publication order as ``wirewatch stories eval`` does, once with the
learned pair decision (the service's) and once with the hand factors (``pair_model=None``, the
fitting script's); every pair scored on the way (an item against the latest items of its
candidate stories, through :meth:`Scorer.similarity`) gives its ``pair_features``, the learned
probability and the similarity, and every candidate story its ``story_score``, each float as
``float.hex`` (bit for bit). Prints a digest per file and mode, the pairs scored and a total:
equal digests before and after a change, every pair's features, probability and similarity
equal bit for bit.

    .venv/bin/python bench/stories_cpu45/pair_digest.py [--files 'stories_*.jsonl'] [--pool N]

``--pool N`` adds the first N items of ``bench/stories_cpu42/stage_cost.py`` (stories_dev and
the pooled classify sets, real text, their labels not read), published 60 s apart in file order
with the gazetteer's entities: the dense clustered text of the stage's bench, ~115 pairs an item.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_cpu42"))

from common import DATA, JUDGES, Item, load_items, ordered
from stage_cost import _rows
from wirewatch_stories.cluster import Clusterer, Story
from wirewatch_stories.pair_cues import Member
from wirewatch_stories.scoring import Scorer


class _Recording(Scorer):
    __slots__ = ()

    def similarity(self, member: Member) -> float:
        clusterer = self.clusterer
        assert isinstance(clusterer, _Clusterer)
        value = super().similarity(member)
        features = self.pair_features(member)
        probability = (
            None
            if features is None or clusterer.pair_model is None
            else clusterer.pair_model.probability(features)
        )
        text = (
            f"{member.item_id} "
            f"{None if features is None else ','.join(map(float.hex, features))} "
            f"{None if probability is None else probability.hex()} {value.hex()}\n"
        )
        clusterer.digest.update(text.encode())
        clusterer.pairs += 1
        return value

    def story_score(self, story: Story) -> tuple[float, int]:
        score, index = super().story_score(story)
        clusterer = self.clusterer
        assert isinstance(clusterer, _Clusterer)
        clusterer.digest.update(f"story {story.story_id} {score.hex()} {index}\n".encode())
        return score, index


class _Clusterer(Clusterer):
    def __init__(self, *, hand: bool) -> None:
        if hand:
            super().__init__(pair_model=None)
        else:
            super().__init__()
        self.digest = hashlib.sha256()
        self.pairs = 0

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _Recording(self, cues, published)


def _pool(count: int) -> list[Item]:
    from wirewatch_stories.features import extract

    from wirewatch.cli.stories_cmds import _entity_finder

    finder = _entity_finder(None)
    items = []
    for n, row in enumerate(_rows()[:count]):
        title, summary = str(row.get("title") or ""), str(row.get("summary") or "")
        found = finder(title, summary)
        cues = extract(
            title, summary, countries=found.countries, agencies=found.agencies, places=found.places
        ).cues
        items.append(Item(n, "", frozenset(cues), 1.7e9 + 60.0 * n))
    return items


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", default="stories_*.jsonl")
    parser.add_argument("--pool", type=int, default=0)
    args = parser.parse_args()
    total = hashlib.sha256()
    pairs = 0
    sets: list[tuple[str, Path | None]] = [
        (p.name, p) for p in sorted(DATA.glob(args.files)) if p.name not in JUDGES
    ]
    if args.pool:
        sets.append((f"pool {args.pool}", None))
    for name, path in sets:
        items = load_items(path) if path is not None else _pool(args.pool)
        for hand in (False, True):
            clusterer = _Clusterer(hand=hand)
            for it in ordered(items):
                when = it.published if it.published is not None else clusterer.clock
                decision = clusterer.assign(str(it.index), it.cues, max(when, -1e18))
                clusterer.digest.update(f"-> {decision.story_id} {decision.score.hex()}\n".encode())
            digest = clusterer.digest.hexdigest()[:16]
            total.update(digest.encode())
            pairs += clusterer.pairs
            mode = "hand" if hand else "learned"
            print(f"{name} {mode}: {clusterer.pairs} pairs, digest {digest}")
    print(f"total: {pairs} pairs, digest {total.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
