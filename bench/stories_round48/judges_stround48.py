"""Stop 48's judges, read once per code (``RULE.md``): aggregates only.

    .venv/bin/python bench/stories_round48/judges_stround48.py main   # main's code and table
    .venv/bin/python bench/stories_round48/judges_stround48.py A      # A's code, main's table
    .venv/bin/python bench/stories_round48/judges_stround48.py B      # B's code, its table

fresh47a and fresh47b (the judges; never opened for anything else) clustered and pooled as stop
47's ``judges47.py`` does (each file's rows in the file's order and shuffled by
``random.Random(seed)`` for seeds 1-5, ``offline.cluster_rows``, a clusterer per file, labels
prefixed by the file). main and A: the checked-out ``LEARNED_PAIRS``; B: its full-fit table
(``fit.fit`` on the 35 studied files' pairs, 4 decimals, checked against ``lofo48_B.txt``).
Printed and written to ``judges48_<LABEL>.json``: pooled pairwise F1 / P / R and alerts per
story in the file order and the six-order mean, each judge's file-order figures and its count
of stories. No item, assignment or error.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round47"))

from common import DATA, JUDGES, labelled_files, load_items
from fit import fit, pairs_of
from judges47 import cells, figures
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import evaluate
from wirewatch_stories.offline import cluster_rows
from wirewatch_stories.pair_model import LEARNED_PAIRS, PairModel

from wirewatch.cli.stories_cmds import _entity_finder

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh47a.jsonl", "stories_fresh47b.jsonl")
SEEDS = (None, 1, 2, 3, 4, 5)


def printed_table(label: str) -> PairModel:
    text = (HERE / f"lofo48_{label}.txt").read_text(encoding="utf-8")
    block = re.search(r"full-fit table.*?\n(LEARNED_PAIRS = PairModel\(.*?^\))", text, re.M | re.S)
    assert block is not None
    numbers = [float(n) for n in re.findall(r"(?:intercept=|^\s+)(-?[\d.]+)", block.group(1), re.M)]
    return PairModel(intercept=numbers[0], weights=tuple(numbers[1:]))


def model_of(label: str) -> PairModel:
    if label in ("main", "A"):
        return LEARNED_PAIRS
    every = [p for path in labelled_files() for p in pairs_of(load_items(path))]
    model = fit(every, decimals=4)
    assert model == printed_table(label), (model, printed_table(label))
    return model


def main() -> None:
    label = sys.argv[1]
    assert set(NAMES) <= set(JUDGES), JUDGES  # judges sealed later may join the list
    assert not {p.name for p in labelled_files()} & set(NAMES)
    model = model_of(label)
    finder = _entity_finder(None)
    rows = {
        name: [
            json.loads(line)
            for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line
        ]
        for name in NAMES
    }
    pooled: list[dict[str, float]] = []
    each: dict[str, dict[str, float]] = {}
    for seed in SEEDS:
        truth: list[str] = []
        predicted: list[str] = []
        for name in NAMES:
            these = list(rows[name])
            if seed is not None:
                random.Random(seed).shuffle(these)
            decisions = cluster_rows(these, finder, clusterer=Clusterer(pair_model=model))
            t = [f"{name}:{r['story']}" for r in these]
            p = [f"{name}:{d.story_id}" for d in decisions]
            if seed is None:
                each[name] = figures(evaluate(t, p)) | {"stories": float(len(set(t)))}
            truth += t
            predicted += p
        pooled.append(figures(evaluate(truth, predicted)))
    mean = {k: statistics.mean(f[k] for f in pooled) for k in pooled[0]}
    out: dict[str, Any] = {"pooled_file_order": pooled[0], "pooled_six_order_mean": mean}
    out["each_file_order"] = each
    print(f"{label}: pooled, file order: {cells(pooled[0])}")
    print(f"{label}: pooled, six-order mean: {cells(mean)}")
    f1s = [f["f1"] for f in pooled]
    print(f"{label}: pooled F1 over the six orders {min(f1s):.3f}-{max(f1s):.3f}")
    for name, f in each.items():
        short = name.removeprefix("stories_").removesuffix(".jsonl")
        print(f"{label}: {short}: {cells(f)}, {f['stories']:.0f} stories")
    (HERE / f"judges48_{label}.json").write_text(
        json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
