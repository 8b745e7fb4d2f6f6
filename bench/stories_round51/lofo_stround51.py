"""Stop 51's stories round: clause 1 of ``RULE.md``, leave one file out with main-fit folds.

    .venv/bin/python bench/stories_round51/lofo_stround51.py main > lofo51_main.txt  # switch off
    .venv/bin/python bench/stories_round51/lofo_stround51.py A > lofo51_A.txt
    .venv/bin/python bench/stories_round51/lofo_stround51.py B > lofo51_B.txt

``lofo.per_file`` over the 41 studied files (``common.labelled_files()``), each fold's table
fitted on the pairs ``fit.pairs_of`` collects with ``cluster.LATE_51`` off (main's pairs), the
held-out file clustered with the label's switch. Writes ``lofo51_<LABEL>.json``; a candidate is
compared with ``lofo51_main.json`` (mean F1, and each file's move against one pair's worth).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import lofo
from common import JUDGES, labelled_files
from fit import pairs_of
from judges import true_pairs
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
STUDIED = 41
SWITCH = {"main": "", "A": "A", "B": "B"}


def _main_pairs(items: Any) -> Any:
    """``fit.pairs_of`` with the switch off: the pairs main's code collects (main-fit folds)."""
    switch = cluster.LATE_51
    cluster.LATE_51 = ""
    try:
        return pairs_of(items)
    finally:
        cluster.LATE_51 = switch


def compare(label: str) -> bool:
    """Clause 1: the mean F1 against main's, and every file that moved."""
    mine = json.loads((HERE / f"lofo51_{label}.json").read_text(encoding="utf-8"))
    main = json.loads((HERE / "lofo51_main.json").read_text(encoding="utf-8"))
    means = [sum(f[k]["f1"] for k in f) / len(main) for f in (main, mine)]
    print(f"\nmean F1: main {means[0]:.5f}, {label} {means[1]:.5f}")
    down = []
    for name in sorted(main):
        before, after, worth = main[name]["f1"], mine[name]["f1"], 1 / main[name]["pairs"]
        if abs(after - before) > 1e-9:
            beyond = before - after > worth
            print(f"{name}: {before:.4f} -> {after:.4f} (one pair {worth:.4f})", end="")
            print(" DOWN beyond one pair" if beyond else "")
            down += [name] if beyond else []
    holds = means[1] >= means[0] and not down
    print(f"clause 1 holds: {holds}")
    return holds


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh49" in paths and "fresh49b" in paths, sorted(paths)
    assert not {p.name for p in paths.values()} & set(JUDGES)
    lofo.pairs_of = _main_pairs  # type: ignore[attr-defined]
    cluster.LATE_51 = SWITCH[label]
    figures, _ = lofo.per_file(label, paths)
    for name, p in paths.items():
        figures[name]["pairs"] = float(true_pairs([p.name]))
    lofo.write_means(label, figures, HERE / f"lofo51_{label}.json")
    if label != "main":
        compare(label)


if __name__ == "__main__":
    main()
