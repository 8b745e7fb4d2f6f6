"""Stop 46's study: every leave-one-file-out wrong decision of the studied files, by class.

    .venv/bin/python bench/stories_round46/study46.py > bench/stories_round46/study46.txt

For each studied file (``common.labelled_files()``: every ``stories_*.jsonl`` but
``common.JUDGES``; since stop 46 meridian, ember, cinder, kindling and tinder are studied), the
file is clustered with a model fitted on the other files' pairs (as ``errors.py``). Every item
is classed: a *split* (it opened a story while an earlier item of its true story is held), a
*false join* (it joined a story none of whose items is of its story) or right. For a split, the
pair with the highest learned probability among its true story's held items is read (its
features on: what kept it out, and whether the story was a candidate at all); for a false
join, the matched pair. Tallies per class and per feature.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from fit import fit, pairs_of
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import member
from wirewatch_stories.pair_model import PAIR_FEATURES
from wirewatch_stories.scoring import Scorer

FIVE = {"meridian", "ember", "cinder", "kindling", "tinder"}
BINARY = [n for n in PAIR_FEATURES if n not in {"log_cosine", "days_apart"} and "share" not in n]


def main() -> None:
    files = {p.stem.removeprefix("stories_"): load_items(p) for p in labelled_files()}
    pairs = {name: pairs_of(items) for name, items in files.items()}
    tallies: dict[str, Counter[str]] = {k: Counter() for k in ("split", "join", "right")}
    lines: list[str] = []
    for name, items in files.items():
        model = fit([p for other, ps in pairs.items() if other != name for p in ps])
        clusterer = Clusterer(pair_model=model)
        held: dict[str, list[tuple[str, frozenset[str], float]]] = {}
        story_of_pred: dict[str, set[str]] = {}
        for it in ordered(items):
            when = it.published if it.published is not None else clusterer.clock
            when = max(when, -1e18)
            earlier = held.get(it.story, [])
            live = [e for e in earlier if e[0] in clusterer]
            scorer = Scorer(clusterer, it.cues, when)
            best = None
            for item_id, cues, published in live:
                other = member(item_id, "", cues, published)
                feats = scorer.pair_features(other)
                prob = -1.0 if feats is None else model.probability(feats)
                if best is None or prob > best[0]:
                    best = (prob, feats, item_id, published)
            decision = clusterer.assign(str(it.index), it.cues, when)
            joined = story_of_pred.setdefault(decision.story_id, set())
            if decision.opened and live:
                kind = "split"
            elif not decision.opened and it.story not in joined:
                kind = "join"
            else:
                kind = "right"
            joined.add(it.story)
            held.setdefault(it.story, []).append((str(it.index), it.cues, when))
            tallies[kind]["items"] += 1
            tallies[kind][f"file:{'five' if name in FIVE else 'other'}"] += 1
            if kind == "right":
                continue
            if kind == "split":
                assert best is not None
                prob, feats, mate, published = best
                gap = (when - published) / 86400.0
                tallies[kind]["no_shared_2" if feats is None else "scored"] += 1
                tallies[kind][f"gap:{'<1d' if gap < 1 else '1-3d' if gap < 3 else '>=3d'}"] += 1
                tallies[kind][f"story_score<{'0.07' if decision.score < 0.07 else '0.14'}"] += 1
            else:
                mate = decision.matched_item or ""
                m = clusterer.story_of(mate)
                mcues = next(i.cues for i in items if str(i.index) == mate)
                mpub = next(i.published for i in items if str(i.index) == mate) or when
                feats = scorer.pair_features(member(mate, m or "", mcues, mpub))
                prob = -1.0 if feats is None else model.probability(feats)
                gap = (when - mpub) / 86400.0
                tallies[kind][f"gap:{'<1d' if gap < 1 else '1-3d' if gap < 3 else '>=3d'}"] += 1
            on = []
            if feats is not None:
                on = [n for n, v in zip(PAIR_FEATURES, feats, strict=True) if n in BINARY and v]
                for n in on:
                    tallies[kind][n] += 1
                cos = f"cos={2.718281828 ** feats[0]:.3f}"
            else:
                cos = "cos=-"
            lines.append(
                f"{name:10s} {kind:5s} #{it.index:<3d} vs #{mate:<4s} p={prob:.3f} "
                f"s={decision.score:.3f} gap={gap:5.2f}d {cos} {' '.join(on)}"
            )
    print("\n".join(lines))
    for kind, tally in tallies.items():
        print(f"\n== {kind}")
        for key, count in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {key}: {count}")


if __name__ == "__main__":
    main()
