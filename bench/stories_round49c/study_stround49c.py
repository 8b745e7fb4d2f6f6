"""Stop 49's third stories round's study (main's code, studied files only; before ``RULE.md``):
the pairs of one story that a count or ordinal conflict read off the two headlines alone parts.

    .venv/bin/python bench/stories_round49c/study_stround49c.py > study49c_main.txt

The pairs of ``bench/stories_round49b/headline_stround49b.py`` (both flight reports, one to eight
days apart, sharing two cues or more), each same-story pair whose headlines' numbers conflict
(``pair_cues.numbers_conflict`` on ``extract(title)``) printed with its headlines' counts,
estimates and ordinals; and how many of the two-story and one-story pairs parted have headline
counts within two of each other, or an estimate ("casi", "almost", "more than") on either side
(the rounding tolerance of candidate B).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round49b"))

from headline_stround49b import DAY, flight_pairs
from wirewatch_stories.pair_cues import counts, hedges, numbers_conflict, ordinals


def _near(a: frozenset[str], b: frozenset[str]) -> bool:
    """Headline counts within two of each other, or an estimate on either side."""
    close = any(abs(x - y) <= 2 for x in counts(a) for y in counts(b))
    return close or bool(hedges(a) or hedges(b))


def main() -> None:
    tally: Counter[tuple[bool, bool]] = Counter()
    for stem, rows, a, b, ha, hb in flight_pairs():
        if not numbers_conflict(ha, hb):
            continue
        same = a.story == b.story
        tally[(same, _near(ha, hb))] += 1
        if same:
            days = ((a.published or 0.0) - (b.published or 0.0)) / DAY
            print(
                f"[{stem.removeprefix('stories_')}] SAME {days:.1f}d "
                f"{counts(ha)}{sorted(hedges(ha))}{sorted(ordinals(ha))} vs "
                f"{counts(hb)}{sorted(hedges(hb))}{sorted(ordinals(hb))}"
            )
            print("   ", rows[a.index]["title"][:120])
            print("   ", rows[b.index]["title"][:120])
    for (same, near), n in sorted(tally.items()):
        story = "one story" if same else "two stories"
        print(f"parted by headline, {story}, counts within 2 or an estimate {near}: {n}")


if __name__ == "__main__":
    main()
