"""The noctis never-seen stories set (tests/data/stories_noctis.jsonl, tests/data/README.md):
a judge of the twenty-fourth stories round, measured once with main's code and kept as a floor."""

from __future__ import annotations

import random

import pytest

from tests.stories.support import labelled_rows
from tests.stories.test_cluster import _report_of


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
def test_noctis_never_seen_set_stays_above_its_floor(seed: int | None) -> None:
    """tests/data/stories_noctis.jsonl: 0.570 pairwise F1 (precision 0.425, recall 0.866), B-cubed
    0.702 and 1.273 alerts per story (9 predicted for 11) when first measured with main's code
    (d56151d), before any change, the same in the file's order and five shuffles. A judge of stop
    28, gathered to be hard and away from the US news of 2025: most of its stories have a
    look-alike one to three days away (two British rulings on the first Rwanda flight three days
    apart, an injunction halting a deportation flight mid-air and its extension the next morning,
    four Venezuelan measures on one border in nine days, a decree against a caravan and the
    caravan bused back the next day). Aggregates only: its errors not studied."""
    rows = labelled_rows("noctis")
    if seed is not None:
        random.Random(seed).shuffle(rows)
    report = _report_of(rows)
    # stop 28: learned pairs adopted: F1 raised 0.57 -> 0.69 (0.570 -> 0.695), precision 0.42 ->
    # 0.57 (0.570), recall 0.86 -> 0.89 (0.890), B-cubed 0.70 -> 0.79 (0.702 -> 0.796), alerts
    # unchanged (1.273), every order alike
    assert report.pairwise_f1 >= 0.69 and report.pairwise_precision >= 0.57
    assert report.pairwise_recall >= 0.89 and report.bcubed_f1 >= 0.79
    assert report.alerts_per_story <= 1.28
