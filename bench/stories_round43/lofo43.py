"""What happened (event-action classes) as the 22nd pair feature, measured by the round's rule.

    .venv/bin/python bench/stories_round43/lofo43.py > bench/stories_round43/lofo43.txt

Ran once on ``39acc239`` (the candidate in product code: ``v:`` cues, ``action_conflict``);
not adopted, the product reverted since, so it runs only there (or with that commit's
``services/stories`` first on PYTHONPATH).

The rule is ``RULE.md`` here, committed before this ran. With the product's cues and
``PAIR_FEATURES`` (``action_conflict`` last), for two variants of the ``v:`` cues: T, the
headline's (as ``features.extract`` reads them), and L, the headline's and the lede's first
sentence's (``action_cues(title, summary)``). For each variant: the pairs the hand factors score
in every studied file (``fit.pairs_of``); for each file a logistic regression (``fit.py``'s,
C=10) on the other files' pairs with the 21 shipped features (the 22nd weighted 0: the product
before this round) and with all 22, the file clustered with each in publication order. Then the
table fitted on every file, as ``fit.py --table`` ships it, against main's shipped table on the
dev set. First a check: the 21 shipped features of every pair equal the frozen pairs of stop 40
(``pairs_730e68c.jsonl.gz``), pair for pair (the ``v:`` cues move nothing else).
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, cluster, labelled_files, load_items
from fit import C_REGULARISATION, FROZEN, fit, pairs_of
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.features import action_cues  # type: ignore[attr-defined]  # 39acc239
from wirewatch_stories.pair_model import PAIR_FEATURES, PairModel

Pairs = list[tuple[tuple[float, ...], bool]]
# main's LEARNED_PAIRS (stop 40, 730e68c), the new feature weighted 0
SHIPPED = PairModel(
    intercept=6.5429,
    weights=(
        2.1316, -1.4647, -2.837, -2.913, 0.4549, -2.5038, -0.4217, -1.3996, 4.8442, -1.2801,
        0.5785, 0.3183, -0.4962, 0.9306, 0.1898, 0.5854, -0.2739, -6.1973, 1.831, -3.7488,
        -2.4549, 0.0,
    ),
)  # fmt: skip
MAX_FALL = 0.03


def fit_21(pairs: Pairs) -> PairModel:
    """``fit.fit`` on the 21 shipped features; the 22nd weighted 0."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([f[:-1] for f, _ in pairs], dtype=float)
    y = np.array([s for _, s in pairs], dtype=bool)
    model = LogisticRegression(C=C_REGULARISATION, max_iter=5000).fit(x, y)
    weights = (*(float(w) for w in model.coef_[0]), 0.0)
    return PairModel(intercept=float(model.intercept_[0]), weights=weights)


def with_lede(path: Path, items: list[Item]) -> list[Item]:
    """The items with their ``v:`` cues read off the headline and the lede's first sentence."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    out = []
    for it in items:
        row = rows[it.index]
        acts = action_cues(str(row.get("title") or ""), str(row.get("summary") or ""))
        out.append(replace(it, cues=frozenset({c for c in it.cues if c[:2] != "v:"} | acts)))
    return out


def frozen_features() -> list[tuple[float, ...]]:
    with gzip.open(FROZEN, "rt", encoding="utf-8") as lines:
        header = json.loads(next(lines))
        assert header["features"] == list(PAIR_FEATURES[:-1])
        return [tuple(float(v) for v in json.loads(line)[2:]) for line in lines if line.strip()]


def measure(name: str, items: dict[str, list[Item]]) -> tuple[bool, float]:
    """One variant: the leave-one-file-out table, the means, dev, the clauses."""
    pairs = {n: pairs_of(its) for n, its in items.items()}
    every = [p for ps in pairs.values() for p in ps]
    conflicts = [s for f, s in every if f[-1]]
    print(f"\n## variant {name}\n")
    print(f"{len(items)} files, {len(every)} pairs, {sum(s for _, s in every)} of one story")
    print(f"pairs with an action conflict: {len(conflicts)}, of one story {sum(conflicts)}")
    if name == "T":
        frozen = frozen_features()
        same = len(frozen) == len(every) and all(
            f[:-1] == g for (f, _), g in zip(every, frozen, strict=True)
        )
        print(f"21 shipped features equal stop 40's frozen pairs: {'yes' if same else 'NO'}")
    print("\n| file | 21 features: F1 / alerts | 22 features: F1 / alerts | F1 |")
    print("|---|---|---|---|")
    sums, falls = [0.0] * 4, []
    for file, its in items.items():
        train = [p for other, ps in pairs.items() if other != file for p in ps]
        before = cluster(its, Clusterer(pair_model=fit_21(train)))
        after = cluster(its, Clusterer(pair_model=fit(train)))
        got = (
            before.pairwise_f1,
            before.alerts_per_story,
            after.pairwise_f1,
            after.alerts_per_story,
        )
        sums = [a + b for a, b in zip(sums, got, strict=True)]
        falls.append((got[2] - got[0], file))
        print(
            f"| {file} | {got[0]:.3f} / {got[1]:.3f} | {got[2]:.3f} / {got[3]:.3f} | "
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
    print(f"variant {name}: {'passes' if all(clauses.values()) else 'fails'}")
    print(f"full fit, action_conflict weight {full.weights[-1]}", flush=True)
    return all(clauses.values()), f1[1]


def main() -> None:
    assert PAIR_FEATURES[-1] == "action_conflict"
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    headline = {name: load_items(p) for name, p in paths.items()}
    lede = {name: with_lede(paths[name], its) for name, its in headline.items()}
    typed = [
        sum(any(c[:2] == "v:" for c in it.cues) for its in v.values() for it in its)
        for v in (headline, lede)
    ]
    total = sum(map(len, headline.values()))
    print(f"items with a v: cue, of {total}: headline {typed[0]}, headline + lede {typed[1]}")
    results = {name: measure(name, items) for name, items in (("T", headline), ("L", lede))}
    passing = [(f1, name) for name, (ok, f1) in results.items() if ok]
    if not passing:
        print("\nnot adopted")
    else:
        best = max(passing, key=lambda p: (p[0], p[1] == "T"))
        print(f"\nadopt variant {best[1]}")


if __name__ == "__main__":
    main()
