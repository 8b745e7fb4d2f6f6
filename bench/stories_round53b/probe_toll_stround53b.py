"""Stop 53, second round (stround53b): the toll form of the probe, main's states (no candidate).

    cd bench/stories_round53b
    ../../.venv/bin/python probe_toll_stround53b.py > probe53b_toll_main.txt

Every join main makes on the 45 studied files where the item gives a toll (``pair_cues.toll``:
a count of the dead or missing, or ``e:death``), the story's first report is more than
``YOUNG_S`` older than the item and none of the story's sampled reports gives a toll; with the
join's score and its right and wrong pairs. Then the same for a story younger than YOUNG_S."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories import pair_cues
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.scoring import STORY_SAMPLE, YOUNG_S


def main() -> None:
    paths = labelled_files()
    assert not any("fresh52" in p.name or "fresh53" in p.name for p in paths)
    totals: Counter[str] = Counter()
    for path in paths:
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        clusterer = Clusterer()
        truth: dict[str, str] = {}
        for it in ordered(items):
            when = it.published if it.published is not None else clusterer.clock
            when = max(when, -1e18)
            dec = clusterer.decide(str(it.index), it.cues, when)
            if not dec.opened and dec.story_id in clusterer._stories and pair_cues.toll(it.cues):
                story = clusterer._stories[dec.story_id]
                members = [clusterer._members[i] for i in story.members]
                if not any(m.toll for m in members[-STORY_SAMPLE:]):
                    age = when - story.first
                    key = "old" if age > YOUNG_S else "young"
                    right = sum(truth[m.item_id] == it.story for m in members)
                    wrong = len(members) - right
                    totals[key + " right"] += right
                    totals[key + " wrong"] += wrong
                    print(
                        f"{name:10} {key:6} age {age / 3600:6.1f}h size {len(members):2} score"
                        f" {dec.score:.3f} right {right:2} wrong {wrong:2}"
                        f" | {str(rows[it.index]['title'])[:90]}"
                    )
            clusterer.assign(str(it.index), it.cues, when)
            truth[str(it.index)] = it.story
    for key in sorted(totals):
        print(key, totals[key])
    print("threshold", Clusterer().threshold)


if __name__ == "__main__":
    main()
