"""Stop 50's stories round: clause 1 of ``RULE.md``, leave one file out with main-fit folds.

    .venv/bin/python bench/stories_round50/lofo_stround50.py main > lofo50_main.txt  # veto off
    .venv/bin/python bench/stories_round50/lofo_stround50.py A > lofo50_A.txt
    .venv/bin/python bench/stories_round50/lofo_stround50.py B > lofo50_B.txt
    .venv/bin/python bench/stories_round50/lofo_stround50.py C > lofo50_C.txt
    /work/main/.venv/bin/python bench/stories_round50/lofo_stround50.py mainref > lofo50_mainref.txt
    .venv/bin/python bench/stories_round50/lofo_stround50.py A_shipped > lofo50_A_shipped.txt

``A``, ``B`` and ``C`` were run with ``flight_veto50_ABC.diff`` (the three candidates' code);
``A_shipped`` with the branch's code (A alone, B and C taken out).

``lofo.per_file`` over the 39 studied files (``common.labelled_files()``), each fold's model fitted
(``fit.pairs_of``) with ``scoring.FLIGHT_VETO`` off, i.e. on the pairs main's code scores, and the
file clustered with the label's veto ("" for main, "A", "B", "C"). ``mainref`` is run with main's
own interpreter (no switch there): the check that the switch off is main's code. Writes
``lofo50_<LABEL>.json``; a candidate is then compared with ``lofo50_main.json`` (clause 1).
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
from wirewatch_stories import scoring

HERE = Path(__file__).resolve().parent
STUDIED = 39
VETO = {"main": "", "A": "A", "B": "B", "C": "C", "A_shipped": "A"}


def _main_pairs(items: Any) -> Any:
    """``fit.pairs_of`` with the veto off: the pairs main's code scores (main-fit folds)."""
    veto = scoring.FLIGHT_VETO
    scoring.FLIGHT_VETO = ""
    try:
        return pairs_of(items)
    finally:
        scoring.FLIGHT_VETO = veto


def compare(label: str) -> bool:
    """Clause 1: the mean F1 against main's, every file's move."""
    mine = json.loads((HERE / f"lofo50_{label}.json").read_text(encoding="utf-8"))
    main = json.loads((HERE / "lofo50_main.json").read_text(encoding="utf-8"))
    n = len(main)
    means = [sum(f[k]["f1"] for k in f) / n for f in (main, mine)]
    print(f"\nmean F1: main {means[0]:.5f}, {label} {means[1]:.5f}")
    down = []
    for name in sorted(main):
        before, after, worth = main[name]["f1"], mine[name]["f1"], 1 / main[name]["pairs"]
        if abs(after - before) > 1e-9:
            flag = "DOWN beyond one pair" if before - after > worth else ""
            print(f"{name}: {before:.4f} -> {after:.4f} (one pair {worth:.4f}) {flag}")
            if flag:
                down.append(name)
    holds = means[1] >= means[0] and not down
    print(f"clause 1 holds: {holds}")
    return holds


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh48" in paths and "fresh48b" in paths, sorted(paths)
    assert not {p.name for p in paths.values()} & set(JUDGES)
    if label != "mainref":
        lofo.pairs_of = _main_pairs  # type: ignore[attr-defined]
        scoring.FLIGHT_VETO = VETO[label]
    figures, _ = lofo.per_file(label, paths)
    for name, p in paths.items():
        figures[name]["pairs"] = float(true_pairs([p.name]))
    lofo.write_means(label, figures, HERE / f"lofo50_{label}.json")
    if label != "main":
        compare(label)


if __name__ == "__main__":
    main()
