"""Leave-one-file-out with the fold models held fixed: the cue change alone, no refit.

    .venv/bin/python bench/stories_cues/flight_splits.py --quiet --dump=/tmp/base.json  # main
    .venv/bin/python bench/stories_cues/flight_splits.py --quiet --dump=/tmp/new.json   # branch
    .venv/bin/python bench/stories_cues/fixed_folds.py /tmp/base.json /tmp/new.json

Each training file's fold model (``bench/stories_learned/fit.py``) is fitted on the pairs of the
other files with the BASE cues, then the file is clustered with its base cues and with its new
cues: the change of pairwise F1 is the cues' alone (the product ships a fixed pair table; a
refit of the fold models moves files whose cues did not change by up to 0.03).
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Item, cluster, labelled_files, load_items, ordered
from fit import fit, pairs_of
from flight_splits import is_flight
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_model import PairModel


def flight_splits(items: list[Item], model: PairModel) -> tuple[int, int]:
    """(flight stories, extra predicted stories they are split into)."""
    clusterer = Clusterer(pair_model=model)
    made = {}
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        made[it.index] = clusterer.assign(str(it.index), it.cues, max(when, -1e18)).story_id
    stories: dict[str, list[Item]] = {}
    for it in items:
        stories.setdefault(it.story, []).append(it)
    flights = [s for s in stories.values() if is_flight(s)]
    return len(flights), sum(len({made[it.index] for it in s}) - 1 for s in flights)


def main() -> None:
    base = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    new = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    names = [p.stem.removeprefix("stories_") for p in labelled_files()]
    items = {n: load_items(p) for n, p in zip(names, labelled_files(), strict=True)}

    def with_cues(name: str, dump: dict[str, Any]) -> list[Item]:
        cues = dump[name]["cues"]
        return [replace(it, cues=frozenset(c)) for it, c in zip(items[name], cues, strict=True)]

    before = {n: with_cues(n, base) for n in names}
    after = {n: with_cues(n, new) for n in names}
    pairs = {n: pairs_of(before[n]) for n in names}
    deltas, rows = [], []
    splits = [0, 0, 0]  # flight stories, extra predicted before, after
    for n in names:
        model = fit([p for other, ps in pairs.items() if other != n for p in ps])
        b = cluster(before[n], Clusterer(pair_model=model))
        a = cluster(after[n], Clusterer(pair_model=model))
        flights, split_before = flight_splits(before[n], model)
        splits[0] += flights
        splits[1] += split_before
        splits[2] += flight_splits(after[n], model)[1]
        deltas.append((b.pairwise_f1, a.pairwise_f1, b.alerts_per_story, a.alerts_per_story))
        if abs(a.pairwise_f1 - b.pairwise_f1) > 1e-9 or a.alerts_per_story != b.alerts_per_story:
            rows.append(
                f"{n}: F1 {b.pairwise_f1:.4f} -> {a.pairwise_f1:.4f} "
                f"({a.pairwise_f1 - b.pairwise_f1:+.4f}), alerts {b.alerts_per_story:.3f} -> "
                f"{a.alerts_per_story:.3f}"
            )
    k = len(deltas)
    f1b, f1a = sum(d[0] for d in deltas) / k, sum(d[1] for d in deltas) / k
    alb, ala = sum(d[2] for d in deltas) / k, sum(d[3] for d in deltas) / k
    print("\n".join(rows))
    print(f"flight stories {splits[0]}: split into {splits[1]} -> {splits[2]} extra stories")
    print(
        f"mean over {k} files: F1 {f1b:.4f} -> {f1a:.4f} ({f1a - f1b:+.4f}); alerts per story "
        f"{alb:.4f} -> {ala:.4f}; worst file {min(d[1] - d[0] for d in deltas):+.4f}"
    )


if __name__ == "__main__":
    main()
