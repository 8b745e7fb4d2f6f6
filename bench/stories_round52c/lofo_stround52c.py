"""Stop 52's third stories round: clause 1 of ``RULE.md``, leave one file out, main-fit folds.

    cd bench/stories_round52c && ../../.venv/bin/python lofo_stround52c.py A > lofo52c_A.txt

``lofo.per_file`` over the 43 studied files (as ``../stories_round52b/lofo_stround52b.py``), each
fold's table fitted on the pairs main's code collects (``cluster.SAME_DAY_52C`` off), the held-out
file clustered with the label's switch. Writes ``lofo52c_<LABEL>.json`` and compares it with main's
``../stories_round52/lofo52_main.json`` (main's code and table unchanged since).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round52"))

import lofo
from common import labelled_files
from judges import true_pairs
from lofo_stround52 import STUDIED
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SWITCH = {"main": "", "A": "A", "B": "B"}


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh50b" in paths, sorted(paths)
    assert not any("fresh51" in p.name or "fresh52" in p.name for p in paths.values())
    vars(cluster)["SAME_DAY_52C"] = SWITCH[label]  # with candidate_AB.diff applied
    figures, _ = lofo.per_file(label, paths, main_fit=(cluster, "SAME_DAY_52C"))
    for name, p in paths.items():
        figures[name]["pairs"] = float(true_pairs([p.name]))
    lofo.write_means(label, figures, HERE / f"lofo52c_{label}.json")
    if label != "main":
        main_json = ROOT / "stories_round52" / "lofo52_main.json"
        lofo.compare_with_main(label, HERE / f"lofo52c_{label}.json", main_json)


if __name__ == "__main__":
    main()
