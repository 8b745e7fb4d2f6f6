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

import html
import json
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from wirewatch_shared.sparse import design_matrix, vocabulary

from wirewatch_classify.dataset import Item, load_split, outlet_bucket
from wirewatch_classify.engine import Classifier, RuleView
from wirewatch_classify.features import MAX_GRAM, MIN_GRAM, NUMBER, item_features
from wirewatch_classify.model import FORMAT, RAW_CLIP
from wirewatch_classify.topicdef import load_topics

MIN_DF = 2
FOLDS = 5
C_GRID = (1.0, 4.0, 16.0, 64.0)
PRUNE = 5e-4
THRESHOLD = 0.5
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7)
"""Reporting thresholds tried per topic (out-of-fold F1 on the fitted items)."""
THRESHOLD_MARGIN = 0.01
"""Out-of-fold F1 a threshold must gain over 0.5 to be chosen instead (since 2026-12-04: the
choice swung between 0.5, 0.55 and 0.6 with a few dozen more items, and 0.5 was as good or
better on the honest dev split every time; docs/measurements/classify.md, "Ninth round")."""
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
        "returned",
        "iom",
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
        "route",
        "offshore",
        "permit",
    ),
}
"""The groups whose presence lets the model read an item (its gate); context groups
(headcounts, "policy", business words) are left out: they occur in most news."""
CORES = {topic: tuple(g for g in groups if g != "flight") for topic, groups in GATES.items()}
"""The groups whose presence is the stack's ``core`` feature: a flight word alone
("flights delayed by strike") is not a removal."""


def _labels(items: Sequence[Item], topic: str) -> list[int]:
    return [int(topic in item.labels) for item in items]


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
    views: Sequence[RuleView],
    cores: Sequence[bool],
    logits: Sequence[Sequence[float]],
    y: Sequence[int],
) -> dict[str, Any]:
    """Logistic regression of the label on the rules' view, core and every logit."""
    from sklearn.linear_model import LogisticRegression

    rows = [
        [min(RAW_CLIP, pos), max(-RAW_CLIP, neg), exc, float(core), *zs]
        for (pos, neg, exc), core, zs in zip(views, cores, logits, strict=True)
    ]
    model = LogisticRegression(C=10.0, solver="lbfgs", max_iter=1000)
    model.fit(rows, list(y))
    a, n, e, k, *b = (round(float(v), 4) for v in model.coef_[0])
    return {
        "rule": a,
        "negative": n,
        "excluded": e,
        "core": k,
        "model": b,
        "intercept": round(float(model.intercept_[0]), 4),
    }


def train(
    data_dir: Path,
    out: Path,
    fit_on: Sequence[str] = ("train", "dev"),
    background: Path | None = None,
) -> dict[str, Any]:
    """Train on the manifest's ``fit_on`` splits and write the model file; returns it.

    The shipped model is fitted on train+dev; ``fit_on=("train",)`` leaves dev unseen
    for comparing designs (the test split is never a choice). ``background``: a folder
    of news feeds whose gated items the rules leave untagged are added as negatives."""
    if "test" in fit_on:
        raise ValueError("the test split is for reporting only")
    rules = Classifier(load_topics())  # rules only: the stack reads the rules' view
    splits = load_split(data_dir)
    labelled = [item for name in fit_on for item in splits[name]]
    extra = background_items(background, rules) if background else []
    fit_items = labelled + [title_only(i) for i in labelled if i.summary] + extra
    vectors = [item_features(i.title, i.summary) for i in fit_items]
    vocab_list = vocabulary(vectors, MIN_DF)
    x = design_matrix(vectors, {f: k for k, f in enumerate(vocab_list)})
    topics = [t.topic for t in rules.topics]
    columns, bias, chosen, oof = _fit_topics(x, fit_items, topics)
    stacks = _fit_stacks(rules, fit_items, oof)
    weights: dict[str, list[float]] = {}
    for k, feature in enumerate(vocab_list):
        row = [round(col[k], 4) for col in columns]
        if any(abs(w) >= PRUNE for w in row):
            weights[feature] = row
    card = _card(splits, fit_on, chosen, len(vocab_list), len(weights))
    card["title_only_copies"] = len(fit_items) - len(labelled) - len(extra)
    card["background_negatives"] = len(extra)
    data: dict[str, Any] = {
        "format": FORMAT,
        "topics": topics,
        "bias": bias,
        "stack": stacks,
        "gates": {t: list(GATES.get(t, ())) for t in topics},
        "cores": {t: list(CORES.get(t, ())) for t in topics},
        "card": card,
        "weights": weights,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    return data


def _fit_topics(
    x: Any, items: Sequence[Item], topics: Sequence[str]
) -> tuple[list[list[float]], list[float], dict[str, float], list[list[float]]]:
    """Per topic: final weights, bias, chosen C and out-of-fold log-odds."""
    columns: list[list[float]] = []
    bias: list[float] = []
    chosen: dict[str, float] = {}
    oof: list[list[float]] = []
    for topic in topics:
        y = _labels(items, topic)
        c, logits = choose_c(x, y, items)
        chosen[topic] = c
        oof.append(logits)
        final = _fit(x, y, c)
        columns.append([float(w) for w in final.coef_[0]])
        bias.append(round(float(final.intercept_[0]), 4))
    return columns, bias, chosen, oof


def _fit_stacks(
    rules: Classifier, items: Sequence[Item], oof: list[list[float]]
) -> dict[str, dict[str, Any]]:
    views = [rules.rule_views(i.title, i.summary) for i in items]
    present = [rules.groups_present(i.title, i.summary) for i in items]
    per_item = list(zip(*oof, strict=True))
    stacks: dict[str, dict[str, Any]] = {}
    for spec in rules.topics:
        t = spec.topic
        cores = [any((t, g) in p for g in CORES.get(t, ())) for p in present]
        y = _labels(items, t)
        stack = fit_stack([v[t] for v in views], cores, per_item, y)
        scores = [
            _stack_score(rules, t, stack, v[t], core, zs)
            for v, core, zs in zip(views, cores, per_item, strict=True)
        ]
        threshold = choose_threshold(scores, y)
        stacks[t] = {**stack, "threshold": threshold, "rules_version": spec.version}
    return stacks


def _stack_score(
    rules: Classifier,
    topic: str,
    stack: dict[str, Any],
    view: RuleView,
    core: bool,
    logits: Sequence[float],
) -> float:
    """The score the classifier would give with these (out-of-fold) logits."""
    from wirewatch_classify.model import Stack

    fitted = Stack(
        **{**stack, "model": tuple(stack["model"]), "threshold": THRESHOLD, "rules_version": 0}
    )
    return rules.capped_score(topic, view, fitted, core, list(logits))


def choose_threshold(scores: Sequence[float], y: Sequence[int]) -> float:
    """The reporting threshold with the best F1 on the fitted items' out-of-fold scores,
    from ``THRESHOLDS`` (ties: the one nearest 0.5), if it beats 0.5 by at least
    ``THRESHOLD_MARGIN``; else 0.5. The score stays a probability; only where a topic is
    reported moves."""
    f1s = {t: threshold_f1(scores, y, t) for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: (f1s[t], -abs(t - THRESHOLD)))
    return best if f1s[best] >= f1s[THRESHOLD] + THRESHOLD_MARGIN else THRESHOLD


def threshold_f1(scores: Sequence[float], y: Sequence[int], threshold: float) -> float:
    """F1 (rounded to 4 places) of reporting at ``threshold``."""
    tp = sum(1 for s, label in zip(scores, y, strict=True) if s >= threshold and label)
    fp = sum(1 for s, label in zip(scores, y, strict=True) if s >= threshold and not label)
    fn = sum(1 for s, label in zip(scores, y, strict=True) if s < threshold and label)
    return round(2 * tp / max(1, 2 * tp + fp + fn), 4)


def title_only(item: Item) -> Item:
    """The item as a feed without summaries shows it (same label: headlines carry it)."""
    return replace(item, key=item.key + "#title", summary="")


def background_items(folder: Path, rules: Classifier) -> list[Item]:
    """Negatives from a folder of real news feeds (the corpus): the items the model
    would read (they pass the gate) but the rules leave untagged. Off-topic news with
    topic vocabulary ("flights delayed", "visa") is what a real stream is mostly made
    of; the labelled sets have little of it. Each feed file is its own outlet."""
    import feedparser

    gates = {(topic, group) for topic, groups in GATES.items() for group in groups}
    out: list[Item] = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in {".xml", ".rss", ".atom", ".rdf"}:
            continue
        for n, entry in enumerate(feedparser.parse(path.read_bytes()).entries):
            title = _plain(str(entry.get("title", "")))
            summary = _plain(str(entry.get("summary", "")))[:600]
            if not (title or summary) or not gates & rules.groups_present(title, summary):
                continue
            if rules.classify(title, summary)[0]:
                continue  # possibly on topic: not a safe negative
            key = f"background:{path.relative_to(folder)}:{n}"
            out.append(Item(key, title, summary, "?", (), False, str(path.parent), "", {}))
    return out


_TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


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
        "features": (
            f"words, title words, word pairs, character {MIN_GRAM}-{MAX_GRAM}-grams; "
            f"every run of digits folded to {NUMBER!r}"
        ),
        "min_df": MIN_DF,
        "c": chosen,
        "vocabulary": vocab,
        "weights_kept": kept,
        "splits": counts,
    }
