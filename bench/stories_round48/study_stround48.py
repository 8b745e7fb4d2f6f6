"""Stop 48's study (stround48): main's false joins and splits on the 35 studied files.

    .venv/bin/python bench/stories_round48/study_stround48.py > bench/stories_round48/study48.txt

Each studied file (``common.labelled_files()``) clustered in publication order with main's
shipped table (``Clusterer()``, as the service); every false join (an item joining a story none
of whose items is of its story) is printed with the matched item's headline, the days apart and
the pair's binary features on; splits are counted. Main's code only: no candidate.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import member
from wirewatch_stories.pair_model import PAIR_FEATURES
from wirewatch_stories.scoring import Scorer

BINARY = [n for n in PAIR_FEATURES if n not in {"log_cosine", "days_apart"} and "share" not in n]


def main() -> None:
    tallies: Counter[str] = Counter()
    on: Counter[str] = Counter()
    paths = labelled_files()
    print(f"{len(paths)} studied files")
    for path in paths:
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        clusterer = Clusterer()
        story_of: dict[str, str] = {}
        for it in ordered(items):
            when = it.published if it.published is not None else clusterer.clock
            decision = clusterer.assign(str(it.index), it.cues, max(when, -1e18))
            members = [k for k, s in story_of.items() if s == decision.story_id]
            stories_there = {items[int(k)].story for k in members}
            same_held = any(items[int(k)].story == it.story for k in story_of)
            if members and it.story not in stories_there:
                tallies["join"] += 1
                assert decision.matched_item is not None  # it joined a held story
                m = items[int(decision.matched_item)]
                scorer = Scorer(clusterer, it.cues, it.published)
                feats = scorer.pair_features(member(str(m.index), "", m.cues, m.published or 0.0))
                names = (
                    []
                    if feats is None
                    else [n for n, v in zip(PAIR_FEATURES, feats, strict=True) if n in BINARY and v]
                )
                on.update(names)
                days = ((it.published or 0) - (m.published or 0)) / 86400
                print(
                    f"\n[{name}] JOIN s={decision.score:.3f} {days:.1f}d {' '.join(names)}\n"
                    f"   item  {rows[it.index].get('published', '')[:16]} "
                    f"{rows[it.index]['title'][:110]}\n"
                    f"   match {rows[m.index].get('published', '')[:16]} "
                    f"{rows[m.index]['title'][:110]}"
                )
            elif not members and same_held:
                tallies["split"] += 1
            else:
                tallies["right"] += 1
            story_of[str(it.index)] = decision.story_id
    print(f"\n{dict(tallies)}\nfeatures on among joins: {dict(on.most_common())}")


if __name__ == "__main__":
    main()
