"""The stories rounds' judge read (each round's ``RULE.md``): aggregates only, never an item,
assignment or error.

Each judge file's rows in the file's order and shuffled by ``random.Random(seed)`` for seeds 1-5,
clustered by ``offline.cluster_rows`` (publication order, ties in the rows' order, classify's
gazetteer: as ``test_never_seen_judges.py``), a clusterer per file. Pooled: the files' labels in
one evaluation, prefixed by the file (items of different files are never of one true or one
predicted story). Printed and written as JSON: pooled pairwise F1 / P / R and alerts per story in
the file order and the six-order mean, and each file's file-order figures and count of stories.
"""

from __future__ import annotations

import json
import random
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from common import DATA, SWITCH, labelled_files
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.offline import cluster_rows
from wirewatch_stories.pair_model import LEARNED_PAIRS, PairModel

from wirewatch.cli.stories_cmds import _entity_finder

SEEDS = (None, 1, 2, 3, 4, 5)


def printed_table(lofo_output: Path) -> PairModel:
    """The full-fit table a LOFO run printed (``lofo.py``), read back to check a refit."""
    text = lofo_output.read_text(encoding="utf-8")
    block = re.search(r"full-fit table.*?\n(LEARNED_PAIRS = PairModel\(.*?^\))", text, re.M | re.S)
    assert block is not None
    numbers = [float(n) for n in re.findall(r"(?:intercept=|^\s+)(-?[\d.]+)", block.group(1), re.M)]
    return PairModel(intercept=numbers[0], weights=tuple(numbers[1:]))


def figures(r: ClusterReport) -> dict[str, float]:
    return {
        "f1": r.pairwise_f1,
        "precision": r.pairwise_precision,
        "recall": r.pairwise_recall,
        "alerts": r.alerts_per_story,
    }


def cells(f: dict[str, float]) -> str:
    return (
        f"F1 {f['f1']:.3f} (P {f['precision']:.3f}, R {f['recall']:.3f}), "
        f"{f['alerts']:.3f} alerts per story"
    )


def true_pairs(names: Sequence[str]) -> int:
    """Same-story pairs over the files (labels prefixed by the file, as the pooled figures)."""
    sizes: Counter[str] = Counter()
    for name in names:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line:
                sizes[f"{name}:{json.loads(line)['story']}"] += 1
    return sum(n * (n - 1) // 2 for n in sizes.values())


def read(label: str, names: Sequence[str], model: PairModel, out: Path) -> dict[str, Any]:
    """Clusters the judge files with ``model``, prints the aggregates and writes them to ``out``."""
    finder = _entity_finder(None)
    rows = {
        name: [
            json.loads(line)
            for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line
        ]
        for name in names
    }
    pooled: list[dict[str, float]] = []
    each: dict[str, dict[str, float]] = {}
    for seed in SEEDS:
        truth: list[str] = []
        predicted: list[str] = []
        for name in names:
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
    result: dict[str, Any] = {"pooled_file_order": pooled[0], "pooled_six_order_mean": mean}
    result["each_file_order"] = each
    print(f"{label}: pooled, file order: {cells(pooled[0])}")
    print(f"{label}: pooled, six-order mean: {cells(mean)}")
    f1s = [f["f1"] for f in pooled]
    print(f"{label}: pooled F1 over the six orders {min(f1s):.3f}-{max(f1s):.3f}")
    for name, f in each.items():
        short = name.removeprefix("stories_").removesuffix(".jsonl")
        print(f"{label}: {short}: {cells(f)}, {f['stories']:.0f} stories")
    out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return result


def read_shipped(label: str, names: Sequence[str], out: Path) -> dict[str, Any]:
    """``read`` with main's shipped table for every code (rounds that refit nothing), after the
    pooled judges' same-story pairs (one pair's worth of recall is about its inverse)."""
    print(f"judges: {', '.join(names)}")
    pairs = true_pairs(names)
    print(f"pooled same-story pairs: {pairs}; one pair's worth of recall {1 / pairs:.4f}")
    return read(label, names, LEARNED_PAIRS, out)


def read_round(
    label: str,
    names: Sequence[str],
    out: Path,
    switch: tuple[ModuleType, str] | None = None,
    *,
    unstudied: bool = True,
) -> dict[str, Any]:
    """A round's judge step: ``read_shipped`` with the candidate's ``switch`` (module, name) set to
    the label ("" for main); ``unstudied``: first check no judge is among today's studied files."""
    if unstudied:
        assert not {p.name for p in labelled_files()} & set(names)
    if switch is not None:
        vars(switch[0])[switch[1]] = SWITCH[label]
    return read_shipped(label, names, out)
