"""Stop 48's leave-one-file-out measure of one code (M, A or B; ``RULE.md``), run once each.

    .venv/bin/python bench/stories_round48/lofo_stround48.py A > bench/stories_round48/lofo48_A.txt

With the product code the running interpreter imports (M: main's, A and B: with their diffs
applied): every studied file's pairs as its hand-factor clusterer scores them (``fit.pairs_of``),
then each file clustered in publication order with a model fitted (``fit.fit``, C=10) on the
other 34 files' pairs. Writes ``lofo48_<LABEL>.json`` (per file: pairwise F1, P, R, alerts per
story) beside this script and prints the table, the means and the full-fit table (35 files, 4
decimals: what B would ship).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files
from fit import fit, table
from lofo import per_file, write_means

HERE = Path(__file__).resolve().parent
STUDIED = 35


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh46" in paths, sorted(paths)
    assert not {n for n in paths if n.startswith(("fresh47", "fresh48"))}, sorted(paths)
    figures, every = per_file(label, paths)
    write_means(label, figures, HERE / f"lofo48_{label}.json")
    print(f"\n{label}'s full-fit table (35 files):\n" + table(fit(every, decimals=4)))


if __name__ == "__main__":
    main()
