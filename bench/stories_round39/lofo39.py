"""Headline countries as a feature of the learned pair model, leave one file out (stop 39).

    .venv/bin/python bench/stories_round39/lofo39.py

``fit.py``'s method (pairs scored by the hand factors on every studied file, a logistic
regression per fold, the left-out file clustered with it in file order) with one feature more:
whether the two headlines each name a country, the US aside, that the other's does not
(``country_names39``). Printed per file and in the mean: F1 and alerts per story with the 20
shipped features refitted on the fold, and with the 21. Measurement only.
"""

from __future__ import annotations

import dataclasses
import math
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from candidates39 import _headline, headline_cues
from common import Item, cluster, labelled_files, load_items, ordered
from fit import fit
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import Member
from wirewatch_stories.pair_model import PairModel
from wirewatch_stories.scoring import Scorer


def _conflict(mine: frozenset[str], theirs: frozenset[str]) -> float:
    return float(bool(mine - theirs) and bool(theirs - mine))


class _Wide(Scorer):
    """The shipped features plus the headline conflict; the hand factors when no model."""

    __slots__ = ("headline",)

    def __init__(self, clusterer: Clusterer, cues: frozenset[str], published: float | None = None):
        super().__init__(clusterer, frozenset(c for c in cues if c[:2] != "g:"), published)
        self.headline = _headline(cues)

    def pair_features(self, member: Member) -> tuple[float, ...] | None:
        base = super().pair_features(member)
        if base is None:
            return None
        assert isinstance(self.clusterer, _WideClusterer)
        return (*base, _conflict(self.headline, self.clusterer.headlines[member.item_id]))

    def similarity(self, member: Member) -> float:
        model = self.model
        if model is None:  # collecting: the hand factors, the pair recorded
            assert isinstance(self.clusterer, _WideClusterer)
            features = self.pair_features(member)
            if features is not None and self.clusterer.pairs is not None:
                same = (
                    self.clusterer.story[self.clusterer.current]
                    == self.clusterer.story[member.item_id]
                )
                self.clusterer.pairs.append((features, same))
            return super().similarity(member)
        features = self.pair_features(member)
        if features is None:
            return 0.0
        z = math.fsum(
            [model.intercept, *(w * f for w, f in zip(model.weights, features, strict=True))]
        )
        return 0.28 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@dataclasses.dataclass(frozen=True, slots=True)
class _WideModel(PairModel):
    def __post_init__(self) -> None:
        pass


class _WideClusterer(Clusterer):
    def __init__(self, model: PairModel | None = None, *, collect: bool = False) -> None:
        super().__init__(pair_model=model)
        self.headlines: dict[str, frozenset[str]] = {}
        self.pairs: list[tuple[tuple[float, ...], bool]] | None = [] if collect else None
        self.story: dict[str, str] = {}
        self.current = ""

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _Wide(self, cues, published)

    def add(
        self, item_id: str, story_id: str, cues: Any, published: float, *, advance: bool = True
    ) -> None:
        cues = frozenset(cues)
        self.headlines[item_id] = _headline(cues)
        plain = frozenset(c for c in cues if c[:2] != "g:")
        super().add(item_id, story_id, plain, published, advance=advance)


def fit_wide(pairs: list[tuple[tuple[float, ...], bool]]) -> _WideModel:
    """``fit.fit`` for 21 features."""
    import numpy as np
    from fit import C_REGULARISATION
    from sklearn.linear_model import LogisticRegression

    x = np.array([f for f, _ in pairs], dtype=float)
    y = np.array([s for _, s in pairs], dtype=bool)
    model = LogisticRegression(C=C_REGULARISATION, max_iter=5000).fit(x, y)
    weights = tuple(float(w) for w in model.coef_[0])
    return _WideModel(intercept=float(model.intercept_[0]), weights=weights)


def wide_pairs(items: list[Item]) -> list[tuple[tuple[float, ...], bool]]:
    clusterer = _WideClusterer(collect=True)
    for item in ordered(items):
        clusterer.story[str(item.index)] = item.story
        clusterer.current = str(item.index)
        when = item.published if item.published is not None else clusterer.clock
        clusterer.assign(str(item.index), item.cues, max(when, -1e18))
    assert clusterer.pairs is not None
    return clusterer.pairs


Pairs = list[tuple[tuple[float, ...], bool]]


def fold_figures(plain: list[Item], marked: list[Item], train: Pairs) -> tuple[float, ...]:
    """F1 and alerts per story of one left-out file: 20 features refitted, then 21."""
    narrow = fit([(f[:-1], s) for f, s in train])
    before = cluster(plain, Clusterer(pair_model=narrow))
    after = cluster(marked, _WideClusterer(fit_wide(train)))
    return before.pairwise_f1, before.alerts_per_story, after.pairwise_f1, after.alerts_per_story


def studied() -> tuple[dict[str, list[Item]], dict[str, list[Item]], dict[str, Pairs]]:
    """Every studied file's items, without and with headline cues, and its pairs."""
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    plain = {name: load_items(p) for name, p in paths.items()}
    marked = {n: headline_cues(paths[n], items, names_only=True) for n, items in plain.items()}
    return plain, marked, {name: wide_pairs(items) for name, items in marked.items()}


def main() -> None:
    plain, marked, pairs = studied()
    sums = [0.0, 0.0, 0.0, 0.0]
    print("| file | refit 20: F1 / alerts | refit 21: F1 / alerts | F1 |")
    for name in plain:
        train = [p for other, ps in pairs.items() if other != name for p in ps]
        got = fold_figures(plain[name], marked[name], train)
        sums = [a + b for a, b in zip(sums, got, strict=True)]
        print(
            f"| {name} | {got[0]:.3f} / {got[1]:.3f} | {got[2]:.3f} / {got[3]:.3f} | "
            f"{got[2] - got[0]:+.3f} |",
            flush=True,
        )
    n = len(plain)
    f1, alerts = (sums[0] / n, sums[2] / n), (sums[1] / n, sums[3] / n)
    print(f"mean F1 {f1[0]:.4f} -> {f1[1]:.4f}; alerts {alerts[0]:.4f} -> {alerts[1]:.4f}")
    every = [p for ps in pairs.values() for p in ps]
    print("weight of the headline conflict (all files):", round(fit_wide(every).weights[-1], 4))


if __name__ == "__main__":
    main()
