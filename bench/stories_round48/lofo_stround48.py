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

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import cluster, labelled_files, load_items
from fit import fit, pairs_of, table
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_model import PAIR_FEATURES

HERE = Path(__file__).resolve().parent
STUDIED = 35


def main() -> None:
    label = sys.argv[1]
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    assert len(paths) == STUDIED and "fresh46" in paths, sorted(paths)
    assert not {n for n in paths if n.startswith(("fresh47", "fresh48"))}, sorted(paths)
    items = {name: load_items(p) for name, p in paths.items()}
    pairs = {name: pairs_of(its) for name, its in items.items()}
    every = [p for ps in pairs.values() for p in ps]
    print(
        f"{label}: {len(PAIR_FEATURES)} features; {len(items)} files, {len(every)} pairs, "
        f"{sum(s for _, s in every)} of one story\n"
    )
    print("| file | F1 | P | R | alerts |")
    print("|---|---|---|---|---|")
    figures: dict[str, dict[str, float]] = {}
    for name, its in items.items():
        model = fit([p for other, ps in pairs.items() if other != name for p in ps])
        r = cluster(its, Clusterer(pair_model=model))
        figures[name] = {
            "f1": r.pairwise_f1,
            "precision": r.pairwise_precision,
            "recall": r.pairwise_recall,
            "alerts": r.alerts_per_story,
        }
        print(
            f"| {name} | {r.pairwise_f1:.3f} | {r.pairwise_precision:.3f} | "
            f"{r.pairwise_recall:.3f} | {r.alerts_per_story:.3f} |",
            flush=True,
        )
    n = len(figures)
    mean = {k: sum(f[k] for f in figures.values()) / n for k in ("f1", "recall", "alerts")}
    print(
        f"\n{label}: mean pairwise F1 {mean['f1']:.4f}, mean recall {mean['recall']:.4f}, "
        f"mean alerts per story {mean['alerts']:.4f}"
    )
    (HERE / f"lofo48_{label}.json").write_text(
        json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"\n{label}'s full-fit table (35 files):\n" + table(fit(every, decimals=4)))


if __name__ == "__main__":
    main()
