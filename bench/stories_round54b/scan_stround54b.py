"""Stop 54b's scan (stround54b): pairs of studied items sharing 4+ cues besides the language,
by band of hours apart and by general pair cues (the same headline direction ``v:``, the same
headline countries ``g:``, headline countries differing both ways, neither giving a count, the
same event group), by label. Studied files only (asserts no name holds fresh53 or fresh54).
No clustering: labels and cues.

    ../../.venv/bin/python scan_stround54b.py > scan54b.txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items
from wirewatch_stories import pair_cues

BANDS = ((24, "0-24"), (36, "24-36"), (96, "36-96"), (192, "96-192"))


def _cells(a: frozenset[str], b: frozenset[str]) -> list[str]:
    da, db = pair_cues.direction(a), pair_cues.direction(b)
    ga, gb = pair_cues.headline(a), pair_cues.headline(b)
    ea, eb = pair_cues.events(a), pair_cues.events(b)
    cells = ["all"]
    if da and da == db:
        cells.append("same-direction")
    if da and db and da != db:
        cells.append("opposite-direction")
    if ga and ga == gb:
        cells.append("same-headline-countries")
    if ga - gb and gb - ga:
        cells.append("headline-countries-differ")
    if not pair_cues.counts(a) and not pair_cues.counts(b):
        cells.append("no-counts")
    if ea and eb and ea & eb:
        cells.append("same-event")
    if ea and eb and not ea & eb:
        cells.append("other-event")
    return cells


def main() -> None:
    totals: Counter[tuple[str, str, bool]] = Counter()
    for path in labelled_files():
        assert "fresh53" not in path.name and "fresh54" not in path.name
        items = [i for i in load_items(path) if i.published is not None]
        for x, a in enumerate(items):
            for b in items[x + 1 :]:
                if a.published is None or b.published is None:
                    continue
                hours = abs(b.published - a.published) / 3600
                if hours > 192:
                    continue
                if len({c for c in a.cues & b.cues if c[:2] != "l:"}) < 4:
                    continue
                band = next(name for top, name in BANDS if hours <= top)
                for cell in _cells(a.cues, b.cues):
                    totals[(band, cell, a.story == b.story)] += 1
    keys = sorted({(band, cell) for band, cell, _ in totals})
    for band, cell in keys:
        one, two = totals[(band, cell, True)], totals[(band, cell, False)]
        print(f"{band:7} {cell:28} one {one:6} two {two:6} share {one / max(one + two, 1):.3f}")


if __name__ == "__main__":
    main()
