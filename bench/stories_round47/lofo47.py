"""Stop 47's leave-one-file-out measure of one code (main, A or B; ``RULE.md``), run once each.

    .venv/bin/python bench/stories_round47/lofo47.py M > bench/stories_round47/lofo47_M.txt
    git apply bench/stories_round47/repeat_sequel47.diff      # candidate A
    .venv/bin/python bench/stories_round47/lofo47.py A > bench/stories_round47/lofo47_A.txt
    git apply -R bench/stories_round47/repeat_sequel47.diff   # (B the same with its diff)

With the checked-out product code: every studied file's pairs as its hand-factor clusterer
scores them (``fit.pairs_of``), then each file clustered in publication order with a model
fitted (``fit.fit``, C=10) on the other 33 files' pairs. Writes ``lofo47_<LABEL>.json`` (per
file: pairwise F1, P, R, alerts per story) beside this script and prints the table, the means
and the full-fit table (34 files, 4 decimals: what would ship).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files
from fit import fit, table
from lofo import per_file

HERE = Path(__file__).resolve().parent
STUDIED = 34


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh45" in paths, sorted(paths)
    assert not {n for n in paths if n.startswith(("fresh46", "fresh47"))}, sorted(paths)
    figures, every = per_file(label, paths)
    n = len(figures)
    f1 = sum(f["f1"] for f in figures.values()) / n
    alerts = sum(f["alerts"] for f in figures.values()) / n
    print(f"\n{label}: mean pairwise F1 {f1:.4f}, mean alerts per story {alerts:.4f}")
    (HERE / f"lofo47_{label}.json").write_text(
        json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"\n{label}'s full-fit table (34 files):\n" + table(fit(every, decimals=4)))


if __name__ == "__main__":
    main()
