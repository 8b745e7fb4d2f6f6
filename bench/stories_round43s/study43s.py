"""The decisions below the threshold on the round's design files (stop 43, stsplit43; design
files only, never a held-out file or a judge).

    .venv/bin/python bench/stories_round43s/study43s.py [FLOOR]

Each design file (``split39.design_files``) is clustered by the shipped decision in six orders
(``measure39``'s). For every item whose best candidate story scores from FLOOR (default 0.07) to
the threshold, printed: whether joining it would be right (the story's most common true story
is the item's), the best score, the runner-up's, the story's size, hours since its first and
its latest item, whether a country conflicts, whether the item and every member name the same
countries (``c:``) and the same headline countries (``g:``). Then the counts by bands.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round39"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, load_items
from measure39 import SEEDS, _order
from split39 import design_files
from wirewatch_stories.cluster import Clusterer


def _row(
    clusterer: Clusterer, it: Item, when: float, truth: dict[str, str]
) -> dict[str, Any] | None:
    scorer = clusterer._scorer(it.cues, when)
    scored = sorted(
        ((scorer.story_score(s)[0], -s.order, s) for s in clusterer._candidates(it.cues, when)),
        key=lambda x: (x[0], x[1]),
        reverse=True,
    )
    if not scored:
        return None
    best, _, story = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0.0
    members = [clusterer._members[i] for i in story.members]
    label = Counter(truth[m.item_id] for m in members).most_common(1)[0][0]
    own = scorer.countries
    return {
        "right": label == it.story,
        "best": best,
        "runner": runner,
        "size": len(members),
        "h_first": (when - story.first) / 3600.0,
        "h_last": (when - story.last) / 3600.0,
        "conflict": scorer.countries_conflict(story),
        "same_countries": bool(own) and all(m.countries == own for m in members),
        "same_headline": all(m.headline == scorer.headline for m in members),
        "story": story,
    }


def rows(floor: float) -> list[tuple[str, int | None, Item, dict[str, Any]]]:
    out = []
    for path in design_files():
        items = load_items(path)
        truth = {str(it.index): it.story for it in items}
        for seed in SEEDS:
            clusterer = Clusterer()
            for it in _order(items, seed):
                when = max(it.published if it.published is not None else clusterer.clock, -1e18)
                row = _row(clusterer, it, when, truth)
                if row and floor <= row["best"] < clusterer.threshold:
                    out.append((path.stem[8:], seed, it, row))
                clusterer.assign(str(it.index), it.cues, when)
    return out


def main() -> None:
    floor = float(sys.argv[1]) if len(sys.argv) > 1 else 0.07
    found = rows(floor)
    for name, seed, it, r in found:
        if seed is None:
            print(
                f"{name:9s} #{it.index:<4d} {'RIGHT' if r['right'] else 'wrong'} "
                f"best={r['best']:.3f} runner={r['runner']:.3f} size={r['size']} "
                f"first={r['h_first']:.0f}h last={r['h_last']:.0f}h "
                f"conflict={int(r['conflict'])} same_c={int(r['same_countries'])} "
                f"same_g={int(r['same_headline'])}"
            )
    tally: Counter[tuple[str, bool]] = Counter()
    for _, _, _, r in found:
        tally[("all", r["right"])] += 1
    print("six orders:", dict(tally))


if __name__ == "__main__":
    main()
