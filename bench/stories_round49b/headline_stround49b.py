"""A study for a later round (after this round's outcome; main's code, studied files only): how
many pairs of flight reports a count or ordinal conflict parts when read off the whole text
(title and summary, as A reads it) against the headline alone.

    .venv/bin/python bench/stories_round49b/headline_stround49b.py > headline49b.txt

Pairs of items of one studied file, both flight reports (``FLIGHT_WORDS`` of A's diff), published
one to eight days apart, sharing two cues or more; ``pair_cues.numbers_conflict`` on each's full
cues and on its headline's cues; tallied by (reading, same story, conflict).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import Item, labelled_files, load_items
from wirewatch_stories.features import extract
from wirewatch_stories.pair_cues import numbers_conflict, plain

FLIGHT_WORDS = frozenset({"w:fligh", "w:plane", "w:aircr", "w:airli"})  # as in A's diff
DAY = 86400.0


Pair = tuple[str, list[dict[str, Any]], Item, Item, frozenset[str], frozenset[str]]


def flight_pairs() -> Iterator[Pair]:
    """Every pair of items of one studied file, both flight reports, published one to eight days
    apart, sharing two plain cues or more: (file stem, the file's rows, the two items, the two
    headlines' cues). Round 49c's ``study_stround49c.py`` reads the same pairs."""
    for path in labelled_files():
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        heads = [extract(str(r["title"])).cues for r in rows]
        for i, a in enumerate(items):
            for b in items[:i]:
                if a.published is None or b.published is None:
                    continue
                if not DAY <= abs(a.published - b.published) <= 8 * DAY:
                    continue
                if FLIGHT_WORDS.isdisjoint(a.cues) or FLIGHT_WORDS.isdisjoint(b.cues):
                    continue
                if len(plain(a.cues) & plain(b.cues)) < 2:
                    continue
                yield path.stem, rows, a, b, heads[a.index], heads[b.index]


def main() -> None:
    tally: Counter[tuple[str, bool, bool]] = Counter()
    for _, _, a, b, head_a, head_b in flight_pairs():
        same = a.story == b.story
        tally[("whole text", same, numbers_conflict(a.cues, b.cues))] += 1
        tally[("headline", same, numbers_conflict(head_a, head_b))] += 1
    for (reading, same, parted), n in sorted(tally.items()):
        print(f"{reading}: {'one story' if same else 'two stories'}, parted {parted}: {n}")


if __name__ == "__main__":
    main()
