"""The shipped table before and after stop 40, on every studied file (information, in sample).

    .venv/bin/python bench/stories_round40/fullfit40.py > bench/stories_round40/fullfit40.txt

Each studied file (every ``stories_*.jsonl`` but ``common.JUDGES``, never opened) clustered in
publication order, as ``wirewatch stories eval`` does, with main's table (round 27's, the
headline conflict weighted 0) and with the table this round ships; pairwise F1 / precision /
recall, B-cubed F1 and alerts per story. In sample for both tables (each was fitted on these
files, gloaming and noctis aside for round 27's): what the floors of tests/stories read. Last
column: the F1 of the 20 earlier features refitted on today's pairs (no headline conflict), to
tell the feature's moves from the refit's.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import cluster, labelled_files, load_items
from fit import pairs_of
from lofo40 import SHIPPED, f1_and_alerts, fit_20
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import ClusterReport
from wirewatch_stories.pair_model import LEARNED_PAIRS, PairModel


def cells(r: ClusterReport) -> str:
    return (
        f"{r.pairwise_f1:.3f} / {r.pairwise_precision:.3f} / {r.pairwise_recall:.3f} / "
        f"{r.bcubed_f1:.3f} / {r.alerts_per_story:.3f}"
    )


def main() -> None:
    files = {path: load_items(path) for path in labelled_files()}
    every = [p for items in files.values() for p in pairs_of(items)]
    narrow = fit_20(every)
    refit = PairModel(
        intercept=round(narrow.intercept, 4), weights=tuple(round(w, 4) for w in narrow.weights)
    )
    print(
        "| file | main: F1 / P / R / B3 / alerts | stop 40: F1 / P / R / B3 / alerts | F1 "
        "| 20 refitted: F1 |"
    )
    print("|---|---|---|---|---|")
    sums = [0.0] * 4
    for path, items in files.items():
        before = cluster(items, Clusterer(pair_model=SHIPPED))
        after = cluster(items, Clusterer(pair_model=LEARNED_PAIRS))
        got = f1_and_alerts(before, after)
        sums = [a + b for a, b in zip(sums, got, strict=True)]
        name = path.stem.removeprefix("stories_")
        gain = after.pairwise_f1 - before.pairwise_f1
        plain = cluster(items, Clusterer(pair_model=refit)).pairwise_f1
        print(
            f"| {name} | {cells(before)} | {cells(after)} | {gain:+.3f} | {plain:.3f} |",
            flush=True,
        )
    n = len(labelled_files())
    print(
        f"\nmean F1 {sums[0] / n:.4f} -> {sums[2] / n:.4f}; "
        f"alerts {sums[1] / n:.4f} -> {sums[3] / n:.4f}"
    )


if __name__ == "__main__":
    main()
