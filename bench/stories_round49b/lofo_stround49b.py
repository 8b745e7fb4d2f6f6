"""Stop 49's (stround49b) leave-one-file-out measure of one code (main, A or B; ``RULE.md``).

    .venv/bin/python bench/stories_round49b/lofo_stround49b.py main > lofo49b_main.txt

With the product code the running interpreter imports (main's, or a candidate's diff applied):
``lofo.per_file`` over the 37 studied files (``common.labelled_files()``). Writes
``lofo49b_<LABEL>.json`` (per file: pairwise F1, P, R, alerts per story, same-story pairs) and
prints the means.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import JUDGES, labelled_files
from judges import true_pairs
from lofo import per_file, write_means

HERE = Path(__file__).resolve().parent
STUDIED = 37


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh47a" in paths and "fresh47b" in paths, sorted(paths)
    assert not {p.name for p in paths.values()} & set(JUDGES)
    figures, _ = per_file(label, paths)
    for name, p in paths.items():
        figures[name]["pairs"] = float(true_pairs([p.name]))
    write_means(label, figures, HERE / f"lofo49b_{label}.json")


if __name__ == "__main__":
    main()
