"""Stop 52's stories round: clause 1 of ``RULE.md``, leave one file out with main-fit folds.

    cd bench/stories_round52
    ../../.venv/bin/python lofo_stround52.py main > lofo52_main.txt  # switch off
    ../../.venv/bin/python lofo_stround52.py A > lofo52_A.txt  # candidate_AB.diff applied

``lofo.per_file`` over the 43 studied files (``common.labelled_files()``, fresh50 and fresh50b
among them), each fold's table fitted on the pairs ``fit.pairs_of`` collects with
``cluster.RECENT_52`` off (main's pairs), the held-out file clustered with the label's switch.
Writes ``lofo52_<LABEL>.json``; a candidate is compared with ``lofo52_main.json``
(``lofo.compare_with_main``). A and B need ``candidate_AB.diff`` applied (neither shipped).
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
STUDIED = 43
SWITCH = {"main": "", "A": "A", "B": "B"}


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh50" in paths and "fresh50b" in paths, sorted(paths)
    assert not {p.name for p in paths.values()} & set(JUDGES)
    assert not any("fresh51" in p.name for p in paths.values())
    vars(cluster)["RECENT_52"] = SWITCH[label]  # the switch exists with candidate_AB.diff applied
    figures, _ = lofo.per_file(label, paths, main_fit=(cluster, "RECENT_52"))
    for name, p in paths.items():
        figures[name]["pairs"] = float(true_pairs([p.name]))
    lofo.write_means(label, figures, HERE / f"lofo52_{label}.json")
    if label != "main":
        lofo.compare_with_main(label, HERE / f"lofo52_{label}.json", HERE / "lofo52_main.json")


if __name__ == "__main__":
    main()
