"""Stop 46's tie-order candidates on the 33 studied files (``RULE.md``), run once.

.venv/bin/python bench/stories_tie46/measure_tie46.py > bench/stories_tie46/measure_tie46.txt
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tie46 import SEEDS, cluster, prepared, read_rows, studied_files
from wirewatch_stories.evaluation import evaluate


def run(path: Path, policy: str) -> list[tuple[float, float]]:
    """(F1, alerts) per input order; for a and b, the six orders' story ids must coincide."""
    raw = read_rows(path)
    out, seen = [], None
    for seed in SEEDS:
        rows = prepared(raw, seed)
        decisions = cluster(rows, policy)
        by_id = {r.item_id: decisions[r.index].story_id for r in rows}
        if policy != "main":
            assert seen is None or by_id == seen, (path.name, policy, seed)
            seen = by_id
        r = evaluate([x.story for x in rows], [decisions[x.index].story_id for x in rows])
        out.append((r.pairwise_f1, r.alerts_per_story))
    return out


def main() -> None:
    files = studied_files()
    table: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for policy in ("main", "a", "b"):
        start = time.process_time()
        table[policy] = {p.name: run(p, policy) for p in files}
        print(f"{policy}: {time.process_time() - start:.1f} s CPU for 33 files x 6 orders")
    print("a and b: the six orders give identical story ids on every file (asserted)\n")

    def mean6(policy: str, name: str, k: int) -> float:
        return statistics.mean(x[k] for x in table[policy][name])

    print("file: six-order mean F1 main / a / b (a-main, b-main); alerts main / a / b")
    for p in files:
        m, a, b = (mean6(x, p.name, 0) for x in ("main", "a", "b"))
        ma, aa, ba = (mean6(x, p.name, 1) for x in ("main", "a", "b"))
        print(
            f"{p.stem.removeprefix('stories_'):10s} {m:.3f} / {a:.3f} / {b:.3f} ({a - m:+.3f}, "
            f"{b - m:+.3f});  {ma:.3f} / {aa:.3f} / {ba:.3f}"
        )
    print()
    main_f1 = statistics.mean(mean6("main", p.name, 0) for p in files)
    main_al = statistics.mean(mean6("main", p.name, 1) for p in files)
    for policy in ("main", "a", "b"):
        f1 = statistics.mean(mean6(policy, p.name, 0) for p in files)
        al = statistics.mean(mean6(policy, p.name, 1) for p in files)
        orders = [statistics.mean(table[policy][p.name][k][0] for p in files) for k in range(6)]
        falls = {
            p.stem.removeprefix("stories_"): mean6(policy, p.name, 0) - mean6("main", p.name, 0)
            for p in files
        }
        worst = min(falls, key=lambda n: falls[n])
        verdict = ""
        if policy != "main":
            ok = [f1 > main_f1, al <= main_al, falls[worst] >= -0.03]
            verdict = "  clauses 1-3: " + " ".join("holds" if x else "FAILS" for x in ok)
        print(
            f"{policy:4s} studied six-order mean F1 {f1:.4f}, alerts {al:.4f}; per order "
            f"{min(orders):.4f}-{max(orders):.4f}; worst file {worst} {falls[worst]:+.3f}{verdict}"
        )


if __name__ == "__main__":
    main()
