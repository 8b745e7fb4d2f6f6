"""The studied stories files pooled, six orders (issue #13, stop 36; the round's rule).

    .venv/bin/python bench/stories_xlang36/xlang_measure.py --json OUT.json [--against MAIN.json]

Every labelled stories file but the judges (``bench/stories_learned/common.py`` ``JUDGES``,
never opened) is read with the code of this checkout (cues and the shipped pair table), and
clustered in the file's order and five seeded shuffles (``random.Random(seed).shuffle`` of the
rows, then publication order, ties in the shuffled order: what
tests/stories/test_never_seen_judges.py does). "Pooled" is every file's items at once, labels and
stories kept apart per file; the figure is the mean over the six orders. Alerts per story is the
number of stories opened per true story. ``--against`` prints this checkout's figures next to a
JSON written by an earlier run (main's), per order and per file where they differ.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, labelled_files, load_items
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import evaluate
from wirewatch_stories.pair_model import LEARNED_PAIRS, PairModel

SEEDS: tuple[int | None, ...] = (None, 1, 2, 3, 4, 5)
FIELDS = ("pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_f1", "alerts_per_story")


def ordered(items: list[Item], seed: int | None) -> list[Item]:
    rows = list(items)
    if seed is not None:
        random.Random(seed).shuffle(rows)
    keyed = sorted((it.published is None, it.published or 0.0, n) for n, it in enumerate(rows))
    return [rows[n] for _, _, n in keyed]


MODEL: list[PairModel] = [LEARNED_PAIRS]  # --table replaces it


def read_table(path: Path) -> PairModel:
    """The ``LEARNED_PAIRS`` table that ``bench/stories_learned/fit.py --table`` printed."""
    numbers = [
        float(line.split("=")[-1].split("#")[0].strip().rstrip(",").rstrip(")"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if "intercept=" in line or "  # " in line
    ]
    return PairModel(numbers[0], tuple(numbers[1:]))


def run(items: list[Item], seed: int | None) -> tuple[list[str], list[str]]:
    clusterer = Clusterer(pair_model=MODEL[0])
    predicted: dict[int, str] = {}
    for it in ordered(items, seed):
        when = it.published if it.published is not None else clusterer.clock
        predicted[it.index] = clusterer.assign(str(it.index), it.cues, max(when, -1e18)).story_id
    return [it.story for it in items], [predicted[it.index] for it in items]


def figures(truth: list[str], predicted: list[str]) -> dict[str, float]:
    report = evaluate(truth, predicted)
    return {f: float(getattr(report, f)) for f in FIELDS}


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(sum(r[k] for r in rows) / len(rows), 4) for k in rows[0]}


def measure(data: dict[str, list[Item]]) -> dict[str, Any]:
    files: dict[str, list[dict[str, float]]] = {name: [] for name in data}
    orders = []
    for seed in SEEDS:
        truth: list[str] = []
        predicted: list[str] = []
        for name, items in data.items():
            t, p = run(items, seed)
            files[name].append(figures(t, p))
            truth += [f"{name}/{s}" for s in t]
            predicted += [f"{name}/{s}" for s in p]
        orders.append(figures(truth, predicted))
    return {
        "orders": orders,
        "pooled": mean(orders),
        "files": {name: mean(rows) for name, rows in files.items()},
    }


def line(label: str, f: dict[str, float]) -> str:
    return (
        f"{label:<28} P {f['pairwise_precision']:.4f} R {f['pairwise_recall']:.4f} "
        f"F1 {f['pairwise_f1']:.4f} B3 {f['bcubed_f1']:.4f} alerts {f['alerts_per_story']:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--against", type=Path, help="an earlier run's JSON (main's)")
    parser.add_argument("--table", type=Path, help="a table printed by fit.py --table")
    args = parser.parse_args()
    if args.table:
        MODEL[0] = read_table(args.table)
    data = {p.stem.removeprefix("stories_"): load_items(p) for p in labelled_files()}
    print(f"{len(data)} files, {sum(map(len, data.values()))} items (judges never opened)")
    out = measure(data)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    base = json.loads(args.against.read_text(encoding="utf-8")) if args.against else None
    if base:
        print(line("main, pooled (6 orders)", base["pooled"]))
    print(line("this, pooled (6 orders)", out["pooled"]))
    if base:
        delta = {k: out["pooled"][k] - base["pooled"][k] for k in FIELDS}
        print("delta: " + ", ".join(f"{k} {v:+.4f}" for k, v in delta.items()))
        for seed, a, b in zip(SEEDS, base["orders"], out["orders"], strict=True):
            print(line(f"  order {seed or 'file'} main", a))
            print(line(f"  order {seed or 'file'} this", b))
        print("files that move (mean of six orders):")
        for name, f in out["files"].items():
            if f != base["files"].get(name):
                print(line(f"  {name} main", base["files"][name]))
                print(line(f"  {name} this", f))
    else:
        for seed, f in zip(SEEDS, out["orders"], strict=True):
            print(line(f"  order {seed or 'file'}", f))


if __name__ == "__main__":
    main()
