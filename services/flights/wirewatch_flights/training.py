"""Train the status model (``wirewatch train``, its flights part): deterministic.

1. The studied sets: every ``flights_*.jsonl`` of the data folder that has honest cues
   (``bench/flights_honest/flights_honest_cues.json``: never a judge, :data:`JUDGES`; not
   ``flights_dev.jsonl``, older than the extractor); each true flight report is an
   example, its label the labelled status, its rule features the status clue the rules
   gave it BEFORE they were tuned on its file (the extractor at the parent of the commit
   that added the file; where those rules found no record, their status read of the
   text). Today's rules were fitted on these files, so their cue is in sample and a
   model beside it only copies it (stop 31); the honest cue is what the rules look like
   on tomorrow's news. At run time the model reads today's rules' cue.
2. Features: :func:`wirewatch_flights.status_model.features`; the vocabulary is every
   feature seen in at least ``MIN_DF`` examples.
3. Grouped out-of-fold probabilities (``FOLDS`` folds by file, so a fold's files are
   unseen by its model) for each L2 strength of ``C_GRID``; the lowest out-of-fold
   log-loss is kept, and the arbitration thresholds per rule-cue kind are chosen on those
   out-of-fold probabilities (:func:`choose_thresholds`).
4. The final multinomial logistic regression is fitted on every example; weights under
   ``PRUNE`` are dropped; the JSON file is written with a model card.

Needs scikit-learn (``pip install -e '.[train]'``); scoring does not.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch_shared.sparse import design_matrix, vocabulary

from wirewatch_flights.model import Clue, Span, Status
from wirewatch_flights.status_model import (
    CLASSES,
    FORMAT,
    KINDS,
    MAX_GRAM,
    MIN_GRAM,
    cue_kind,
    decide,
    features,
)

JUDGES = frozenset(
    {
        "flights_tideline.jsonl",
        "flights_lodestar.jsonl",
        "flights_firelight.jsonl",
        "flights_brazier.jsonl",
        "flights_tallow.jsonl",
        "flights_hearth.jsonl",
        "flights_fresh45.jsonl",
        "flights_fresh46.jsonl",
        "flights_fresh47.jsonl",
        "flights_fresh47b.jsonl",
        "flights_fresh48.jsonl",
        "flights_fresh48b.jsonl",
        "flights_fresh49.jsonl",
        "flights_fresh49b.jsonl",
        "flights_fresh50.jsonl",
        "flights_fresh50b.jsonl",
        "flights_fresh51.jsonl",
        "flights_fresh51b.jsonl",
        "flights_fresh52.jsonl",
        "flights_fresh52b.jsonl",
        "flights_fresh53.jsonl",
        "flights_fresh54.jsonl",
    }
)
"""The never-seen judge sets: no training or measurement of this module reads them."""
MIN_DF = 2
FOLDS = 5
C_GRID = (1.0, 4.0, 16.0)
PRUNE = 5e-4
THRESHOLD_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
NEVER = 1.01
"""The threshold of a kind the model never overrules (no probability reaches it)."""
MIN_GAIN = 2
"""Out-of-fold items a kind's threshold must put right (net) to be used at all."""


@dataclass(frozen=True, slots=True)
class Example:
    file: str
    title: str
    summary: str
    label: str
    clue: Clue
    found: bool
    """The rules found a record (else the report is missed, its status wrong either way)."""


HONEST_CUES = Path("bench/flights_honest/flights_honest_cues.json")
"""Default file of the honest rules cues (``bench/flights_honest/flights_honest_cues.py``
writes it)."""


def load_cues(path: Path) -> dict[str, Any]:
    """The honest rules output per studied file (name -> its entry with ``items``)."""
    cues: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for name in cues:
        if name in JUDGES:
            raise ValueError(f"{name} is a judge set: never trained on")
    return cues


def studied_files(data_dir: Path, cues: dict[str, Any]) -> list[Path]:
    """The studied flights sets that have honest cues, sorted; never a judge."""
    return [data_dir / name for name in sorted(cues) if name not in JUDGES]


def honest_clue(row: dict[str, Any]) -> Clue:
    """The status clue the rules gave an item before they were tuned on its file."""
    c = row["cue"]
    return Clue("status", c["value"], Span(c["source"], c["start"], c["end"], c["phrase"]))


def load_examples(files: Sequence[Path], cues: dict[str, Any]) -> list[Example]:
    """Every true flight report of the files, with the honest rules' status clue and
    whether the honest rules found a record."""
    out: list[Example] = []
    for path in files:
        if path.name in JUDGES:
            raise ValueError(f"{path.name} is a judge set: never trained on")
        rows = {r["id"]: r for r in cues[path.name]["items"]}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            gold = obj.get("flight")
            if not gold:
                continue
            row = rows[obj["id"]]
            out.append(
                Example(
                    path.name,
                    str(obj.get("title") or ""),
                    str(obj.get("summary") or ""),
                    str(gold["status"]),
                    honest_clue(row),
                    bool(row["record"]),
                )
            )
    return out


def vectors(examples: Sequence[Example]) -> list[dict[str, float]]:
    return [features(e.title, e.summary, e.clue) for e in examples]


def _fit(x: Any, y: Sequence[str], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    # saga: fast on sparse n-grams; fixed seed, so deterministic
    model = LogisticRegression(C=c, solver="saga", max_iter=300, tol=1e-3, random_state=0)
    model.fit(x, list(y))
    return model


def _ordered(model: Any, probs: Any) -> list[list[float]]:
    """Probabilities in ``CLASSES`` order (a class absent from training: 0)."""
    index = {str(k): i for i, k in enumerate(model.classes_)}
    return [[float(row[index[k]]) if k in index else 0.0 for k in CLASSES] for row in probs]


def fold_of(files: Sequence[str]) -> dict[str, int]:
    """Each file's out-of-fold group: the sorted files dealt round-robin."""
    return {name: k % FOLDS for k, name in enumerate(sorted(set(files)))}


def out_of_fold(x: Any, examples: Sequence[Example], c: float) -> list[list[float]]:
    groups = fold_of([e.file for e in examples])
    folds = [groups[e.file] for e in examples]
    y = [e.label for e in examples]
    out = [[1.0 / len(CLASSES)] * len(CLASSES) for _ in examples]
    for fold in sorted(set(folds)):
        test = [i for i, f in enumerate(folds) if f == fold]
        train = [i for i, f in enumerate(folds) if f != fold]
        model = _fit(x[train], [y[i] for i in train], c)
        for i, row in zip(test, _ordered(model, model.predict_proba(x[test])), strict=True):
            out[i] = row
    return out


def _log_loss(probs: Sequence[Sequence[float]], examples: Sequence[Example]) -> float:
    total = 0.0
    for row, e in zip(probs, examples, strict=True):
        total -= math.log(max(1e-9, row[CLASSES.index(e.label)]))  # type: ignore[arg-type]
    return total / max(1, len(examples))


def choose_thresholds(
    probs: Sequence[Sequence[float]], examples: Sequence[Example]
) -> dict[str, float]:
    """Per rule-cue kind, the threshold with the most items put right (net) on these
    out-of-fold probabilities, if at least ``MIN_GAIN``; ties: the higher one."""
    chosen: dict[str, float] = {}
    for kind in KINDS:
        rows = [(p, e) for p, e in zip(probs, examples, strict=True) if cue_kind(e.clue) == kind]
        best = (0, NEVER)
        for t in THRESHOLD_GRID:
            thresholds = dict.fromkeys(KINDS, t)
            gain = 0
            for p, e in rows:
                rule: Status = e.clue.value  # type: ignore[assignment]
                gain += int(decide(list(p), rule, kind, thresholds) == e.label)
                gain -= int(rule == e.label)
            if gain > best[0] or (gain == best[0] and gain >= MIN_GAIN and t > best[1]):
                best = (gain, t)
        chosen[kind] = best[1] if best[0] >= MIN_GAIN else NEVER
    return chosen


@dataclass
class Fitted:
    vocab: list[str]
    model: Any
    c: float
    thresholds: dict[str, float]
    oof_loss: float


def fit(examples: Sequence[Example], rows: Sequence[dict[str, float]] | None = None) -> Fitted:
    """Choose C and the thresholds out of fold, then fit on every example."""
    rows = list(rows) if rows is not None else vectors(examples)
    vocab = vocabulary(rows, MIN_DF)
    x = design_matrix(rows, {f: k for k, f in enumerate(vocab)})
    best: tuple[float, float, list[list[float]]] | None = None
    for c in C_GRID:
        probs = out_of_fold(x, examples, c)
        loss = _log_loss(probs, examples)
        if best is None or loss < best[0] - 1e-9:
            best = (loss, c, probs)
    assert best is not None
    thresholds = choose_thresholds(best[2], examples)
    model = _fit(x, [e.label for e in examples], best[1])
    return Fitted(vocab, model, best[1], thresholds, best[0])


def predict_probs(fitted: Fitted, rows: Sequence[dict[str, float]]) -> list[list[float]]:
    x = design_matrix(rows, {f: k for k, f in enumerate(fitted.vocab)})
    return _ordered(fitted.model, fitted.model.predict_proba(x))


def train(data_dir: Path, out: Path, cues_path: Path = HONEST_CUES) -> dict[str, Any]:
    """Train on every studied set with honest cues and write the model file; returns it."""
    cues = load_cues(cues_path)
    files = studied_files(data_dir, cues)
    examples = load_examples(files, cues)
    fitted = fit(examples)
    index = {str(k): i for i, k in enumerate(fitted.model.classes_)}
    coef = fitted.model.coef_
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(fitted.vocab):
        row = [round(float(coef[index[k], j]), 4) if k in index else 0.0 for k in CLASSES]
        if any(abs(w) >= PRUNE for w in row):
            weights[name] = row
    bias = [
        round(float(fitted.model.intercept_[index[k]]), 4) if k in index else -30.0 for k in CLASSES
    ]
    labels: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for e in examples:
        labels[e.label] = labels.get(e.label, 0) + 1
        kinds[cue_kind(e.clue)] = kinds.get(cue_kind(e.clue), 0) + 1
    card = {
        "fitted_on": [p.name for p in files],
        "cues": {p.name: cues[p.name]["rules_of"] for p in files},
        "never_on": sorted(JUDGES),
        "examples": len(examples),
        "labels": dict(sorted(labels.items())),
        "rule_cue_kinds": dict(sorted(kinds.items())),
        "features": (
            f"words, title words, word pairs, character {MIN_GRAM}-{MAX_GRAM}-grams (numbers "
            "folded to '#'), scaled 1/sqrt(max(n, 24)); the rules' status, cue kind and place "
            "as the rules gave them before they were tuned on the file (honest cues)"
        ),
        "min_df": MIN_DF,
        "c": fitted.c,
        "oof_log_loss": round(fitted.oof_loss, 4),
        "vocabulary": len(fitted.vocab),
        "weights_kept": len(weights),
    }
    data: dict[str, Any] = {
        "format": FORMAT,
        "classes": list(CLASSES),
        "bias": bias,
        "thresholds": fitted.thresholds,
        "card": card,
        "weights": weights,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    return data
