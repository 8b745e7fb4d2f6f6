"""Stop 52b's probe (stround52b): decisions candidate A of round 52 changes on main's states.

    cd bench/stories_round52b
    ../../.venv/bin/python probe_stround52b.py RECENT_52 > probe52b_main.txt
    ../../.venv/bin/python probe_stround52b.py RECENT_52B > probe52b_A_main.txt

Needs the candidate_AB.diff (cluster.py part) of the switch named: ``RECENT_52`` round 52's
(``../stories_round52/``), ``RECENT_52B`` this round's. Each studied file is clustered with main's
code; at each decision the item is also decided with that switch set to "A".
Where the two differ, printed: whether A's story is the item's true story, and what the item's
pairs with the chosen story's old reports (sampled, published more than RECENT_S from the item)
and recent reports say (mean, max, cosine max), to look for what tells a late report of one
event from the next step of a chain. Studied files only (judges excluded by name).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories import cluster
from wirewatch_stories.cluster import Clusterer, Story
from wirewatch_stories.scoring import RECENT_S, STORY_SAMPLE


def _label(clusterer: Clusterer, story: Story, truth: dict[str, str]) -> str:
    members = clusterer._members
    return Counter(truth[members[i].item_id] for i in story.members).most_common(1)[0][0]


def main() -> None:
    paths = labelled_files()
    assert not any("fresh51" in p.name or "fresh52" in p.name for p in paths)
    switch, wanted = sys.argv[1], set(sys.argv[2:])
    for path in paths:
        name = path.stem.removeprefix("stories_")
        if wanted and name not in wanted:
            continue
        items = load_items(path)
        truth = {str(it.index): it.story for it in items}
        clusterer = Clusterer()
        for it in ordered(items):
            when = max(it.published if it.published is not None else clusterer.clock, -1e18)
            vars(cluster)[switch] = "A"
            da = clusterer.decide(str(it.index), it.cues, when)
            vars(cluster)[switch] = ""
            dm = clusterer.decide(str(it.index), it.cues, when)
            if da.story_id != dm.story_id and not da.opened:
                story = clusterer._stories[da.story_id]
                members = clusterer._members
                scorer = clusterer._scorer(it.cues, when)
                scorer.story_score(story)  # sets scorer.fresh as the decision did
                sample = story.members[-STORY_SAMPLE:]
                old = [i for i in sample if abs(when - members[i].published) > RECENT_S]
                near = [i for i in sample if abs(when - members[i].published) <= RECENT_S]
                so = sorted((scorer.similarity(members[i]) for i in old), reverse=True)
                sn = sorted((scorer.similarity(members[i]) for i in near), reverse=True)
                right = _label(clusterer, story, truth) == it.story
                main_right = (
                    not dm.opened
                    and _label(clusterer, clusterer._stories[dm.story_id], truth) == it.story
                ) or (dm.opened and not any(truth[m.item_id] == it.story for m in members.values()))
                verdict = (
                    "A-right"
                    if right and not main_right
                    else ("A-wrong" if main_right and not right else "other")
                )
                gap = (when - max(members[i].published for i in old)) / 3600 if old else 0
                print(
                    f"{verdict:8} {name:12} it={it.index:<4} {it.story[:34]:34} -> "
                    f"{_label(clusterer, story, truth)[:34]:34} size={len(story.members):<3} "
                    f"old={len(old):<2} near={len(near):<2} "
                    f"oldmean={sum(so) / max(len(so), 1):.3f} oldmax={so[0] if so else 0:.3f} "
                    f"nearmean={sum(sn) / max(len(sn), 1):.3f} nearmax={sn[0] if sn else 0:.3f} "
                    f"ratio={sum(so) / max(len(so), 1) / max(sum(sn) / max(len(sn), 1), 1e-9):.2f} "
                    f"oldgap_h={gap:.0f} span_h={(story.last - story.first) / 3600:.0f} "
                    f"nearlate={sum(members[i].published - story.first > RECENT_S for i in near)} "
                    f"newstory_main={dm.opened}"
                )
            clusterer.assign(str(it.index), it.cues, when)


if __name__ == "__main__":
    main()
