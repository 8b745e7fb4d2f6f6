"""Stop 54b's census of the headline-country veto (stround54b, ``RULE.md``): for each studied
item whose headline names countries (``g:`` cues, the US aside) and each labelled story with
earlier items (up to 7 days before, the latest 24) one of which shares 4+ cues besides the
language with it, whether that story is "of other headline countries": some of those earlier
items' headlines name countries and every such headline differs from the item's both ways
(each names a country the other does not). Counted by label (the item's own story: the veto
would cut a true report; another story: it would keep a look-alike apart), by hours from the
story's latest naming headline (below / from 24 h) and language pair. Studied files only (asserts
no name holds fresh53 or fresh54). No clustering: labels and cues.

    ../../.venv/bin/python veto_census_stround54b.py > veto_census54b.txt
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, labelled_files, load_items
from wirewatch_stories import pair_cues

WEEK = 7 * 86400.0


def _differ(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a - b and b - a)


def main() -> None:
    totals: Counter[tuple[str, bool, str]] = Counter()
    own_listed = []
    for path in labelled_files():
        assert "fresh53" not in path.name and "fresh54" not in path.name
        items = sorted(
            (i for i in load_items(path) if i.published is not None),
            key=lambda i: (i.published, i.index),
        )
        for x, item in enumerate(items):
            mine = pair_cues.headline(item.cues)
            if not mine or item.published is None:
                continue
            earlier: dict[str, list[Item]] = defaultdict(list)
            for other in items[:x]:
                assert other.published is not None
                if item.published - other.published <= WEEK:
                    earlier[other.story].append(other)
            for story, members in earlier.items():
                members = members[-24:]
                if not any(
                    len({c for c in item.cues & m.cues if c[:2] != "l:"}) >= 4 for m in members
                ):
                    continue
                naming = [m for m in members if pair_cues.headline(m.cues)]
                if not naming:
                    continue
                if all(_differ(mine, pair_cues.headline(m.cues)) for m in naming):
                    last = max(m.published or 0.0 for m in naming)
                    band = "<24h" if item.published - last < 86400 else ">=24h"
                    own = story == item.story
                    totals[(band, own, sorted(c for c in item.cues if c[:2] == "l:")[0])] += 1
                    if own:
                        own_listed.append((path.stem, item.index, band, sorted(mine)))
    for key in sorted(totals):
        print(key, totals[key])
    print("own story vetoed (item, band, its headline countries):")
    for row in own_listed:
        print(row)


if __name__ == "__main__":
    main()
