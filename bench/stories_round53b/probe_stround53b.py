"""Stop 53, second round (stround53b): first-order probe on main's states (no candidate).

    cd bench/stories_round53b && ../../.venv/bin/python probe_stround53b.py > probe53b_main.txt

Every join main's clusterer makes on the 45 studied files (no file holding fresh52/fresh53),
with: the item's event groups (``e:`` cues as groups), the groups of the joined story's sampled
reports, the story's age at the item (h) and its size; the join's right and wrong pairs (members
of the item's true story / of others). Printed: joins where the item is typed with a group none
of the story's reports carried, by the story's age, with right/wrong pair counts."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories import pair_cues
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.scoring import STORY_SAMPLE


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
            if not dec.opened and dec.story_id in clusterer._stories:
                story = clusterer._stories[dec.story_id]
                members = [clusterer._members[i] for i in story.members]
                mine = pair_cues.events(it.cues)
                theirs = frozenset().union(*(m.events for m in members[-STORY_SAMPLE:]))
                new = mine - theirs
                age = (when - story.first) / 3600
                right = sum(truth[m.item_id] == it.story for m in members)
                wrong = len(members) - right
                typed = sum(bool(m.events) for m in members[-STORY_SAMPLE:])
                if new and mine and not (mine & theirs):
                    key = f"{'old' if age > 24 else 'young'} {'+'.join(sorted(new))}"
                    totals[key + " right"] += right
                    totals[key + " wrong"] += wrong
                    print(
                        f"{name:10} {key:22} age {age:6.1f}h size {len(members):2} typed {typed:2}"
                        f" theirs {','.join(sorted(theirs)) or '-':18} right {right:2} wrong"
                        f" {wrong:2} | {str(rows[it.index]['title'])[:90]}"
                    )
            clusterer.assign(str(it.index), it.cues, when)
            truth[str(it.index)] = it.story
    for key in sorted(totals):
        print(key, totals[key])


if __name__ == "__main__":
    main()
