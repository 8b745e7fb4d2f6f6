"""Stop 54's census (stround54): pairs of studied items that give the same figures
(``pair_cues.same_figures`` of their counts) published more than ``RECENT_S`` (36 h) apart, by
band of hours apart and by whether the labels put them in one story; the pairs beyond 72 h listed
(file, items, the counts). Pairs sharing fewer than 4 cues besides the language are left out.
Studied files only (asserts no name holds fresh53 or fresh54). No clustering: labels and cues.

    ../../.venv/bin/python census_stround54.py > census54.txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items
from wirewatch_stories import pair_cues

BANDS = ((72, "36-72"), (96, "72-96"), (120, "96-120"), (168, "120-168"))


def _band(hours: float) -> str:
    return next(name for top, name in BANDS if hours <= top)


def main() -> None:
    totals: Counter[tuple[str, bool]] = Counter()
    listed = []
    for path in labelled_files():
        assert "fresh53" not in path.name and "fresh54" not in path.name
        items = [i for i in load_items(path) if i.published is not None]
        for a in items:
            for b in items:
                if a.published is None or b.published is None or b.published <= a.published:
                    continue
                hours = (b.published - a.published) / 3600
                counts = pair_cues.counts(a.cues), pair_cues.counts(b.cues)
                if hours <= 36 or hours > 168 or not pair_cues.same_figures(*counts):
                    continue
                if len({c for c in a.cues & b.cues if c[:2] != "l:"}) < 4:
                    continue
                band, same = _band(hours), a.story == b.story
                totals[(band, same)] += 1
                if band != "36-72":
                    listed.append((band, same, path.stem, a.index, b.index, sorted(set(counts[0]))))
    for key in sorted(totals):
        print(key, totals[key])
    for row in sorted(listed):
        print(row)


if __name__ == "__main__":
    main()
