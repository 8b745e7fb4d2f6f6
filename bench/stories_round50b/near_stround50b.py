"""Stop 50b's near-miss study (stround50b): main's story score under the threshold while one
pair of the best-paired story reaches it, on the studied files, before the rule.

    cd bench/stories_round50b && ../../.venv/bin/python near_stround50b.py > near50b.txt

Each studied file (``common.labelled_files()``: never a judge) clustered in publication order
with main's shipped code and table; at every decision where main opens a story (no join, young
path included), the candidate story whose best single pair similarity with the item is highest
is read: that pair's similarity, the second best, hours apart, the two languages, whether a
country conflicts, and whether the pair is one true story (right) or not (WRONG). First order
only (main's state at each decision); main's code only: no candidate.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.scoring import STORY_SAMPLE


def main() -> None:
    tally: Counter[tuple[str, str]] = Counter()
    for path in labelled_files():
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        clusterer = Clusterer()
        index_of: dict[int, int] = {}  # clusterer member index -> file item index
        for it in ordered(items):
            when = max(it.published if it.published is not None else clusterer.clock, -1e18)
            cues = frozenset(it.cues)
            scorer = clusterer._scorer(cues, when)
            best = None
            for story in clusterer._candidates(cues, when):
                blend, _ = scorer.story_score(story)
                sims = sorted(
                    (
                        (scorer.similarity(clusterer._members[i]), i)
                        for i in story.members[-STORY_SAMPLE:]
                    ),
                    reverse=True,
                )
                if best is None or sims[0][0] > best[0][0][0]:
                    best = (sims, story, blend, scorer.countries_conflict(story))
            before = clusterer._next
            decision = clusterer.assign(str(it.index), it.cues, when)
            index_of[before] = it.index
            if not decision.opened or best is None:
                continue
            sims, story, blend, conflict = best
            top, idx = sims[0]
            if top < clusterer.threshold:
                continue
            second = sims[1][0] if len(sims) > 1 else 0.0
            other = items[index_of[idx]]
            hours = abs(when - clusterer._members[idx].published) / 3600
            same = scorer.language == clusterer._members[idx].language
            verdict = "right" if other.story == it.story else "WRONG"
            klass = (
                ("<=12h" if hours <= 12 else "<=24h" if hours <= 24 else ">24h")
                + (" same-lang" if same else " cross-lang")
                + (" conflict" if conflict else "")
                + (" two" if second >= clusterer.threshold else "")
            )
            tally[(klass, verdict)] += 1
            print(
                f"[{name}] {verdict} top={top:.3f} 2nd={second:.3f} blend={blend:.3f} "
                f"{hours:.1f}h {klass} size={len(story.members)} || "
                f"{rows[it.index]['title'][:60]} || {rows[other.index]['title'][:60]}"
            )
    for key in sorted(tally):
        print(key, tally[key])


if __name__ == "__main__":
    main()
