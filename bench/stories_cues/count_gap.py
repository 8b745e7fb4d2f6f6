"""Small count gaps as one count (stop 30): fixed fold models and the shipped table, no refit.

    .venv/bin/python bench/stories_cues/count_gap.py [GAP]

Each training file's fold model (``bench/stories_learned/fit.py``) is fitted on the other
files' pairs with ``NUMBER_GAP = 0`` (the count comparison before this round), then the file is
clustered with that model and with the shipped table (``LEARNED_PAIRS``), once with the gap 0
and once with ``GAP`` (default: the product's ``NUMBER_GAP``): the change is the comparison's
alone. Prints the files that move, the means and the flight stories' extra predicted stories.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import cluster, labelled_files, load_items
from fit import fit, pairs_of
from fixed_folds import flight_splits
from wirewatch_stories import cluster as product
from wirewatch_stories.cluster import LEARNED_PAIRS, Clusterer


def main() -> None:
    gap = int(sys.argv[1]) if len(sys.argv) > 1 else product.NUMBER_GAP
    names = [p.stem.removeprefix("stories_") for p in labelled_files()]
    files = {n: load_items(p) for n, p in zip(names, labelled_files(), strict=True)}
    product.NUMBER_GAP = 0
    pairs = {n: pairs_of(items) for n, items in files.items()}
    models = {n: fit([p for o, ps in pairs.items() if o != n for p in ps]) for n in names}
    figures: dict[tuple[str, int], list[tuple[float, float]]] = {}
    splits = {0: 0, gap: 0}
    for value in (0, gap):
        product.NUMBER_GAP = value
        for how, model in (("fixed", None), ("shipped", LEARNED_PAIRS)):
            rows = []
            for n in names:
                r = cluster(files[n], Clusterer(pair_model=model or models[n]))
                rows.append((r.pairwise_f1, r.alerts_per_story))
                if how == "fixed":
                    splits[value] += flight_splits(files[n], models[n])[1]
            figures[(how, value)] = rows
    for how in ("fixed", "shipped"):
        before, after = figures[(how, 0)], figures[(how, gap)]
        for n, b, a in zip(names, before, after, strict=True):
            if b != a:
                print(f"{how} {n}: F1 {b[0]:.4f} -> {a[0]:.4f} ({a[0] - b[0]:+.4f}), "
                      f"alerts {b[1]:.3f} -> {a[1]:.3f}")  # fmt: skip
        k = len(names)
        f1b, f1a = sum(b[0] for b in before) / k, sum(a[0] for a in after) / k
        alb, ala = sum(b[1] for b in before) / k, sum(a[1] for a in after) / k
        worst = min(a[0] - b[0] for b, a in zip(before, after, strict=True))
        print(f"{how}, mean of {k}: F1 {f1b:.4f} -> {f1a:.4f} ({f1a - f1b:+.4f}); alerts "
              f"{alb:.4f} -> {ala:.4f}; worst file {worst:+.4f}")  # fmt: skip
    print(f"flight stories' extra predicted stories (fixed folds): {splits[0]} -> {splits[gap]}")


if __name__ == "__main__":
    main()
