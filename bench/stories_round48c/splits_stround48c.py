"""Stop 48's splits study (stround48c): main's splits on the 35 studied files, by class.

    cd bench/stories_round48c && /work/main/.venv/bin/python splits_stround48c.py > splits48c.txt

Each studied file clustered in publication order with main's shipped table (as stround48's
``study_stround48.py``); every split (an item opening a story while an item of its own story is
held) is printed with the held same-story item scoring best against it: the pair's score (the
clusterer's pair similarity), days apart, the two languages, the cues shared by kind, and whether
the story was among the candidates. Main's code only: no candidate.
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
from wirewatch_stories.scoring import Scorer


def lang(cues: frozenset[str]) -> str:
    return next((c[2:] for c in cues if c.startswith("l:")), "?")


def main() -> None:
    classes: Counter[str] = Counter()
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
            when = max(when, -1e18)
            held = [k for k in story_of if items[int(k)].story == it.story]
            scorer = Scorer(clusterer, it.cues, it.published)
            found = clusterer._candidates(frozenset(it.cues), when)
            cands = {s.story_id for s in found}
            blends = {s.story_id: scorer.story_score(s)[0] for s in found}
            decision = clusterer.assign(str(it.index), it.cues, when)
            members = [k for k, s in story_of.items() if s == decision.story_id]
            if not members and held:
                best = None
                for k in held:
                    m = items[int(k)]
                    mm = member(k, "", m.cues, m.published or 0.0)
                    sim = scorer.similarity(mm)
                    if best is None or sim > best[0]:
                        best = (sim, m, mm)
                assert best is not None
                sim, m, mm = best
                shared = sorted(set(it.cues) & set(m.cues))
                kinds = Counter(c.split(":")[0] for c in shared)
                days = ((it.published or 0) - (m.published or 0)) / 86400
                langs = f"{lang(m.cues)}>{lang(it.cues)}"
                cand = story_of[str(m.index)] in cands
                there = [k for k, s in story_of.items() if s == story_of[str(m.index)]]
                there_langs = " ".join(sorted(lang(items[int(k)].cues) for k in there))
                there_true = sum(items[int(k)].story == it.story for k in there)
                blend = blends.get(story_of[str(m.index)], 0.0)
                klass = (
                    ("cross" if lang(m.cues) != lang(it.cues) else "same")
                    + ("-late" if days >= 1 else "-day")
                    + ("" if cand else "-nocand")
                )
                classes[klass] += 1
                print(
                    f"\n[{name}] SPLIT {klass} sim={sim:.3f} new={decision.score:.3f} {days:.1f}d "
                    f"{langs} shared={len(shared)} {dict(kinds)} feats="
                    f"{'none' if scorer.pair_features(mm) is None else 'ok'} "
                    f"its story: {len(there)} items ({there_langs}, {there_true} of this story), "
                    f"blend={blend:.3f}\n"
                    f"   item  {rows[it.index].get('published', '')[:16]} "
                    f"{rows[it.index]['title'][:100]}\n"
                    f"   held  {rows[m.index].get('published', '')[:16]} "
                    f"{rows[m.index]['title'][:100]}\n"
                    f"   shared {' '.join(shared[:14])}"
                )
            story_of[str(it.index)] = decision.story_id
    print(f"\nsplits by class: {dict(classes.most_common())} total {sum(classes.values())}")


if __name__ == "__main__":
    main()
