"""Stop 53's stories round (stround53), a study after clause 1's outcome (no candidate): each
decision round 52b's unguarded A takes differently from main on main's states (45 studied files),
with the story's shape (size, sampled reports near the item, hours from its first and latest report
to the item), main's and A's scores, the item's heavy new cues (``_drift``) and both headlines.

    cd bench/stories_round53 && ../../.venv/bin/python probe_stround53.py > probe53_main.txt

Needs ``candidate_AB.diff`` applied (``cluster.RECENT_53``, ``DRIFT_53``, ``Clusterer._drift``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories import cluster
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.scoring import RECENT_S, STORY_SAMPLE

H = 3600.0


def main() -> None:
    paths = labelled_files()
    assert not any("fresh52" in p.name or "fresh53" in p.name for p in paths)
    vars(cluster)["DRIFT_53"] = {"A": 10**6}
    for path in paths:
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        c = Clusterer()
        for it in ordered(items):
            when = max(it.published if it.published is not None else c.clock, -1e18)
            vars(cluster)["RECENT_53"] = "A"
            a = c.decide(str(it.index), it.cues, when)
            vars(cluster)["RECENT_53"] = ""
            m = c.decide(str(it.index), it.cues, when)
            if a.story_id != m.story_id and not a.opened:
                st = c._stories[a.story_id]
                mem = c._members
                truth = Counter(items[int(mem[i].item_id)].story for i in st.members)
                right = truth.most_common(1)[0][0] == it.story
                sample = st.members[-STORY_SAMPLE:]
                near = [i for i in sample if abs(when - mem[i].published) <= RECENT_S]
                drift = vars(Clusterer)["_drift"](c, it.cues, sample, near)  # the diff's
                first = rows[int(mem[st.members[0]].item_id)]["title"][:70]
                print(
                    f"{'R' if right else 'W'} {name:9} item {it.index:<3} size {len(st.members):<3}"
                    f" near {len(near)}/{len(sample)} from_first {(when - st.first) / H:5.1f}h"
                    f" from_last {(when - st.last) / H:5.1f}h main {m.score:.2f} A {a.score:.2f}"
                    f" drift {drift} lang {rows[it.index].get('lang')}\n"
                    f"    item : {rows[it.index]['title'][:90]}\n    first: {first}"
                )
            c.assign(str(it.index), it.cues, when)


if __name__ == "__main__":
    main()
