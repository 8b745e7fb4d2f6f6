"""Stop 50b's stories study (stop 49's, adapted): main's splits and false joins, studied files.

    cd bench/stories_round50b && ../../.venv/bin/python study_stround50b.py [FILE...] > study50b.txt

Each studied file (``common.labelled_files()``: never a judge) clustered in publication order
with main's shipped table. Printed per file: every true story cut into several predicted
stories (its pieces, each item's date, language and title), and every predicted story holding
items of several true stories (a false join). Main's code only: no candidate.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer


def main() -> None:
    wanted = set(sys.argv[1:])
    splits = joins = 0
    for path in labelled_files():
        name = path.stem.removeprefix("stories_")
        if wanted and name not in wanted:
            continue
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        clusterer = Clusterer()
        predicted: dict[int, str] = {}
        score: dict[int, float] = {}
        for it in ordered(items):
            when = it.published if it.published is not None else clusterer.clock
            d = clusterer.assign(str(it.index), it.cues, max(when, -1e18))
            predicted[it.index] = d.story_id
            score[it.index] = d.score
        seq = {it.index: n for n, it in enumerate(ordered(items))}
        by_true: dict[str, list[int]] = defaultdict(list)
        by_pred: dict[str, list[int]] = defaultdict(list)
        for it in items:
            by_true[it.story].append(it.index)
            by_pred[predicted[it.index]].append(it.index)
        pred_name = {
            p: f"P{n}"
            for n, p in enumerate(sorted(by_pred, key=lambda p: min(seq[i] for i in by_pred[p])))
        }

        def line(
            i: int,
            rows: list[dict[str, str]] = rows,
            pred_name: dict[str, str] = pred_name,
            predicted: dict[int, str] = predicted,
            score: dict[int, float] = score,
        ) -> str:
            r = rows[i]
            return (
                f"   {pred_name[predicted[i]]:>4} {r.get('published', '')[:10]} "
                f"{r.get('lang', '?')} s={score[i]:.3f} [{r['story'][:28]}] {r['title'][:90]}"
            )

        for story, members in by_true.items():
            pieces = {predicted[i] for i in members}
            if len(pieces) > 1:
                splits += len(pieces) - 1
                print(f"\n[{name}] SPLIT {story} into {len(pieces)}")
                for i in sorted(members, key=seq.__getitem__):
                    print(line(i))
        for pred, members in by_pred.items():
            stories = {items[i].story for i in members}
            if len(stories) > 1:
                joins += 1
                print(f"\n[{name}] JOIN {pred_name[pred]}: {len(stories)} stories")
                for i in sorted(members, key=seq.__getitem__):
                    print(line(i))
    print(f"\nextra pieces (splits): {splits}; predicted stories joining several: {joins}")


if __name__ == "__main__":
    main()
