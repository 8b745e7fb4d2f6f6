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

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import lofo
from common import JUDGES, labelled_files
from judges import true_pairs
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
STUDIED = 41
SWITCH = {"main": "", "A": "A", "B": "B"}


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh49" in paths and "fresh49b" in paths, sorted(paths)
    assert not {p.name for p in paths.values()} & set(JUDGES)
    cluster.LATE_51 = SWITCH[label]
    figures, _ = lofo.per_file(label, paths, main_fit=(cluster, "LATE_51"))
    for name, p in paths.items():
        figures[name]["pairs"] = float(true_pairs([p.name]))
    lofo.write_means(label, figures, HERE / f"lofo51_{label}.json")
    if label != "main":
        lofo.compare_with_main(label, HERE / f"lofo51_{label}.json", HERE / "lofo51_main.json")


if __name__ == "__main__":
    main()
