"""Stop 46's leave-one-file-out measure of candidates A and B against M (``RULE.md``), run once.

    git apply bench/stories_round46/vouching46.diff   # candidate B in the product code
    .venv/bin/python bench/stories_round46/measure46.py > bench/stories_round46/measure46.txt
    git apply -R bench/stories_round46/vouching46.diff

(run so on 17e4a05 + the diff; B failed the rule and the product code is main's again.)

First a check: main's story score as ``round46.MainClusterer`` reproduces main's own code (its
``services/stories`` at /work/main, run in a subprocess) on every studied file with the shipped
table. Then, for each of the 33 studied files: M (main's code, a model fitted on the stop-40
training files but the file), A (main's code, the other 32 files) and B (the branch's code and
pairs, the other 32 files); pairwise F1 / P / R and alerts per story; the means, the worst file
against M, and the clauses 1-3 of the rule. Then A's and B's full-fit tables (4 decimals).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import cluster, labelled_files, load_items
from fit import fit, table
from round46 import FIVE, clusterer_for, pairs_under
from wirewatch_stories.evaluation import ClusterReport

MAIN = Path("/work/main/services/stories")
MAX_FALL = 0.03
_CHECK = """
import json, sys
sys.path.insert(0, sys.argv[1])
import wirewatch_stories.scoring as s
assert not hasattr(s, "VOUCHING"), s.__file__
from common import cluster, labelled_files, load_items
print(json.dumps({p.stem: cluster(load_items(p)).as_dict() for p in labelled_files()}))
"""


def main_figures() -> dict[str, dict[str, float]]:
    env = dict(os.environ, PYTHONPATH=f"{MAIN}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    here = str(Path(__file__).resolve().parents[1] / "stories_learned")
    run = subprocess.run(
        [sys.executable, "-c", _CHECK, here], env=env, capture_output=True, text=True, check=True
    )
    figures: dict[str, dict[str, float]] = json.loads(run.stdout)
    return figures


def cells(r: ClusterReport) -> str:
    return (
        f"{r.pairwise_f1:.3f} / {r.pairwise_precision:.3f} / {r.pairwise_recall:.3f} / "
        f"{r.alerts_per_story:.3f}"
    )


def main() -> None:
    paths = {p.stem.removeprefix("stories_"): p for p in labelled_files()}
    items = {name: load_items(p) for name, p in paths.items()}
    assert len(items) == 33 and set(FIVE) <= set(items), sorted(items)
    on_main = main_figures()
    differ = [
        name
        for name, its in items.items()
        if cluster(its, clusterer_for("M")).as_dict() != on_main[f"stories_{name}"]
    ]
    print(f"check: main's story score here against main's code, files differing: {differ}")
    main_pairs = {name: pairs_under(its, main=True) for name, its in items.items()}
    b_pairs = {name: pairs_under(its, main=False) for name, its in items.items()}
    stop40 = [n for n in items if n not in FIVE]
    for label, pairs in (("main", main_pairs), ("B", b_pairs)):
        every = [p for ps in pairs.values() for p in ps]
        print(f"{label}: {len(every)} pairs, {sum(s for _, s in every)} of one story")
    print("\n| file | M: F1 / P / R / alerts | A | B | A - M | B - M |")
    print("|---|---|---|---|---|---|")
    reports: dict[str, list[ClusterReport]] = {"M": [], "A": [], "B": []}
    for name, its in items.items():
        m_train = [p for o in stop40 if o != name for p in main_pairs[o]]
        a_train = [p for o, ps in main_pairs.items() if o != name for p in ps]
        b_train = [p for o, ps in b_pairs.items() if o != name for p in ps]
        m = cluster(its, clusterer_for("M", fit(m_train)))
        a = cluster(its, clusterer_for("A", fit(a_train)))
        b = cluster(its, clusterer_for("B", fit(b_train)))
        for key, r in zip("MAB", (m, a, b), strict=True):
            reports[key].append(r)
        print(
            f"| {name} | {cells(m)} | {cells(a)} | {cells(b)} | "
            f"{a.pairwise_f1 - m.pairwise_f1:+.3f} | {b.pairwise_f1 - m.pairwise_f1:+.3f} |",
            flush=True,
        )
    n = len(items)
    names = list(items)
    f1 = {k: sum(r.pairwise_f1 for r in rs) / n for k, rs in reports.items()}
    alerts = {k: sum(r.alerts_per_story for r in rs) / n for k, rs in reports.items()}
    print()
    for k in "MAB":
        print(f"{k}: mean pairwise F1 {f1[k]:.4f}, mean alerts per story {alerts[k]:.4f}")
    for k in "AB":
        falls = [
            (c.pairwise_f1 - m.pairwise_f1, name)
            for c, m, name in zip(reports[k], reports["M"], names, strict=True)
        ]
        worst = min(falls)
        five = [d for d, name in falls if name in FIVE]
        print(
            f"\n{k} against M: F1 {f1['M']:.4f} -> {f1[k]:.4f} ({f1[k] - f1['M']:+.4f}), alerts "
            f"{alerts['M']:.4f} -> {alerts[k]:.4f}; worst file {worst[1]} {worst[0]:+.3f}; "
            f"the five's mean F1 change {sum(five) / len(five):+.4f}"
        )
        clauses = {
            "1. LOFO mean F1 rises": f1[k] > f1["M"],
            "2. LOFO mean alerts do not rise": alerts[k] <= alerts["M"],
            f"3. no file falls by more than {MAX_FALL}": worst[0] >= -MAX_FALL,
        }
        for clause, holds in clauses.items():
            print(f"  {clause}: {'yes' if holds else 'NO'}")
    full_a = fit([p for ps in main_pairs.values() for p in ps], decimals=4)
    full_b = fit([p for ps in b_pairs.values() for p in ps], decimals=4)
    print("\nA's full-fit table (main's code, 33 files):\n" + table(full_a))
    print("\nB's full-fit table (B's code, 33 files):\n" + table(full_b))


if __name__ == "__main__":
    main()
