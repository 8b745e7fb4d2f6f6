"""Stop 49's study of main's near misses (stround49): where a young-story path would apply.

    cd bench/stories_round49 && ../../.venv/bin/python young_stround49.py > young49.txt

Main's code and shipped table only, on the studied files (``common.labelled_files()``): every
decision where main opens a story while its best candidate scored from three quarters of the
threshold (the young path's bar) to the threshold, with no country conflict, and main's young
path did not take it (an older story, or one of more than ``YOUNG_SIZE`` items). Printed: the
story's size and languages, whether the item's language is new to it, and whether joining would
be right (the story's items mostly of the item's story) or a false join. First order only
(main's state at each decision): the reading of main's near misses, not a candidate's figure.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories.cluster import YOUNG_SHARE, YOUNG_SIZE, Clusterer
from wirewatch_stories.scoring import YOUNG_S, Scorer


def lang(cues: frozenset[str] | tuple[str, ...]) -> str:
    return next((c[2:] for c in cues if c.startswith("l:")), "?")


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
            best = None
            for story in clusterer._candidates(frozenset(it.cues), when):
                score = scorer.story_score(story)[0]
                if best is None or score > best[0]:
                    best = (score, story)
            if best is not None:
                score, story = best
                size = len(story.members)
                young = abs(when - story.first) <= YOUNG_S
                taken = young and size <= YOUNG_SIZE and not scorer.countries_conflict(story)
                if (
                    clusterer.threshold * YOUNG_SHARE <= score < clusterer.threshold
                    and not taken
                    and not scorer.countries_conflict(story)
                ):
                    members = [clusterer._members[i] for i in story.members]
                    langs = sorted(m.language[2:] or "?" for m in members)
                    new_lang = lang(it.cues) not in langs
                    ours = sum(items[int(m.item_id)].story == it.story for m in members)
                    right = ours * 2 > size
                    age = abs(when - story.first) / 86400
                    key = (
                        f"{'young' if young else 'old'} size{'<=6' if size <= 6 else '>6'} "
                        f"{'newlang' if new_lang else 'samelang'} {'right' if right else 'WRONG'}"
                    )
                    tally[key] += 1
                    print(
                        f"[{name}] {key} score={score:.3f} age={age:.1f}d size={size} "
                        f"({' '.join(langs)}) "
                        f"item {lang(it.cues)} ours={ours}\n   {rows[it.index]['title'][:110]}"
                    )
            clusterer.assign(str(it.index), it.cues, when)
    print("\n" + "\n".join(f"{k}: {v}" for k, v in sorted(tally.items())))


if __name__ == "__main__":
    main()
