"""Stop 46's tie-order judges, read once per candidate with main in one session (``RULE.md``):
aggregates only.

    .venv/bin/python bench/stories_tie46/judges_tie46.py > bench/stories_tie46/judges_tie46.txt

fresh45 and fresh46 (never opened otherwise), each in the six input orders (file, seeds 1-5)
with main, a and b: per judge and pooled (both files' labels in one evaluation, prefixed by the
file: items of different files are never of one true or one predicted story), the six-order mean
pairwise F1 (P, R) and alerts per story, with main's min-max over the orders. No item,
assignment or error is printed.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tie46 import DATA, JUDGES, SEEDS, labels, prepared, read_rows
from wirewatch_stories.evaluation import ClusterReport, evaluate


def line(label: str, reports: list[ClusterReport]) -> str:
    f1 = [r.pairwise_f1 for r in reports]
    al = [r.alerts_per_story for r in reports]
    p = statistics.mean(r.pairwise_precision for r in reports)
    rc = statistics.mean(r.pairwise_recall for r in reports)
    return (
        f"{label}: six-order mean F1 {statistics.mean(f1):.3f} (P {p:.3f}, R {rc:.3f}) "
        f"[{min(f1):.3f}-{max(f1):.3f}], alerts {statistics.mean(al):.3f} "
        f"[{min(al):.3f}-{max(al):.3f}]"
    )


def main() -> None:
    for policy in ("main", "a", "b"):
        each: dict[str, list[ClusterReport]] = {name: [] for name in JUDGES}
        pooled: list[ClusterReport] = []
        for seed in SEEDS:
            truth: list[str] = []
            predicted: list[str] = []
            for name in JUDGES:
                t, p = labels(prepared(read_rows(DATA / name), seed), policy, f"{name}:")
                each[name].append(evaluate(t, p))
                truth += t
                predicted += p
            pooled.append(evaluate(truth, predicted))
        for name in JUDGES:
            print(
                line(
                    f"{policy:4s} {name.removeprefix('stories_').removesuffix('.jsonl')}",
                    each[name],
                )
            )
        print(line(f"{policy:4s} pooled ", pooled))


if __name__ == "__main__":
    main()
