"""Fit the learned pair decision of the stories clusterer and measure it leave-one-file-out.

    .venv/bin/python bench/stories_learned/fit.py            # LOFO figures, then the table
    .venv/bin/python bench/stories_learned/fit.py --table    # the table only (all files)
    .venv/bin/python bench/stories_learned/fit.py --from-pairs   # the shipped table, refitted

``--from-pairs [FILE]`` (``pairs_730e68c.jsonl.gz`` here by default) refits the shipped table
from the pairs it was fitted on, frozen by ``freeze_pairs.py`` on the commit that fitted it
(stop 40, ``730e68c``, with the headline conflict): a later change of cues or files gives other
pairs (docs/measurements/stories.md, stop 36), and the table is not refitted to them unless a
round does so and refreezes.

1. Every labelled stories file but the round's judges (``common.JUDGES``, never opened) is
   clustered in publication order with the hand factors (``Clusterer(pair_model=None)``, the
   decisions before stop 28, kept for this script only); every pair scored on the way (an item
   against the latest items of its candidate stories) gives its ``PAIR_FEATURES`` and whether
   the two are of one story.
2. Leave one file out: for each file, a logistic regression (scikit-learn, ``C=10``) is fitted on
   the pairs of all the other files and the file is clustered with it (``PairModel``); the table
   gives each file's pairwise F1 / precision / recall / alerts per story with the hand factors
   and with its fold's model, and the means.
3. The model fitted on every file's pairs, rounded to 4 decimals, printed as the
   ``LEARNED_PAIRS`` table of ``wirewatch_stories.pair_model``.

Needs scikit-learn (the ``dev`` or ``train`` extra); the service only reads the table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Item, cluster, labelled_files, load_items, ordered
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import ClusterReport
from wirewatch_stories.pair_cues import Member
from wirewatch_stories.pair_model import PAIR_FEATURES, PairModel
from wirewatch_stories.scoring import Scorer

C_REGULARISATION = 10.0
# the pairs the shipped LEARNED_PAIRS was fitted on, as freeze_pairs.py wrote them on 730e68c
FROZEN = Path(__file__).resolve().parent / "pairs_730e68c.jsonl.gz"


class _Recorder(Scorer):
    __slots__ = ()

    def similarity(self, member: Member) -> float:
        clusterer = self.clusterer
        assert isinstance(clusterer, _Collecting)
        features = self.pair_features(member)
        if features is not None:
            same = clusterer.story[clusterer.current] == clusterer.story[member.item_id]
            clusterer.pairs.append((features, same))
        return super().similarity(member)


class _Collecting(Clusterer):
    """The hand-factor clusterer, recording the features of every pair it scores."""

    def __init__(self) -> None:
        super().__init__(pair_model=None)
        self.pairs: list[tuple[tuple[float, ...], bool]] = []
        self.story: dict[str, str] = {}
        self.current = ""

    def _scorer(self, cues: frozenset[str], published: float | None = None) -> Scorer:
        return _Recorder(self, cues, published)


def pairs_of(items: list[Item]) -> list[tuple[tuple[float, ...], bool]]:
    clusterer = _Collecting()
    for item in ordered(items):
        clusterer.story[str(item.index)] = item.story
        clusterer.current = str(item.index)
        when = item.published if item.published is not None else clusterer.clock
        clusterer.assign(str(item.index), item.cues, max(when, -1e18))
    return clusterer.pairs


def fit(pairs: list[tuple[tuple[float, ...], bool]], decimals: int | None = None) -> PairModel:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([f for f, _ in pairs], dtype=float)
    y = np.array([s for _, s in pairs], dtype=bool)
    model = LogisticRegression(C=C_REGULARISATION, max_iter=5000).fit(x, y)
    weights = [float(w) for w in model.coef_[0]]
    intercept = float(model.intercept_[0])
    if decimals is not None:
        weights = [round(w, decimals) for w in weights]
        intercept = round(intercept, decimals)
    return PairModel(intercept=intercept, weights=tuple(weights))


def _row(name: str, before: ClusterReport, after: ClusterReport) -> str:
    def cells(r: ClusterReport) -> str:
        return (
            f"{r.pairwise_f1:.3f} / {r.pairwise_precision:.3f} / {r.pairwise_recall:.3f} / "
            f"{r.alerts_per_story:.3f}"
        )

    gain = after.pairwise_f1 - before.pairwise_f1
    return f"| {name} | {cells(before)} | {cells(after)} | {gain:+.3f} |"


def table(model: PairModel) -> str:
    lines = ["LEARNED_PAIRS = PairModel(", f"    intercept={model.intercept},", "    weights=("]
    lines += [
        f"        {w},  # {name}" for w, name in zip(model.weights, PAIR_FEATURES, strict=True)
    ]
    lines += ["    ),", ")"]
    return "\n".join(lines)


def frozen_pairs(path: Path) -> tuple[dict[str, Any], list[tuple[tuple[float, ...], bool]]]:
    """The header and the pairs of a file ``freeze_pairs.py`` wrote, in the order fitted."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        header = json.loads(next(lines))
        rows = [json.loads(line) for line in lines if line.strip()]
    if header["features"] != list(PAIR_FEATURES):
        raise SystemExit(f"{path}: its features are not today's PAIR_FEATURES")
    pairs = [(tuple(float(v) for v in row[2:]), bool(row[1])) for row in rows]
    if len(pairs) != header["pairs"]:
        raise SystemExit(f"{path}: {len(pairs)} pairs, the header says {header['pairs']}")
    return header, pairs


def _refit_frozen(path: Path) -> None:
    header, frozen = frozen_pairs(path)
    print(
        f"{len(frozen)} pairs, {sum(s for _, s in frozen)} of one story, frozen at "
        f"{str(header['commit'])[:7]} from {len(header['files'])} files"
    )
    print(table(fit(frozen, decimals=4)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--table", action="store_true", help="print the fitted table only")
    parser.add_argument(
        "--from-pairs",
        type=Path,
        nargs="?",
        const=FROZEN,
        metavar="FILE",
        help=f"refit the table from a frozen pair file (default {FROZEN.name})",
    )
    args = parser.parse_args()
    if args.from_pairs is not None:
        _refit_frozen(args.from_pairs)
        return
    files = {p.stem.removeprefix("stories_"): load_items(p) for p in labelled_files()}
    pairs = {name: pairs_of(items) for name, items in files.items()}
    every = [p for ps in pairs.values() for p in ps]
    print(f"{len(files)} files, {len(every)} pairs, {sum(s for _, s in every)} of one story")
    if not args.table:
        print("| file | hand: F1 / P / R / alerts | learned (LOFO): F1 / P / R / alerts | F1 |")
        print("|---|---|---|---|")
        befores, afters = [], []
        for name, items in files.items():
            model = fit([p for other, ps in pairs.items() if other != name for p in ps])
            before = cluster(items, Clusterer(pair_model=None))
            after = cluster(items, Clusterer(pair_model=model))
            befores.append(before)
            afters.append(after)
            print(_row(name, before, after), flush=True)
        n = len(befores)
        f1 = (sum(r.pairwise_f1 for r in befores) / n, sum(r.pairwise_f1 for r in afters) / n)
        alerts = (
            sum(r.alerts_per_story for r in befores) / n,
            sum(r.alerts_per_story for r in afters) / n,
        )
        worst = min(a.pairwise_f1 - b.pairwise_f1 for a, b in zip(afters, befores, strict=True))
        print(
            f"\nmean pairwise F1 {f1[0]:.4f} -> {f1[1]:.4f} ({f1[1] - f1[0]:+.4f}); "
            f"alerts per story {alerts[0]:.4f} -> {alerts[1]:.4f}; worst file {worst:+.3f}"
        )
    print(table(fit(every, decimals=4)))


if __name__ == "__main__":
    main()
