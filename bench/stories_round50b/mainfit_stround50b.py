"""``RULE2.md``'s clause 1': LOFO, each fold fitted on main's pairs, the candidate clustering.

    cd bench/stories_round50b  # close_reports50b.diff applied
    ../../.venv/bin/python mainfit_stround50b.py A > lofo50b_A_mainfit.txt

``fit.pairs_of`` (the folds' pairs) runs with ``cluster.JOIN_50B = ""`` (main's decisions, so
main's pairs), the clustering of the left-out file with the label's switch. Writes
``lofo50b_<LABEL>_mainfit.json`` and prints each file that moved against ``lofo50b_M.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import lofo
from common import labelled_files
from fit import pairs_of
from judges import true_pairs
from lofo import per_file, write_means
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent


def main() -> None:
    label = sys.argv[1]
    cluster.JOIN_50B = label  # type: ignore[attr-defined]  # the switch is in close_reports50b.diff

    def main_pairs(items: Any) -> Any:
        cluster.JOIN_50B = ""  # type: ignore[attr-defined]  # the switch is in close_reports50b.diff
        try:
            return pairs_of(items)
        finally:
            cluster.JOIN_50B = label  # type: ignore[attr-defined]  # the switch is in close_reports50b.diff

    lofo.pairs_of = main_pairs  # type: ignore[attr-defined]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    figures, _ = per_file(f"{label}_mainfit", paths)
    for name, path in paths.items():
        figures[name]["pairs"] = true_pairs([path.name])
    write_means(label, figures, HERE / f"lofo50b_{label}_mainfit.json")
    base = json.loads((HERE / "lofo50b_M.json").read_text(encoding="utf-8"))
    for name in sorted(base):
        d = figures[name]["f1"] - base[name]["f1"]
        if abs(d) > 1e-12:
            worth = 1 / base[name]["pairs"]
            flag = "DOWN beyond one pair" if d < -worth else ""
            print(
                f"{name}: {base[name]['f1']:.4f} -> {figures[name]['f1']:.4f} "
                f"({d:+.4f}, one pair {worth:.4f}) {flag}"
            )


if __name__ == "__main__":
    main()
