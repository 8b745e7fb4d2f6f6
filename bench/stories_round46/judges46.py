"""Stop 46's judges, read once per candidate (``RULE.md``): aggregates only.

    .venv/bin/python bench/stories_round46/judges46.py > bench/stories_round46/judges46.txt

fresh45 and stories_fresh46 (``common.JUDGES``; never opened for anything else), each clustered
in publication order (as ``wirewatch stories eval``) with main (the shipped ``LEARNED_PAIRS``,
main's code), with A (main's code, A's full-fit table) and with B (two vouching items,
``round46.VouchingClusterer``, B's full-fit table); the tables as ``measure46.txt`` printed
them. Printed: each judge's pairwise F1 / P / R and alerts per story, and the pooled figures
(both files' labels in one evaluation: items of different files are never of one true or one
predicted story). No item, assignment or error is printed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATA, JUDGES, load_items, ordered
from round46 import VouchingClusterer
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.pair_model import LEARNED_PAIRS, PairModel

HERE = Path(__file__).resolve().parent
NAMES = ("stories_fresh45.jsonl", "stories_fresh46.jsonl")


def tables() -> dict[str, PairModel]:
    """A's and B's full-fit tables, as ``measure46.txt`` printed them."""
    text = (HERE / "measure46.txt").read_text(encoding="utf-8")
    found = {}
    for label, block in re.findall(
        r"^(A|B)'s full-fit table.*?\n(LEARNED_PAIRS = PairModel\(.*?^\))", text, re.M | re.S
    ):
        numbers = [float(n) for n in re.findall(r"(?:intercept=|^\s+)(-?[\d.]+)", block, re.M)]
        found[label] = PairModel(intercept=numbers[0], weights=tuple(numbers[1:]))
    return found


def predictions(name: str, clusterer: Clusterer) -> tuple[list[str], list[str]]:
    items = load_items(DATA / name)
    predicted: dict[int, str] = {}
    for it in ordered(items):
        when = it.published if it.published is not None else clusterer.clock
        predicted[it.index] = clusterer.assign(str(it.index), it.cues, max(when, -1e18)).story_id
    return [f"{name}:{it.story}" for it in items], [f"{name}:{predicted[it.index]}" for it in items]


def cells(r: ClusterReport) -> str:
    return (
        f"F1 {r.pairwise_f1:.3f} (P {r.pairwise_precision:.3f}, R {r.pairwise_recall:.3f}), "
        f"{r.alerts_per_story:.3f} alerts per story"
    )


def main() -> None:
    assert set(NAMES) <= set(JUDGES), JUDGES
    found = tables()
    variants: dict[str, Callable[[], Clusterer]] = {
        "main": lambda: Clusterer(pair_model=LEARNED_PAIRS),
        "A": lambda: Clusterer(pair_model=found["A"]),
        "B": lambda: VouchingClusterer(pair_model=found["B"]),
    }
    for label, make in variants.items():
        truth: list[str] = []
        predicted: list[str] = []
        for name in NAMES:
            t, p = predictions(name, make())
            print(
                f"{label:4s} {name.removeprefix('stories_').removesuffix('.jsonl')}: "
                f"{cells(evaluate(t, p))}"
            )
            truth += t
            predicted += p
        print(f"{label:4s} pooled: {cells(evaluate(truth, predicted))}\n")


if __name__ == "__main__":
    main()
