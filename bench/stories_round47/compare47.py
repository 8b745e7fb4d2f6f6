"""Stop 47: the leave-one-file-out figures of M, A and B side by side, clause 1 of ``RULE.md``.

    .venv/bin/python bench/stories_round47/compare47.py > bench/stories_round47/compare47.txt

Reads ``lofo47_M.json``, ``lofo47_A.json`` and ``lofo47_B.json`` (``lofo47.py``'s output).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    runs = {k: json.loads((HERE / f"lofo47_{k}.json").read_text()) for k in "MAB"}
    names = sorted(runs["M"])
    print("| file | M F1 / alerts | A F1 / alerts | B F1 / alerts |")
    print("|---|---|---|---|")
    moved = 0
    for name in names:
        cells = [f"{runs[k][name]['f1']:.3f} / {runs[k][name]['alerts']:.3f}" for k in "MAB"]
        if len(set(cells)) > 1:
            print(f"| {name} | {' | '.join(cells)} |")
            moved += 1
    n = len(names)
    f1 = {k: sum(r[x]["f1"] for x in names) / n for k, r in runs.items()}
    alerts = {k: sum(r[x]["alerts"] for x in names) / n for k, r in runs.items()}
    print(f"\n(the other {n - moved} files' figures are the same in the three; {n} in all)")
    for k in "MAB":
        print(f"{k}: mean pairwise F1 {f1[k]:.4f}, mean alerts per story {alerts[k]:.4f}")
    for k in "AB":
        worst = min((runs[k][x]["f1"] - runs["M"][x]["f1"], x) for x in names)
        holds = f1[k] >= f1["M"] and alerts[k] <= alerts["M"]
        print(
            f"{k} - M: F1 {f1[k] - f1['M']:+.4f}, alerts {alerts[k] - alerts['M']:+.4f}, worst "
            f"file {worst[1]} {worst[0]:+.3f}; clause 1 (F1 >= M's, alerts <= M's): "
            f"{'holds' if holds else 'FAILS'}"
        )


if __name__ == "__main__":
    main()
