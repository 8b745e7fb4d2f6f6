"""Measure the round's candidates against the shipped clusterer (stop 39, issue #13).

    .venv/bin/python bench/stories_round39/measure39.py design [CANDIDATE ...]
    .venv/bin/python bench/stories_round39/measure39.py held [CANDIDATE ...]

Each file of the part (``split39``; ``design``: the files whose errors were read, ``held``:
the files held out, measured once a candidate is fixed) is clustered in six orders (the file's,
then rows shuffled by ``random.Random(seed)``, seeds 1-5, as the judges' test does; ties in
publication time are broken by the shuffled position), by ``main`` (the shipped decision) and by
each candidate named (``candidates39.CANDIDATES``). Printed per file and pooled (the mean of six
orders): pairwise precision, recall, F1, B-cubed F1, stories opened per true story (alerts).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from candidates39 import CANDIDATES, Headlines, headline_cues
from common import Item, load_items
from split39 import design_files, held_out_files
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import evaluate

SEEDS = (None, 1, 2, 3, 4, 5)
FIGURES = ("pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_f1", "alerts_per_story")


def _order(items: list[Item], seed: int | None) -> list[Item]:
    """The items in publication order, ties broken by their row in the file shuffled by
    ``seed`` (the file's own order for None)."""
    position = list(range(len(items)))
    if seed is not None:
        random.Random(seed).shuffle(position)
    rank = {n: p for p, n in enumerate(position)}
    return sorted(items, key=lambda it: (it.published is None, it.published or 0.0, rank[it.index]))


def figures(items: list[Item], make: Callable[[], Clusterer]) -> list[float]:
    """The mean over :data:`SEEDS` of :data:`FIGURES`."""
    total = [0.0] * len(FIGURES)
    for seed in SEEDS:
        clusterer = make()
        predicted: dict[int, str] = {}
        for it in _order(items, seed):
            when = max(it.published if it.published is not None else clusterer.clock, -1e18)
            predicted[it.index] = clusterer.assign(str(it.index), it.cues, when).story_id
        report = evaluate([it.story for it in items], [predicted[it.index] for it in items])
        total = [t + getattr(report, f) for t, f in zip(total, FIGURES, strict=True)]
    return [t / len(SEEDS) for t in total]


def _items_for(maker: Callable[[], Clusterer], path: Path, items: list[Item]) -> list[Item]:
    """The items a variant reads: with headline cues for the headline candidates."""
    if isinstance(maker, type) and issubclass(maker, Headlines):
        return headline_cues(path, items, names_only=maker.names_only)
    return items


def main(candidates: dict[str, Callable[[], Clusterer]] = CANDIDATES) -> None:
    """Print the figures of ``main`` and the candidates named on the command line (stop 43's
    ``measure43s.py`` passes its own ``candidates``)."""
    part, names = sys.argv[1], ["main", *sys.argv[2:]]
    paths = design_files() if part == "design" else held_out_files()
    makers = {"main": Clusterer, **{n: candidates[n] for n in names[1:]}}
    pooled: dict[str, list[float]] = {n: [0.0] * len(FIGURES) for n in names}
    print(f"{'file':12s} {'variant':14s}   P      R      F1     B3     alerts")
    for path in paths:
        items = load_items(path)
        for name in names:
            got = figures(_items_for(makers[name], path, items), makers[name])
            pooled[name] = [p + g / len(paths) for p, g in zip(pooled[name], got, strict=True)]
            print(f"{path.stem[8:]:12s} {name:14s} " + " ".join(f"{g:.4f}" for g in got))
    print("-- mean over files")
    for name in names:
        print(f"{'mean':12s} {name:14s} " + " ".join(f"{g:.4f}" for g in pooled[name]))


if __name__ == "__main__":
    main()
