"""Stop 50's stories round, after clause 1's figures (not a clause): which pairs each candidate's
veto parts on the 39 studied files.

    .venv/bin/python bench/stories_round50/vetoed_stround50.py > vetoed50.txt

Every pair of items of one studied file that share ``scoring.MIN_SHARED`` plain cues or more, the
later as the ``Scorer``, the earlier as a ``member``: ``Scorer.other_flight`` under each switch
("A", "B", "C"), counted by whether the two are of one story; each one-story pair parted is printed
with its headlines, days apart and the figures and days each gives.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from common import labelled_files, load_items
from wirewatch_stories import scoring
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.pair_cues import member, plain

DAY = 86400.0


def main() -> None:
    tally: Counter[tuple[str, bool]] = Counter()
    clusterer = Clusterer()
    for path in labelled_files():
        name = path.stem.removeprefix("stories_")
        items = [it for it in load_items(path) if it.published is not None]
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        for a in items:
            scorer = scoring.Scorer(clusterer, a.cues, a.published)
            if not scorer.flight:
                continue
            for b in items:
                if b.published is None or a.published is None or b.published > a.published:
                    continue
                if b.index == a.index or len(plain(a.cues) & plain(b.cues)) < scoring.MIN_SHARED:
                    continue
                m = member(str(b.index), "s", b.cues, b.published)
                same = a.story == b.story
                parted = []
                for veto in ("A", "B", "C"):
                    scoring.FLIGHT_VETO = veto
                    if scorer.other_flight(m):
                        tally[(veto, same)] += 1
                        parted.append(veto)
                if same and parted:
                    days = (a.published - b.published) / DAY
                    print(
                        f"[{name}] {''.join(parted)} {days:.1f}d {sorted(scorer.figures)}"
                        f"{sorted(scorer.days)} vs {sorted(m.figures)}{sorted(m.days)}"  # type: ignore[attr-defined]
                    )
                    print("   ", rows[a.index]["title"][:110])
                    print("   ", rows[b.index]["title"][:110])
    for (veto, same), n in sorted(tally.items()):
        print(f"{veto}: parts {n} pairs of {'one story' if same else 'two stories'}")


if __name__ == "__main__":
    main()
