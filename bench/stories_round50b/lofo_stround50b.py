"""Stop 50b's stories round's leave-one-file-out measure of one code (M, A or B; ``RULE.md``).

    cd bench/stories_round50b && ../../.venv/bin/python lofo_stround50b.py M > lofo50b_M.txt

The stories rounds' shared loop (``bench/stories_learned/lofo.py``, ``per_file``) over the 39
studied files (``common.labelled_files()``), with ``cluster.JOIN_50B`` set to the label's
candidate ("" for M) in this process, so the folds' pairs (``fit.pairs_of``) and clustering run
the candidate's code. Writes ``lofo50b_<LABEL>.json`` (per file: pairwise F1, P, R, alerts per
story, same-story pairs) and prints the table and the means.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import JUDGES, labelled_files
from judges import true_pairs
from lofo import per_file, write_means
from wirewatch_stories import cluster

HERE = Path(__file__).resolve().parent
STUDIED = 39
SWITCH = {"M": "", "A": "A", "B": "B"}


def main() -> None:
    label = sys.argv[1]
    cluster.JOIN_50B = SWITCH[label]  # type: ignore[attr-defined]  # the switch is in close_reports50b.diff
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and {"fresh48", "fresh48b"} <= set(paths), sorted(paths)
    assert not {f"stories_{n}.jsonl" for n in paths} & set(JUDGES), JUDGES
    figures, _ = per_file(label, paths)
    for name, path in paths.items():
        figures[name]["pairs"] = true_pairs([path.name])
    write_means(label, figures, HERE / f"lofo50b_{label}.json")


if __name__ == "__main__":
    main()
