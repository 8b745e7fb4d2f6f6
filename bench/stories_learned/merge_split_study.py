"""Main's wrong merges and splits, story by story, over the studied files (the rounds' study).

    cd bench/stories_roundNN && ../../.venv/bin/python study_stroundNN.py [FILE] > studyNN_main.txt

Each studied file (``common.labelled_files()``: every labelled file but ``common.JUDGES``)
clustered in publication order as the service does (the checked-out code and table). Printed per
file: every predicted story holding items of several true stories (a merge: the wrong pairs it
makes) and every true story spread over several predicted stories (a split), item by item (date,
language, predicted story, headline). A round's candidate is studied by setting its switch before
calling :func:`main`. Rounds 52, 53 and 53b each had a copy of this; they import it now.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from typing import Any

from common import JUDGES, Item, labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer


def _line(row: dict[str, Any], item: Item, story: int) -> str:
    """One item: its predicted story, date, language, true story and headline."""
    return (
        f"   P{story:<3} {str(row.get('published', ''))[:16]} {row.get('lang', '?')} "
        f"{item.story[:38]:<38} {str(row['title'])[:100]}"
    )


def main() -> None:
    paths = labelled_files()
    assert not any(p.name in JUDGES for p in paths)
    wanted = set(sys.argv[1:])
    print(f"{len(paths)} studied files")
    totals: Counter[str] = Counter()
    for path in paths:
        name = path.stem.removeprefix("stories_")
        if wanted and name not in wanted:
            continue
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        clusterer = Clusterer()
        pred: dict[int, str] = {}
        label: dict[str, int] = {}
        for it in ordered(items):
            when = it.published if it.published is not None else clusterer.clock
            sid = clusterer.assign(str(it.index), it.cues, max(when, -1e18)).story_id
            pred[it.index] = sid
            label.setdefault(sid, len(label))
        by_pred: defaultdict[str, list[int]] = defaultdict(list)
        by_true: defaultdict[str, list[int]] = defaultdict(list)
        for it in ordered(items):
            by_pred[pred[it.index]].append(it.index)
            by_true[it.story].append(it.index)

        out = []
        for sid, members in by_pred.items():
            stories = Counter(items[n].story for n in members)
            if len(stories) > 1:
                wrong = sum(
                    a * b
                    for i, a in enumerate(stories.values())
                    for b in list(stories.values())[i + 1 :]
                )
                totals["wrong pairs"] += wrong
                out.append((wrong, f"  MERGE P{label[sid]} ({wrong} wrong pairs)", members))
        for story, members in by_true.items():
            parts = Counter(pred[n] for n in members)
            if len(parts) > 1:
                same = len(members) * (len(members) - 1) // 2
                kept = sum(c * (c - 1) // 2 for c in parts.values())
                totals["missed pairs"] += same - kept
                out.append((same - kept, f"  SPLIT {story} ({same - kept} missed pairs)", members))
        if out:
            print(f"\n[{name}] {len(items)} items")
            for _, head, members in sorted(out, key=lambda x: -x[0]):
                print(head)
                for n in members:
                    print(_line(rows[n], items[n], label[pred[n]]))
    print(f"\n{dict(totals)}")


if __name__ == "__main__":
    main()
