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

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

import lofo
from common import JUDGES, labelled_files
from judges import true_pairs
from wirewatch_stories import scoring

HERE = Path(__file__).resolve().parent
STUDIED = 39
VETO = {"main": "", "A": "A", "B": "B", "C": "C", "A_shipped": "A"}


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh48" in paths and "fresh48b" in paths, sorted(paths)
    assert not {p.name for p in paths.values()} & set(JUDGES)
    main_fit = None
    if label != "mainref":
        scoring.FLIGHT_VETO = VETO[label]
        main_fit = (scoring, "FLIGHT_VETO")
    figures, _ = lofo.per_file(label, paths, main_fit)
    for name, p in paths.items():
        figures[name]["pairs"] = float(true_pairs([p.name]))
    lofo.write_means(label, figures, HERE / f"lofo50_{label}.json")
    if label != "main":
        lofo.compare_with_main(label, HERE / f"lofo50_{label}.json", HERE / "lofo50_main.json")


if __name__ == "__main__":
    main()
