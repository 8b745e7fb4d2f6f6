"""Stop 46 (RULE.md, candidate D's premise): does pooling the held-back sets lower flights recall
on the data main was fitted on, and does down-weighting the pooled hard negatives undo it?
Fitted data only (C's train + dev; no test, judge or check item is read).

    .venv/bin/python bench/classify_round46/diagnose.py DATA_DIR_C
    .venv/bin/python bench/classify_round46/diagnose.py --premise   # RULE.md: its test

Grouped out-of-fold (``training.FOLDS`` folds by outlet, as ``wirewatch train`` folds): for each
fold, a flights logistic regression (the first-level model's settings: liblinear, C 4, balanced
classes) is fitted on the other folds and reads the fold's *old* fitted items (main's train + dev)
and its *pooled* fitted items. Variants: ``old`` (main's fitted items only), ``pooled`` (C's:
old + the pooled items), ``pooled_w`` (C's, the pooled hard negatives weighted
``W_POOLED_NEGATIVE`` in the flights fit). Every fit also has each item's title-only copy and the
corpus background negatives, as training has. Tagged = logit > 0 (the first-level model alone,
no stack). Aggregates only: TP/FP/FN per language.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from wirewatch_classify.dataset import load_split, outlet_bucket
from wirewatch_classify.engine import Classifier
from wirewatch_classify.features import item_features
from wirewatch_classify.topicdef import load_topics
from wirewatch_classify.training import FOLDS, MIN_DF, background_items, title_only
from wirewatch_shared.sparse import design_matrix, vocabulary

HERE = Path(__file__).resolve().parent
MAIN_SPLIT = HERE.parent / "classify_round44" / "split_main.json"
FLIGHTS = "repatriation-flights"
W_POOLED_NEGATIVE = 0.5
BACKGROUND = Path("../shared/corpus/feeds")


def main(data_dir: Path) -> None:
    from sklearn.linear_model import LogisticRegression

    old_keys = {
        key
        for name in ("train", "dev")
        for key in json.loads(MAIN_SPLIT.read_text("utf-8"))["splits"][name]
    }
    splits = load_split(data_dir)
    labelled = splits["train"] + splits["dev"]
    origin = ["old" if item.key in old_keys else "pooled" for item in labelled]
    rules = Classifier(load_topics())
    extra = background_items(BACKGROUND, rules) if BACKGROUND.exists() else []
    rows = labelled + [title_only(i) for i in labelled] + extra
    # per row: the labelled item it copies (index) or -1 (background)
    parent = list(range(len(labelled))) + list(range(len(labelled))) + [-1] * len(extra)
    vectors = [item_features(i.title, i.summary) for i in rows]
    vocab_list = vocabulary(vectors, MIN_DF)
    x = design_matrix(vectors, {f: k for k, f in enumerate(vocab_list)})
    y = [int(FLIGHTS in i.labels) for i in rows]
    fold = [outlet_bucket(i.source) % FOLDS for i in rows]
    pooled_negative = [
        p >= 0 and origin[p] == "pooled" and not rows[p].labels and rows[p].hard_negative
        for p in parent
    ]
    variants = {"old": (False, 1.0), "pooled": (True, 1.0), "pooled_w": (True, W_POOLED_NEGATIVE)}
    out: dict[str, Any] = {
        "fitted_items": {"old": origin.count("old"), "pooled": origin.count("pooled")},
        "pooled_hard_negatives": sum(pooled_negative[: len(labelled)]),
        "background": len(extra),
        "w_pooled_negative": W_POOLED_NEGATIVE,
    }
    for name, (with_pooled, w) in variants.items():
        counts: dict[str, list[int]] = {}
        for f in range(FOLDS):
            train = [
                r
                for r in range(len(rows))
                if fold[r] != f and (with_pooled or parent[r] < 0 or origin[parent[r]] == "old")
            ]
            weight = [w if pooled_negative[r] else 1.0 for r in train]
            model = LogisticRegression(
                C=4.0, solver="liblinear", max_iter=1000, class_weight="balanced", random_state=0
            )
            model.fit(x[train], [y[r] for r in train], sample_weight=weight)
            test = [r for r in range(len(labelled)) if fold[r] == f]
            for r, z in zip(test, model.decision_function(x[test]), strict=True):
                cell = counts.setdefault(f"{origin[r]}/{rows[r].lang}", [0, 0, 0])
                if z > 0 and y[r]:
                    cell[0] += 1
                elif z > 0:
                    cell[1] += 1
                elif y[r]:
                    cell[2] += 1
        out[name] = {
            key: {"tp_fp_fn": c, "f1": round(2 * c[0] / max(1, 2 * c[0] + c[1] + c[2]), 4)}
            for key, c in sorted(counts.items())
        }
        print(json.dumps({name: out[name]}), flush=True)
    (HERE / "diagnose.json").write_text(json.dumps(out, indent=1) + "\n", "utf-8")


def _sum(cells: dict[str, Any], prefix: str = "") -> list[int]:
    total = [0, 0, 0]
    for key, cell in cells.items():
        if key.startswith(prefix):
            total = [a + b for a, b in zip(total, cell["tp_fp_fn"], strict=True)]
    return total


def premise() -> dict[str, Any]:
    """RULE.md's premise for D: (i) pooling raises the old items' out-of-fold flights FN; (ii) the
    weighting lowers them, at most 0.005 out-of-fold F1 lost over all fitted items."""
    out = json.loads((HERE / "diagnose.json").read_text("utf-8"))
    fn = {name: _sum(out[name], "old/")[2] for name in ("old", "pooled", "pooled_w")}
    f1 = {}
    for name in ("pooled", "pooled_w"):
        tp, fp, fn_all = _sum(out[name])
        f1[name] = round(2 * tp / (2 * tp + fp + fn_all), 4)
    result = {
        "old_items_flights_fn": fn,
        "all_fitted_flights_f1": f1,
        "i": fn["pooled"] > fn["old"],
        "ii": fn["pooled_w"] < fn["pooled"] and f1["pooled_w"] >= f1["pooled"] - 0.005,
    }
    result["holds"] = result["i"] and result["ii"]
    out["premise"] = result
    (HERE / "diagnose.json").write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    return result


if __name__ == "__main__":
    if sys.argv[1] == "--premise":
        print(json.dumps(premise()))
    else:
        main(Path(sys.argv[1]))
