"""A decision's cue weights come from ``Clusterer.squared_weights`` (stop 44: the member count
and the lookups read once per call, not once per cue): each must be exactly
``Clusterer.weight(cue) ** 2``, bit for bit, or a decision at the threshold could change. The
development stories (tests/data/stories_dev.jsonl) clustered item by item, the weights of
every cue seen so far compared after each item."""

from __future__ import annotations

from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.features import extract
from wirewatch_stories.offline import parse_published, processing_order

from tests.stories.support import dev_rows


def test_the_squared_weights_are_the_weights_squared_bit_for_bit() -> None:
    rows = dev_rows()
    clusterer = Clusterer()
    seen: set[str] = {"w:unseen", "x:nobody", "n:7"}  # cues no member has: no df entry
    compared = 0
    for n in processing_order(rows)[:400]:
        row = rows[n]
        published = parse_published(row.get("published"))
        cues = extract(row["title"], row.get("summary", "")).cues
        seen |= cues
        clusterer.assign(str(row["id"]), cues, published.timestamp() if published else 0.0)
        squared: dict[str, float] = {}
        clusterer.squared_weights(seen, squared)
        assert squared.keys() == seen
        for cue in seen:
            assert squared[cue] == clusterer.weight(cue) ** 2, cue
        compared += len(seen)
    assert compared > 100_000
