"""Stop 54c's census (stround54c, ``RULE.md``): round 54b's veto census
(``veto_census_stround54b.py``: an item whose headline names countries against each labelled story
of the week before sharing 4+ cues with it, whose recent naming headlines all differ from the
item's both ways) split by C's added condition: whether, for every such headline, the countries
each side names beyond the other are absent from the other item's whole text (``named``). Counted
by label (own story / another), band (from the story's latest naming headline: below / from 24 h)
and language. Studied files only (asserts no name holds fresh53 or fresh54). Labels and cues only.

    ../../.venv/bin/python veto_census_stround54c.py > veto_census54c.txt
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, labelled_files, load_items
from wirewatch_stories import pair_cues

WEEK = 7 * 86400.0


def _named(item: Item) -> frozenset[str]:
    return pair_cues.named(item.cues, pair_cues.countries(item.cues))


def _absent(heads: frozenset[str], named: frozenset[str]) -> bool:
    return not any("c:" + g[2:] in named for g in heads)


def _apart(item: Item, other: Item) -> tuple[bool, bool]:
    """(headlines differ both ways, and each side's extra countries are absent from the other)."""
    mine, theirs = pair_cues.headline(item.cues), pair_cues.headline(other.cues)
    differ = bool(mine - theirs and theirs - mine)
    return differ, differ and (
        _absent(mine - theirs, _named(other)) and _absent(theirs - mine, _named(item))
    )


def _stories(items: list[Item], x: int) -> dict[str, list[Item]]:
    item, earlier = items[x], defaultdict(list)
    for other in items[:x]:
        assert item.published is not None and other.published is not None
        if item.published - other.published <= WEEK:
            earlier[other.story].append(other)
    return earlier


def main() -> None:
    totals: Counter[tuple[str, str, bool, str]] = Counter()
    for path in labelled_files():
        assert "fresh53" not in path.name and "fresh54" not in path.name
        items = sorted(
            (i for i in load_items(path) if i.published is not None),
            key=lambda i: (i.published, i.index),
        )
        for x, item in enumerate(items):
            if not pair_cues.headline(item.cues):
                continue
            for story, members in _stories(items, x).items():
                members = members[-24:]
                if not any(
                    len({c for c in item.cues & m.cues if c[:2] != "l:"}) >= 4 for m in members
                ):
                    continue
                naming = [m for m in members if pair_cues.headline(m.cues)]
                marks = [_apart(item, m) for m in naming]
                if not naming or not all(d for d, _ in marks):
                    continue
                assert item.published is not None
                last = max(m.published or 0.0 for m in naming)
                band = "<24h" if item.published - last < 86400 else ">=24h"
                lang = sorted(c for c in item.cues if c[:2] == "l:")[0]
                kept = "C-fires" if all(a for _, a in marks) else "body-names-other"
                totals[(band, kept, story == item.story, lang)] += 1
    print("(band, C's condition, own story, language) count")
    for key in sorted(totals):
        print(key, totals[key])


if __name__ == "__main__":
    main()
