"""List the leave-one-file-out errors of the learned pair decision on the training files.

    .venv/bin/python bench/stories_learned/errors.py [FILE ...]   # e.g. terce sext

For each labelled stories file but the judges (``common.JUDGES``, never opened), the file is
clustered with a model fitted on the pairs of all the other files (as ``fit.py`` does), and its
wrong merges (a predicted story holding items of two or more true stories) and splits (a true
story spread over two or more predicted ones) are printed item by item: publication time,
language, the decision's score, the item it matched and its headline. The twenty-seventh round
studied these (docs/measurements/stories.md).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Item, labelled_files, load_items, ordered
from fit import fit, pairs_of
from wirewatch_stories.cluster import Clusterer, Decision


def decisions(items: list[Item], clusterer: Clusterer) -> dict[int, Decision]:
    out = {}
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        out[it.index] = clusterer.assign(str(it.index), it.cues, max(when, -1e18))
    return out


def report(name: str, items: list[Item], rows: list[dict[str, str]], model: Clusterer) -> None:
    made = decisions(items, model)
    predicted: defaultdict[str, list[Item]] = defaultdict(list)
    spread: defaultdict[str, set[str]] = defaultdict(set)
    for it in items:
        predicted[made[it.index].story_id].append(it)
        spread[it.story].add(made[it.index].story_id)

    def line(it: Item, tag: str) -> str:
        d, row = made[it.index], rows[it.index]
        when, title = str(row.get("published"))[:16], row["title"][:90]
        return f"   {tag} {when} {row.get('lang')} s={d.score:.3f} m={d.matched_item}: {title}"

    print(f"\n===== {name}")
    for group in predicted.values():
        if len({it.story for it in group}) > 1:
            print(f"-- merge of {len({it.story for it in group})} stories")
            for it in sorted(group, key=lambda i: i.published or 0.0):
                print(line(it, f"[{it.story[:36]}] #{it.index}"))
    for story, ids in spread.items():
        if len(ids) > 1:
            print(f"-- {story} split in {len(ids)}")
            for it in sorted(
                (i for i in items if i.story == story), key=lambda i: i.published or 0.0
            ):
                print(line(it, f"{made[it.index].story_id[-5:]} #{it.index}"))


def main() -> None:
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    files = {name: load_items(p) for name, p in paths.items()}
    pairs = {name: pairs_of(items) for name, items in files.items()}
    for name in sys.argv[1:] or list(files):
        model = fit([p for other, ps in pairs.items() if other != name for p in ps])
        text = paths[name].read_text(encoding="utf-8")
        rows = [json.loads(line) for line in text.splitlines() if line]
        report(name, files[name], rows, Clusterer(pair_model=model))


if __name__ == "__main__":
    main()
