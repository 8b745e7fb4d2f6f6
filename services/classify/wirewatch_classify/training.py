"""Train the topic model (``wirewatch train``): deterministic, from the split manifest.

1. Features of every item (:func:`wirewatch_classify.features.item_features`); the
   vocabulary is every feature seen in at least ``MIN_DF`` train+dev items.
2. Out-of-fold model logits for the fitted items (``FOLDS`` folds by outlet, so a
   fold's outlets are unseen by its model) for each L2 strength ``C`` of the grid;
   the ``C`` with the lowest out-of-fold log-loss is kept.
3. Beside each item's rule sum, those logits fit a two-feature logistic regression
   per topic: the calibrated combination (:class:`wirewatch_classify.model.Stack`).
4. The final linear model per topic is fitted on all fitted items; weights under
   ``PRUNE`` are dropped; the JSON file is written with a model card.

The test split is never used to fit or choose anything; the card reports it.
Needs scikit-learn (``pip install -e '.[train]'``); scoring does not.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import Item, load_split, outlet_bucket
from wirewatch_classify.engine import Classifier, RuleView
from wirewatch_classify.features import MAX_GRAM, MIN_GRAM, item_features
from wirewatch_classify.model import FORMAT, RAW_CLIP
from wirewatch_classify.topicdef import load_topics

MIN_DF = 2
FOLDS = 5
C_GRID = (1.0, 4.0, 16.0, 64.0)
PRUNE = 5e-4
THRESHOLD = 0.5
GATES = {
    "repatriation-flights": (
        "candidate",
        "flight",
        "deport",
        "deportee",
        "migrant",
        "repatriation",
        "deport_strict",
        "homeland",
        "rwanda",
        "programme",
    ),
    "border-policy": (
        "candidate",
        "named_policy",
        "border",
        "migration",
        "visa",
        "border_agency",
        "agency",
        "deport",
        "migration_or_removal",
        "return_programme",
    ),
}
"""The groups whose presence lets the model read an item (its gate); context groups
(headcounts, "policy", business words) are left out: they occur in most news."""


def _labels(items: Sequence[Item], topic: str) -> list[int]:
    return [int(topic in item.labels) for item in items]


def _vocabulary(vectors: Sequence[dict[str, float]]) -> list[str]:
    df: dict[str, int] = {}
    for vector in vectors:
        for feature in vector:
            df[feature] = df.get(feature, 0) + 1
    return sorted(f for f, n in df.items() if n >= MIN_DF)


def _matrix(vectors: Sequence[dict[str, float]], vocab: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for r, vector in enumerate(vectors):
        for feature, value in vector.items():
            c = vocab.get(feature)
            if c is not None:
                rows.append(r)
                cols.append(c)
                values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(vectors), len(vocab)))


def _fit(x: Any, y: Sequence[int], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    # liblinear: coordinate descent, fast on sparse n-grams; fixed seed, so deterministic.
    model = LogisticRegression(
        C=c, solver="liblinear", max_iter=1000, class_weight="balanced", random_state=0
    )
    model.fit(x, list(y))
    return model


def _log_loss(logits: Sequence[float], y: Sequence[int]) -> float:
    total = 0.0
    for z, label in zip(logits, y, strict=True):
        p = min(1 - 1e-9, max(1e-9, 1.0 / (1.0 + math.exp(-z))))
        total -= math.log(p) if label else math.log(1 - p)
    return total / max(1, len(y))


def choose_c(x: Any, y: Sequence[int], items: Sequence[Item]) -> tuple[float, list[float]]:
    """The C with the lowest out-of-fold log-loss (ties: the smaller), and its logits."""
    best: tuple[float, float, list[float]] = (math.inf, C_GRID[0], [0.0] * len(items))
    for c in C_GRID:
        logits = out_of_fold(x, y, items, c)
        loss = _log_loss(logits, y)
        if loss < best[0] - 1e-9:
            best = (loss, c, logits)
    return best[1], best[2]


def out_of_fold(x: Any, y: Sequence[int], items: Sequence[Item], c: float) -> list[float]:
    folds = [outlet_bucket(item.source) % FOLDS for item in items]
    out = [0.0] * len(items)
    for fold in range(FOLDS):
        test = [i for i, f in enumerate(folds) if f == fold]
        train = [i for i, f in enumerate(folds) if f != fold]
        if not test or len({y[i] for i in train}) < 2:
            continue
        model = _fit(x[train], [y[i] for i in train], c)
        for i, z in zip(test, model.decision_function(x[test]), strict=True):
            out[i] = float(z)
    return out


def fit_stack(
    views: Sequence[RuleView], logits: Sequence[Sequence[float]], y: Sequence[int]
) -> dict[str, Any]:
    """Logistic regression of the label on the rules' view and every topic's logit."""
    from sklearn.linear_model import LogisticRegression

    rows = [
        [min(RAW_CLIP, pos), max(-RAW_CLIP, neg), exc, *zs]
        for (pos, neg, exc), zs in zip(views, logits, strict=True)
    ]
    model = LogisticRegression(C=10.0, solver="lbfgs", max_iter=1000)
    model.fit(rows, list(y))
    a, n, e, *b = (round(float(v), 4) for v in model.coef_[0])
    return {
        "rule": a,
        "negative": n,
        "excluded": e,
        "model": b,
        "intercept": round(float(model.intercept_[0]), 4),
    }


def train(data_dir: Path, out: Path, fit_on: Sequence[str] = ("train", "dev")) -> dict[str, Any]:
    """Train on the manifest's ``fit_on`` splits and write the model file; returns it.

    The shipped model is fitted on train+dev; ``fit_on=("train",)`` leaves dev unseen
    for comparing designs (the test split is never a choice)."""
    if "test" in fit_on:
        raise ValueError("the test split is for reporting only")
    rules = Classifier(load_topics())  # rules only: the stack reads the rules' view
    splits = load_split(data_dir)
    fit_items = [item for name in fit_on for item in splits[name]]
    vectors = [item_features(i.title, i.summary) for i in fit_items]
    vocab_list = _vocabulary(vectors)
    vocab = {f: k for k, f in enumerate(vocab_list)}
    x = _matrix(vectors, vocab)
    views = [rules.rule_views(i.title, i.summary) for i in fit_items]
    topics = [t.topic for t in rules.topics]
    columns: list[list[float]] = []
    bias: list[float] = []
    stacks: dict[str, dict[str, Any]] = {}
    chosen: dict[str, float] = {}
    oof: list[list[float]] = []
    for spec in rules.topics:
        y = _labels(fit_items, spec.topic)
        c, logits = choose_c(x, y, fit_items)
        chosen[spec.topic] = c
        oof.append(logits)
        final = _fit(x, y, c)
        columns.append([float(w) for w in final.coef_[0]])
        bias.append(round(float(final.intercept_[0]), 4))
    per_item = list(zip(*oof, strict=True))
    for spec in rules.topics:
        stack = fit_stack([v[spec.topic] for v in views], per_item, _labels(fit_items, spec.topic))
        stacks[spec.topic] = {**stack, "threshold": THRESHOLD, "rules_version": spec.version}
    weights: dict[str, list[float]] = {}
    for k, feature in enumerate(vocab_list):
        row = [round(col[k], 4) for col in columns]
        if any(abs(w) >= PRUNE for w in row):
            weights[feature] = row
    data: dict[str, Any] = {
        "format": FORMAT,
        "topics": topics,
        "bias": bias,
        "stack": stacks,
        "gates": {t: list(GATES.get(t, ())) for t in topics},
        "card": _card(splits, fit_on, chosen, len(vocab_list), len(weights)),
        "weights": weights,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    return data


def _card(
    splits: dict[str, list[Item]],
    fit_on: Sequence[str],
    chosen: dict[str, float],
    vocab: int,
    kept: int,
) -> dict[str, Any]:
    counts: dict[str, Any] = {}
    for name, items in splits.items():
        langs: dict[str, int] = {}
        labels: dict[str, int] = {}
        for item in items:
            langs[item.lang] = langs.get(item.lang, 0) + 1
            for label in item.labels:
                labels[label] = labels.get(label, 0) + 1
        counts[name] = {
            "items": len(items),
            "languages": dict(sorted(langs.items())),
            "labels": dict(sorted(labels.items())),
            "hard_negatives": sum(item.hard_negative for item in items),
        }
    return {
        "fitted_on": "+".join(fit_on),
        "features": f"words, title words, word pairs, character {MIN_GRAM}-{MAX_GRAM}-grams",
        "min_df": MIN_DF,
        "c": chosen,
        "vocabulary": vocab,
        "weights_kept": kept,
        "splits": counts,
    }
