"""Per file, per input order, one policy's pairwise F1 and alerts per story (``tie46``)."""

from __future__ import annotations

from pathlib import Path

from tie46 import SEEDS, report


def figures(files: list[Path], policy: str) -> dict[str, dict[int | None, tuple[float, float]]]:
    table: dict[str, dict[int | None, tuple[float, float]]] = {}
    for path in files:
        table[path.name] = {}
        for seed in SEEDS:
            r = report(path, seed, policy)
            table[path.name][seed] = (r.pairwise_f1, r.alerts_per_story)
    return table
