"""Headline countries as the 21st pair feature, measured by the round's rule (stop 40).

    .venv/bin/python bench/stories_round40/lofo40.py > bench/stories_round40/lofo40.txt

The rule is ``RULE.md`` here, committed before this ran. With the product's cues and
``PAIR_FEATURES`` (``headline_conflict`` last): the pairs the hand factors score in every studied
file (``fit.pairs_of``); for each file a logistic regression (``fit.py``'s, C=10) on the other
files' pairs with the 20 earlier features (the 21st weighted 0: the product before this round)
and with all 21, the file clustered with each in publication order. Then the table fitted on
every file, as ``fit.py --table`` ships it, against main's shipped table on the dev set. First a
check: the product's ``g:`` cues are stop 39's (``country_names39``) on every studied item.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round39"))

from common import Item, cluster, labelled_files, load_items
from fit import C_REGULARISATION, fit, pairs_of
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import ClusterReport
from wirewatch_stories.pair_model import PAIR_FEATURES, PairModel

Pairs = list[tuple[tuple[float, ...], bool]]
# main's LEARNED_PAIRS (round 27, 245f506), the new feature weighted 0
SHIPPED = PairModel(
    intercept=6.5451,
    weights=(
        2.2825, -1.6157, -3.1385, -3.0577, 1.1557, -2.2465, -0.3031, -1.3072, 5.4536, -1.2957,
        0.475, 0.3077, -0.4761, 0.812, 0.1466, 0.5841, 0.2543, -6.2981, -0.0405, -3.2156, 0.0,
    ),
)  # fmt: skip
MAX_FALL = 0.03


def fit_20(pairs: Pairs) -> PairModel:
    """``fit.fit`` on the 20 earlier features; the 21st weighted 0."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([f[:-1] for f, _ in pairs], dtype=float)
    y = np.array([s for _, s in pairs], dtype=bool)
    model = LogisticRegression(C=C_REGULARISATION, max_iter=5000).fit(x, y)
    weights = (*(float(w) for w in model.coef_[0]), 0.0)
    return PairModel(intercept=float(model.intercept_[0]), weights=weights)


def f1_and_alerts(before: ClusterReport, after: ClusterReport) -> tuple[float, ...]:
    """Pairwise F1 and alerts per story before, then after."""
    return (
        before.pairwise_f1,
        before.alerts_per_story,
        after.pairwise_f1,
        after.alerts_per_story,
    )


def same_cues_as_stop_39(paths: dict[str, Path], items: dict[str, list[Item]]) -> int:
    """The items whose ``g:`` cues differ from stop 39's headline countries (US aside)."""
    from country_names39 import headline_countries

    differ = 0
    for name, path in paths.items():
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        for it in items[name]:
            study = {f"g:{c}" for c in headline_countries(rows[it.index]["title"]) if c != "US"}
            differ += study != {c for c in it.cues if c[:2] == "g:"}
    return differ


def main() -> None:
    assert PAIR_FEATURES[-1] == "headline_conflict"
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    items = {name: load_items(p) for name, p in paths.items()}
    total = sum(map(len, items.values()))
    print(f"g: cues differing from stop 39's: {same_cues_as_stop_39(paths, items)} of {total}")
    pairs = {name: pairs_of(its) for name, its in items.items()}
    every = [p for ps in pairs.values() for p in ps]
    print(f"{len(items)} files, {len(every)} pairs, {sum(s for _, s in every)} of one story\n")
    print("| file | 20 features: F1 / alerts | 21 features: F1 / alerts | F1 |")
    print("|---|---|---|---|")
    sums, falls = [0.0] * 4, []
    for name, its in items.items():
        train = [p for other, ps in pairs.items() if other != name for p in ps]
        before = cluster(its, Clusterer(pair_model=fit_20(train)))
        after = cluster(its, Clusterer(pair_model=fit(train)))
        got = f1_and_alerts(before, after)
        sums = [a + b for a, b in zip(sums, got, strict=True)]
        falls.append((got[2] - got[0], name))
        print(
            f"| {name} | {got[0]:.3f} / {got[1]:.3f} | {got[2]:.3f} / {got[3]:.3f} | "
            f"{got[2] - got[0]:+.3f} |",
            flush=True,
        )
    n = len(items)
    f1, alerts = (sums[0] / n, sums[2] / n), (sums[1] / n, sums[3] / n)
    worst = min(falls)
    full = fit(every, decimals=4)
    dev_shipped = cluster(items["dev"], Clusterer(pair_model=SHIPPED))
    dev_full = cluster(items["dev"], Clusterer(pair_model=full))
    print(f"\nmean F1 {f1[0]:.4f} -> {f1[1]:.4f}; alerts {alerts[0]:.4f} -> {alerts[1]:.4f}")
    print(f"worst file {worst[1]} {worst[0]:+.3f}")
    print(
        f"dev, shipped table -> full fit: F1 {dev_shipped.pairwise_f1:.4f} -> "
        f"{dev_full.pairwise_f1:.4f}, alerts {dev_shipped.alerts_per_story:.4f} -> "
        f"{dev_full.alerts_per_story:.4f}"
    )
    clauses = {
        "1. mean F1 rises": f1[1] > f1[0],
        "2. mean alerts do not rise": alerts[1] <= alerts[0],
        f"3. no file falls by more than {MAX_FALL}": worst[0] >= -MAX_FALL,
        "4. dev F1 not lowered": dev_full.pairwise_f1 >= dev_shipped.pairwise_f1,
    }
    for clause, holds in clauses.items():
        print(f"{clause}: {'yes' if holds else 'NO'}")
    print("adopt" if all(clauses.values()) else "not adopted")
    print(f"\nfull fit, headline_conflict weight {full.weights[-1]}")


if __name__ == "__main__":
    main()
