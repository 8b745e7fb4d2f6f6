"""Which studied pairs candidates A and B of ``RULE.md`` part (written after their LOFO figures,
to say why they failed; run with B's diff applied: its ``Scorer.other_flight`` holds A's test and
B's).

    .venv/bin/python bench/stories_round49b/vetoed_stround49b.py > vetoed49b.txt

Every pair of items of one studied file, both flight reports, at most eight days apart, sharing
two cues or more, that ``Scorer.other_flight`` parts; the same-story ones printed with their
counts, ordinals and dates ("count": A's test, "date": B's only); a tally at the end.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import counts, dates, member, ordinals  # type: ignore[attr-defined]
from wirewatch_stories.scoring import Scorer

WINDOW = 8 * 86400.0


def main() -> None:
    tally: Counter[tuple[bool, str]] = Counter()
    clusterer = Clusterer()
    for path in labelled_files():
        items = load_items(path)
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        for i, a in enumerate(items):
            for b in items[:i]:
                if a.published is None or b.published is None:
                    continue
                if abs(a.published - b.published) > WINDOW:
                    continue
                s = Scorer(clusterer, a.cues, a.published)
                m = member("0", "s", b.cues, b.published)
                if not (s.flight and m.flight) or len(s.cues & set(m.cues)) < 2:  # type: ignore[attr-defined]
                    continue
                revises = (s.update or m.update) and s._revises(m)
                if not s.other_flight(m, revises):  # type: ignore[attr-defined, call-arg]
                    continue
                why = "count" if s._count_factor(m, revises) < 1.0 else "date"
                tally[(a.story == b.story, why)] += 1
                if a.story == b.story:
                    days = (a.published - b.published) / 86400
                    print(
                        f"[{path.stem.removeprefix('stories_')}] SAME {why} {days:.1f}d "
                        f"{counts(a.cues)}{sorted(ordinals(a.cues))}{sorted(dates(a.cues))} vs "
                        f"{counts(b.cues)}{sorted(ordinals(b.cues))}{sorted(dates(b.cues))}"
                    )
                    print("   ", rows[a.index]["title"][:110])
                    print("   ", rows[b.index]["title"][:110])
    print(tally)


if __name__ == "__main__":
    main()
