"""After clause 1's figures (``RULE.md``, outcome): where A's LOFO loss comes from.

    /work/main/.venv/bin/python bench/stories_round49c/diag_stround49c.py main > diag49c_main.txt
    .venv/bin/python bench/stories_round49c/diag_stround49c.py A > diag49c_A.txt  # diff applied

Per studied file: its pairwise F1 clustered with main's table (``LEARNED_PAIRS``, no refit: the
product's own decision, so a move is A's veto itself, not a refitted fold); with A's code, the
pairs the clusterer scores (``fit.pairs_of``, main's features) and how many of them, of one story
and of two, A's veto removes (pairs of flight reports ``Scorer.other_flight`` parts). Writes
``diag49c_<LABEL>.json``; with A, compares with ``diag49c_main.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import cluster, labelled_files, load_items, ordered
from fit import pairs_of
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import member
from wirewatch_stories.scoring import Scorer

HERE = Path(__file__).resolve().parent
WINDOW = 8 * 86400.0


def main() -> None:
    label = sys.argv[1]
    figures: dict[str, dict[str, float]] = {}
    clusterer = Clusterer()
    for path in labelled_files():
        name = path.stem.removeprefix("stories_")
        items = load_items(path)
        f = figures[name] = {"f1": cluster(items, Clusterer()).pairwise_f1}
        f["scored"] = float(len(pairs_of(items)))
        if not hasattr(Scorer, "other_flight"):
            continue
        same = two = 0
        its = [it for it in ordered(items) if it.published is not None]
        for i, a in enumerate(its):
            s = Scorer(clusterer, a.cues, a.published)
            for b in its[:i]:
                if abs(a.published - b.published) > WINDOW:  # type: ignore[operator]
                    continue
                m = member("0", "s", b.cues, b.published)  # type: ignore[arg-type]
                if len(s.cues & set(m.cues)) < 2:
                    continue
                if s.other_flight(m):  # type: ignore[attr-defined]
                    same += a.story == b.story
                    two += a.story != b.story
        f["vetoed_same"], f["vetoed_two"] = float(same), float(two)
    (HERE / f"diag49c_{label}.json").write_text(
        json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    n = len(figures)
    print(
        f"{label}: mean pairwise F1, main's table, no refit: "
        f"{sum(f['f1'] for f in figures.values()) / n:.4f}"
    )
    base = HERE / "diag49c_main.json"
    if label == "main" or not base.exists():
        return
    main_figures = json.loads(base.read_text(encoding="utf-8"))
    print("| file | F1 main | F1 A | scored pairs main | A | vetoed one story | two |")
    print("|---|---|---|---|---|---|---|")
    for name, f in sorted(figures.items()):
        m = main_figures[name]
        if f["f1"] != m["f1"] or f["scored"] != m["scored"] or f.get("vetoed_two"):
            print(
                f"| {name} | {m['f1']:.4f} | {f['f1']:.4f} | {m['scored']:.0f} | "
                f"{f['scored']:.0f} | {f['vetoed_same']:.0f} | {f['vetoed_two']:.0f} |"
            )
    print(
        f"vetoed, all files: one story {sum(f['vetoed_same'] for f in figures.values()):.0f}, "
        f"two {sum(f['vetoed_two'] for f in figures.values()):.0f}"
    )


if __name__ == "__main__":
    main()
