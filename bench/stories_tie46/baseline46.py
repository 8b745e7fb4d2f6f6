"""Step 1 of stop 46's tie round: how much the order within ties moves main's figures on the
studied files (every ``stories_*.jsonl`` but the judges), before any candidate figure.

    .venv/bin/python bench/stories_tie46/baseline46.py > bench/stories_tie46/baseline46.txt

Main's clustering (the shipped table, main's code) in the file's order and five seeded shuffles
(shuffle, then the stable sort by publication of ``offline.cluster_rows``). A check first: the
bench's ``main`` policy gives ``offline.cluster_rows``'s story ids on every file in the file's
order and seed 1.
"""

from __future__ import annotations

import random
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tie46 import SEEDS, cluster, prepared, read_rows, studied_files
from wirewatch_stories.offline import cluster_rows

from wirewatch.cli.stories_cmds import _entity_finder


def check() -> None:
    finder = _entity_finder(None)
    for path in studied_files():
        for seed in (None, 1):
            raw = read_rows(path)
            if seed is not None:
                random.Random(seed).shuffle(raw)
            ours = cluster(prepared(read_rows(path), seed), "main")
            theirs = cluster_rows(raw, finder)
            assert [ours[n].story_id for n in range(len(raw))] == [d.story_id for d in theirs]
    print(
        "check: the bench's main policy = offline.cluster_rows on every studied file, "
        "file order and seed 1"
    )


def main() -> None:
    check()
    from evaluation_rows import figures

    files = studied_files()
    tied = total = 0
    for path in files:
        rows = prepared(read_rows(path), None)
        times = Counter((r.published is None, r.published) for r in rows)
        tied += sum(1 for r in rows if times[(r.published is None, r.published)] > 1)
        total += len(rows)
    print(
        f"{len(files)} studied files, {total} items, {tied} share their publication time "
        "with another item of their file"
    )
    table = figures(files, "main")
    print(
        "\nfile: pairwise F1 in the file's order, six-order mean [min, max]; "
        "alerts per story likewise"
    )
    for path in files:
        f1 = [table[path.name][s][0] for s in SEEDS]
        al = [table[path.name][s][1] for s in SEEDS]
        print(
            f"{path.stem.removeprefix('stories_'):10s} F1 {f1[0]:.3f} "
            f"mean {statistics.mean(f1):.3f} "
            f"[{min(f1):.3f}, {max(f1):.3f}]  alerts {al[0]:.3f} mean {statistics.mean(al):.3f} "
            f"[{min(al):.3f}, {max(al):.3f}]"
        )
    print("\nmean over the studied files, per input order:")
    per_order = []
    for s in SEEDS:
        order_f1 = statistics.mean(table[p.name][s][0] for p in files)
        order_al = statistics.mean(table[p.name][s][1] for p in files)
        per_order.append((order_f1, order_al))
        label = "file" if s is None else f"seed {s}"
        print(f"  {label:7s} F1 {order_f1:.4f}  alerts {order_al:.4f}")
    f1s, als = [f for f, _ in per_order], [a for _, a in per_order]
    print(
        f"six-order mean F1 {statistics.mean(f1s):.4f} (spread {min(f1s):.4f}-{max(f1s):.4f}), "
        f"alerts {statistics.mean(als):.4f} ({min(als):.4f}-{max(als):.4f})"
    )
    ranges = [
        max(table[p.name][s][0] for s in SEEDS) - min(table[p.name][s][0] for s in SEEDS)
        for p in files
    ]
    moved = sum(1 for r in ranges if r > 1e-9)
    print(
        f"files whose F1 moves with the order: {moved} of {len(files)}; "
        f"mean range {statistics.mean(ranges):.4f}, largest {max(ranges):.4f}"
    )


if __name__ == "__main__":
    main()
