"""Stop 49's study of main's strong pairs in weak stories (stround49), by what the pair shares.

    cd bench/stories_round49 && ../../.venv/bin/python pairs_stround49.py > pairs49.txt

Main's code and shipped table only, on the studied files (``common.labelled_files()``): at every
decision where main opens a story, the first held item (of each candidate story) whose pair
similarity reaches the threshold while its story's blend does not; printed with whether the two
are of one story, and the cues beyond topic words the pair shares (a count from
``SALIENT_NUMBER`` on, a date, a place, a name, an agency). First order only (main's state at
each decision): the reading of main's splits, not a candidate's figure.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
from common import labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import SALIENT_NUMBER
from wirewatch_stories.scoring import Scorer

tally: Counter[tuple[str, str]] = Counter()


def specific(shared: Iterable[str]) -> set[str]:
    kinds: set[str] = set()
    for c in shared:
        k = c[:2]
        if k == "n:" and int(c[2:]) >= SALIENT_NUMBER:
            kinds.add("num")
        elif k == "d:":
            kinds.add("date")
        elif k == "p:":
            kinds.add("place")
        elif k == "x:":
            kinds.add("name")
        elif k == "a:":
            kinds.add("agency")
    return kinds


for path in labelled_files():
    name = path.stem.removeprefix("stories_")
    items = load_items(path)
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    cl = Clusterer()
    for it in ordered(items):
        when = max(it.published if it.published is not None else cl.clock, -1e18)
        sc = Scorer(cl, it.cues, it.published)
        cands = cl._candidates(frozenset(it.cues), when)
        blends = {s.story_id: sc.story_score(s)[0] for s in cands}
        d = cl.decide(str(it.index), it.cues, when)
        if d.opened:
            for s in cands:
                sc.story_score(s)
                for i in s.members[-24:]:
                    m = cl._members[i]
                    sim = sc.similarity(m)
                    if sim >= cl.threshold:
                        shared = set(sc.cues) & set(m.cues)
                        sp = specific(shared)
                        right = items[int(m.item_id)].story == it.story
                        lang2 = m.language != sc.language
                        for k in sp or {"none"}:
                            tally[(k, "right" if right else "WRONG")] += 1
                        print(
                            f"[{name}] {'right' if right else 'WRONG'} sim={sim:.3f} "
                            f"blend={blends[s.story_id]:.3f} {sorted(sp)} "
                            f"days={(when - m.published) / 86400:.1f} {'x' if lang2 else '='}  "
                            f"{rows[it.index]['title'][:70]} || "
                            f"{rows[int(m.item_id)]['title'][:60]}"
                        )
                        break
        cl.add(str(it.index), d.story_id, it.cues, when)
for pair in sorted(tally):
    print(pair, tally[pair])
