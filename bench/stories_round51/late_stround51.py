"""Stop 51's late-report study (stround51), main's code only, before the rule: at every decision
where main opens a story, the held stories out of its window (the item published more than
``Clusterer.window_s`` after the story's latest item, the story still retained) scored as main
scores a candidate (``Scorer.story_score``); those whose score reaches the threshold are printed
with the story's size, the days past its latest item, and whether the item is of that story
(right) or not (WRONG). Studied files only (``common.labelled_files()``); first order only.

    cd bench/stories_round51 && ../../.venv/bin/python late_stround51.py > late51.txt
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer


def main() -> None:
    tally: Counter[tuple[str, str]] = Counter()
    for path in labelled_files():
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        clusterer = Clusterer()
        file_of: dict[int, int] = {}  # clusterer member index -> file item index
        for it in ordered(items):
            when = max(it.published if it.published is not None else clusterer.clock, -1e18)
            cues = frozenset(it.cues)
            scorer = clusterer._scorer(cues, when)
            late = []
            for story in list(clusterer._stories.values()):
                if when <= story.last + clusterer.window_s:
                    continue
                blend, idx = scorer.story_score(story)
                if blend >= clusterer.threshold * 0.75:
                    late.append((blend, story, idx))
            before = clusterer._next
            decision = clusterer.assign(str(it.index), it.cues, when)
            file_of[before] = it.index
            if not decision.opened:
                continue
            for blend, story, idx in sorted(late, key=lambda x: -x[0]):
                truth = {items[file_of[i]].story for i in story.members}
                verdict = "right" if it.story in truth else "WRONG"
                days = (when - story.last) / 86400
                size = len(story.members)
                klass = ("reach" if blend >= clusterer.threshold else "3/4") + (
                    " size>=4" if size >= 4 else " size<4"
                )
                tally[(klass, verdict)] += 1
                print(
                    f"[{name}] {verdict} blend={blend:.3f} size={size} {days:.1f}d past last "
                    f"|| {rows[it.index]['title'][:70]} || {rows[file_of[idx]]['title'][:70]}"
                )
    for key in sorted(tally):
        print(key, tally[key])


if __name__ == "__main__":
    main()
