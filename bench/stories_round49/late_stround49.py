"""Stop 49's study of main's late reports (stround49): stories just out of the window.

    cd bench/stories_round49 && ../../.venv/bin/python late_stround49.py > late49.txt

Main's code and shipped table only, on the studied files (``common.labelled_files()``): at every
decision, the held stories whose latest item is more than main's window (72 h) and at most
five days older than the item (out of main's window, still held: they are forgotten four
windows on) and share cues with it, scored as main scores a candidate (``Scorer.story_score``).
Printed: those scoring from the threshold on and above main's own best candidate, and whether
joining would be right (the story's items mostly of the item's story). First order only (main's
state at each decision): the reading of main's late splits, not a candidate's figure.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.scoring import Scorer

LATE_S = 5 * 86400.0


def main() -> None:
    tally: Counter[str] = Counter()
    for path in labelled_files():
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        clusterer = Clusterer()
        for it in ordered(items):
            when = max(it.published if it.published is not None else clusterer.clock, -1e18)
            scorer = Scorer(clusterer, it.cues, it.published)
            inside = clusterer._candidates(frozenset(it.cues), when)
            main_best = max((scorer.story_score(s)[0] for s in inside), default=0.0)
            late = []
            for story in list(clusterer._stories.values()):
                gap = when - story.last
                if clusterer.window_s < gap <= LATE_S:
                    score = scorer.story_score(story)[0]
                    if score >= clusterer.threshold and score > main_best:
                        late.append((score, story))
            if late:
                score, story = max(late, key=lambda x: x[0])
                members = [clusterer._members[i] for i in story.members]
                ours = sum(items[int(m.item_id)].story == it.story for m in members)
                right = ours * 2 > len(members)
                key = "right" if right else "WRONG"
                tally[key] += 1
                print(
                    f"[{name}] {key} score={score:.3f} main_best={main_best:.3f} "
                    f"size={len(members)} ours={ours} gap={(when - story.last) / 86400:.1f}d\n"
                    f"   {rows[it.index]['title'][:110]}"
                )
            clusterer.assign(str(it.index), it.cues, when)
    print("\n" + "\n".join(f"{k}: {v}" for k, v in sorted(tally.items())))


if __name__ == "__main__":
    main()
