"""Leave-one-file-out measure of a record/no-record arbiter over HONEST rules output (issue 15,
stop 38). Population: every item of the 27 released files (``honest.items``) the honest rules
made a record of; label: false record. Features: the honest rules' output (status, where its
cue was, which fields they found, the size of the count), and ``prec38_definition_cues``
(the kinds of text docs/flights.md says are no flight record); variant ``--words`` adds
the status model's text features (stop 32's veto). For each held-out file the model is
fitted on the other 26;
C (lowest grouped out-of-fold log-loss) and the threshold (most false records removed net of
COST true records lost, on those out-of-fold figures; at least 2, else never) are chosen inside
the fold. Then the bar of README.md, per file and pooled.

    .venv/bin/python -W ignore bench/flights_prec38/prec38_arbiter_lofo.py [--words] > out.json
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prec38_definition_cues import cue_features
from prec38_honest import Item, bar, counts, items
from wirewatch_flights.model import Clue, Span
from wirewatch_flights.status_model import features
from wirewatch_flights.training import C_GRID, FOLDS, MIN_DF
from wirewatch_shared.sparse import design_matrix

GRID = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
NEVER = 1.01
COST = 8  # the bar trades ~26 false records for at most ~3 true ones
MIN_GAIN = 2


def rule_features(it: Item) -> dict[str, float]:
    row = it.row
    out = {f"r:status:{row['status']}": 1.0, f"r:cue:{(row.get('cue') or {}).get('source')}": 1.0}
    for name in ("origin", "destination", "people"):
        out[f"r:has:{name}:{row[name] is not None}"] = 1.0
    out[f"r:origin_us:{row['origin'] == 'US'}"] = 1.0
    n = row["people"]
    if n is not None:
        out["r:people:" + ("<=3" if n <= 3 else ">=1000" if n >= 1000 else "mid")] = 1.0
    out[f"r:lang:{it.obj.get('lang')}"] = 1.0
    return out


def vector(it: Item, words: bool) -> dict[str, float]:
    title, summary = str(it.obj.get("title") or ""), str(it.obj.get("summary") or "")
    vec = rule_features(it) | cue_features(title, summary)
    if words:
        c = it.row["cue"]
        clue = Clue("status", c["value"], Span(c["source"], c["start"], c["end"], c["phrase"]))
        vec |= features(title, summary, clue)
    return vec


def _fit(x: Any, y: list[int], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0).fit(x, y)


def _p(model: Any, x: Any) -> list[float]:
    k = list(model.classes_).index(1)
    return [float(r[k]) for r in model.predict_proba(x)]


def fit(train: list[dict[str, Any]]) -> tuple[Any, dict[str, int], float, float]:
    df: dict[str, int] = {}
    for it in train:
        for f in it["x"]:
            df[f] = df.get(f, 0) + 1
    index = {f: k for k, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}
    x = design_matrix([it["x"] for it in train], index)
    y = [it["y"] for it in train]
    group = {f: k % FOLDS for k, f in enumerate(sorted({it["file"] for it in train}))}
    folds = [group[it["file"]] for it in train]
    best: tuple[float, float, list[float]] | None = None
    for c in C_GRID:
        oof = [0.5] * len(train)
        for fold in range(FOLDS):
            te = [i for i, f in enumerate(folds) if f == fold]
            tr = [i for i, f in enumerate(folds) if f != fold]
            m = _fit(x[tr], [y[i] for i in tr], c)
            for i, p in zip(te, _p(m, x[te]), strict=True):
                oof[i] = p
        loss = -sum(math.log(max(1e-9, p if t else 1 - p)) for p, t in zip(oof, y, strict=True))
        if best is None or loss < best[0] - 1e-9:
            best = (loss, c, oof)
    assert best is not None
    chosen = (0, NEVER)
    for t in GRID:
        gain = sum((1 if yy else -COST) for p, yy in zip(best[2], y, strict=True) if p >= t)
        if gain > chosen[0]:
            chosen = (gain, t)
    threshold = chosen[1] if chosen[0] >= MIN_GAIN else NEVER
    return _fit(x, y, best[1]), index, best[1], threshold


def ceiling(ranked: list[tuple[float, int]], base: dict[str, int]) -> dict[str, Any]:
    """Not a candidate: the best precision any one threshold over the pooled held-out
    probabilities would give while losing at most 3 true records (the bar's recall), chosen
    after the fact: how far the ranking itself is from the bar."""
    best = {"precision_gain": 0.0, "false_removed": 0, "true_lost": 0}
    fp = tp = 0
    p0 = base["tp"] / (base["tp"] + base["fp"])
    for _, y in sorted(ranked, key=lambda r: -r[0]):
        fp, tp = fp + y, tp + 1 - y
        if tp > 3:
            break
        gain = (base["tp"] - tp) / (base["tp"] - tp + base["fp"] - fp) - p0
        if gain > best["precision_gain"]:
            best = {"precision_gain": round(gain, 4), "false_removed": fp, "true_lost": tp}
    return best


def main() -> None:
    words = "--words" in sys.argv
    every = list(items())
    data = [
        {"file": it.file, "id": it.obj["id"], "y": int(not it.report), "x": vector(it, words)}
        for it in every
        if it.record
    ]
    vetoed: set[str] = set()
    ranked: list[tuple[float, int]] = []
    folds: dict[str, Any] = {}
    for name in sorted({d["file"] for d in data}):
        test = [d for d in data if d["file"] == name]
        model, index, c, t = fit([d for d in data if d["file"] != name])
        for d, p in zip(test, _p(model, design_matrix([d["x"] for d in test], index)), strict=True):
            ranked.append((p, d["y"]))
            if p >= t:
                vetoed.add(d["id"])
        folds[name] = {"c": c, "t": t}
        print(name, folds[name], file=sys.stderr, flush=True)
    files = sorted({it.file for it in every})
    before = {f: counts([i for i in every if i.file == f], lambda i: True) for f in files}
    after = {
        f: counts([i for i in every if i.file == f], lambda i: i.obj["id"] not in vetoed)
        for f in files
    }
    pooled = {
        k: {g: sum(r[g] for r in d.values()) for g in next(iter(d.values()))}
        for k, d in (("before", before), ("after", after))
    }
    lost = sorted(i.obj["id"] for i in every if i.obj["id"] in vetoed and i.report)
    removed = sorted(i.obj["id"] for i in every if i.obj["id"] in vetoed and not i.report)
    out = {
        "variant": "rules+definition cues" + (" + words" if words else ""),
        "pooled": pooled,
        "bar_failures": bar(before, after),
        "false_records_removed": removed,
        "true_records_lost": lost,
        "ceiling": ceiling(ranked, pooled["before"]),
        "folds": folds,
        "files_moved": {f: [before[f], after[f]] for f in files if before[f] != after[f]},
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
