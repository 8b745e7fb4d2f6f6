"""Stop 52, third stories round: decisions ``cluster.SAME_DAY_52C`` changes on main's states.

    cd bench/stories_round52c && ../../.venv/bin/python probe_stround52c.py A > probe52c_A_main.txt

Each studied file (judges excluded by name) is clustered with main's code; at each decision the
item is also decided with the switch set to the label. Where the two differ: whether each
decision puts the item with its true story (the chosen story's majority label), the item's best
pair within ``TWIN_S`` and the story's size. First order only (main's states), not a clause.
Needs ``candidate_AB.diff`` applied (the switch and ``Clusterer._twin``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories import cluster
from wirewatch_stories.cluster import Clusterer, Decision


def _label(clusterer: Clusterer, decision: Decision, truth: dict[str, str]) -> str:
    if decision.opened:
        return "(new)"
    members = clusterer._members
    story = clusterer._stories[decision.story_id]
    return Counter(truth[members[i].item_id] for i in story.members).most_common(1)[0][0]


def main() -> None:
    label = sys.argv[1]
    paths = labelled_files()
    assert not any("fresh51" in p.name or "fresh52" in p.name for p in paths)
    tally: Counter[str] = Counter()
    for path in paths:
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        truth = {str(it.index): it.story for it in items}
        clusterer = Clusterer()
        for it in ordered(items):
            when = max(it.published if it.published is not None else clusterer.clock, -1e18)
            vars(cluster)["SAME_DAY_52C"] = label
            dc = clusterer.decide(str(it.index), it.cues, when)
            vars(cluster)["SAME_DAY_52C"] = ""
            dm = clusterer.decide(str(it.index), it.cues, when)
            if dc.story_id != dm.story_id:
                lc, lm = _label(clusterer, dc, truth), _label(clusterer, dm, truth)
                own = sum(
                    truth[clusterer._members[i].item_id] == it.story
                    for i in clusterer._stories[dc.story_id].members
                )
                size = len(clusterer._stories[dc.story_id].members)
                seen = any(truth[m.item_id] == it.story for m in clusterer._members.values())
                kind = (
                    "right"
                    if lc == it.story and lm != it.story
                    else "wrong"
                    if lm == it.story or (lm == "(new)" and not seen)
                    else "other"
                )
                tally[kind] += 1
                print(
                    f"[{name}] {kind}: main {'opens' if dm.opened else 'joins'} "
                    f"({dm.score:.3f}); {label} joins a story of {size} ({own} of the item's) "
                    f"at its twin {dc.matched_item}\n   item {rows[it.index]['title'][:90]}\n"
                    f"   twin {rows[int(dc.matched_item or 0)]['title'][:90]}"
                )
            clusterer.assign(str(it.index), it.cues, when)
    print(f"\nchanged decisions: {dict(tally)}")


if __name__ == "__main__":
    main()
