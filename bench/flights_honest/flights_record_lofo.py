"""Leave-one-file-out measure of a learned record veto on HONEST rules output (issue 15,
stop 32).

Population: every studied item the honest rules (``flights_honest_cues.json`` beside this
script) made a record of; label: whether it is a true flight report. A binary logistic
regression over the status model's text features (``status_model.features``: words, title
words, word pairs, character n-grams) and the honest rules' output (status cue; which of origin,
destination, people they found) gives P(false record); the veto drops a record when that
is at least a threshold. For each held-out file the model is fitted on the other files;
C (lowest grouped out-of-fold log-loss) and the threshold (most items put right net on
those out-of-fold figures, at least 2, else never) are chosen inside the fold. On the
held-out file: tp / fp of the honest rules alone vs rules + veto.

    .venv/bin/python -W ignore bench/flights_honest/flights_record_lofo.py > out.json
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path
from typing import Any

from wirewatch_flights.model import Clue, Span
from wirewatch_flights.status_model import features
from wirewatch_flights.training import C_GRID, FOLDS, MIN_DF
from wirewatch_shared.sparse import design_matrix

CUES = Path("bench/flights_honest/flights_honest_cues.json")
DATA = Path("tests/data")
GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
NEVER = 1.01
MIN_GAIN = 2


def items() -> list[dict[str, Any]]:
    cues: dict[str, Any] = json.loads(CUES.read_text(encoding="utf-8"))
    out: list[dict[str, Any]] = []
    for name, entry in cues.items():
        rows = {r["id"]: r for r in entry["items"]}
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            row = rows[obj["id"]]
            if not row["record"]:
                continue
            c = row["cue"]
            clue = Clue("status", c["value"], Span(c["source"], c["start"], c["end"], c["phrase"]))
            vec = features(str(obj.get("title") or ""), str(obj.get("summary") or ""), clue)
            for name_ in ("origin", "destination", "people"):
                vec[f"r:has:{name_}:{row[name_] is not None}"] = 1.0
            out.append({"file": name, "y": int(obj.get("flight") is None), "x": vec})
    return out


def _fit(x: Any, y: list[int], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="saga", max_iter=300, tol=1e-3, random_state=0).fit(x, y)


def _p(model: Any, x: Any) -> list[float]:
    k = list(model.classes_).index(1)
    return [float(r[k]) for r in model.predict_proba(x)]


def fit(train: list[dict[str, Any]]) -> tuple[Any, list[str], float, float]:
    df: dict[str, int] = {}
    for it in train:
        for f in it["x"]:
            df[f] = df.get(f, 0) + 1
    vocab = sorted(f for f, n in df.items() if n >= MIN_DF)
    index = {f: k for k, f in enumerate(vocab)}
    x = design_matrix([it["x"] for it in train], index)
    y = [it["y"] for it in train]
    files = sorted({it["file"] for it in train})
    group = {f: k % FOLDS for k, f in enumerate(files)}
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
        loss = -sum(
            math.log(max(1e-9, p if t else 1 - p)) for p, t in zip(oof, y, strict=True)
        ) / len(y)
        if best is None or loss < best[0] - 1e-9:
            best = (loss, c, oof)
    assert best is not None
    chosen = (0, NEVER)
    for t in GRID:
        gain = sum((1 if yy else -1) for p, yy in zip(best[2], y, strict=True) if p >= t)
        if gain > chosen[0] or (gain == chosen[0] and gain >= MIN_GAIN and t > chosen[1]):
            chosen = (gain, t)
    threshold = chosen[1] if chosen[0] >= MIN_GAIN else NEVER
    return _fit(x, y, best[1]), vocab, best[1], threshold


def main() -> None:
    started = time.perf_counter()
    data = items()
    out: dict[str, Any] = {}
    vetoed: list[dict[str, Any]] = []
    for name in sorted({it["file"] for it in data}):
        test = [it for it in data if it["file"] == name]
        train = [it for it in data if it["file"] != name]
        model, vocab, c, t = fit(train)
        x = design_matrix([it["x"] for it in test], {f: k for k, f in enumerate(vocab)})
        probs = _p(model, x)
        tp = sum(1 - it["y"] for it in test)
        fp = sum(it["y"] for it in test)
        vtp = vfp = 0
        for it, p in zip(test, probs, strict=True):
            if p >= t:
                vfp += it["y"]
                vtp += 1 - it["y"]
                vetoed.append({"file": name, "false_record": bool(it["y"]), "p": round(p, 2)})
        out[name] = {"tp": tp, "fp": fp, "veto_tp": tp - vtp, "veto_fp": fp - vfp, "c": c, "t": t}
        print(name, out[name], file=sys.stderr, flush=True)
    total = {k: sum(int(v[k]) for v in out.values()) for k in ("tp", "fp", "veto_tp", "veto_fp")}
    print(
        json.dumps(
            {
                "per_file": out,
                "pooled": total,
                "vetoed": vetoed,
                "seconds": round(time.perf_counter() - started),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
