"""Stop 49's stories round's leave-one-file-out measure of one code (M, A or B; ``RULE.md``).

    cd bench/stories_round49 && /work/main/.venv/bin/python lofo_stround49.py M > lofo49_M.txt
    cd bench/stories_round49 && ../../.venv/bin/python lofo_stround49.py A > lofo49_A.txt

The stories rounds' shared loop (``bench/stories_learned/lofo.py``, ``per_file``): each of the 37
studied files (``common.labelled_files()``: stop 48's 35 and fresh47a, fresh47b) clustered in
publication order with a model fitted on the other 36 files' pairs, as the running interpreter's
product code scores them. Writes ``lofo49_<LABEL>.json`` (per file: pairwise F1, P, R, alerts
per story) here and prints the table and the means.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import JUDGES, labelled_files
from lofo import per_file, write_means

HERE = Path(__file__).resolve().parent
STUDIED = 37


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and {"fresh47a", "fresh47b"} <= set(paths), sorted(paths)
    assert not {f"stories_{n}.jsonl" for n in paths} & set(JUDGES), JUDGES
    figures, _ = per_file(label, paths)
    write_means(label, figures, HERE / f"lofo49_{label}.json")


if __name__ == "__main__":
    main()
