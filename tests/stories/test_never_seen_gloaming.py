"""The gloaming never-seen stories set (tests/data/stories_gloaming.jsonl) stays above the floor it
was first measured at, in the file's order and five shuffles."""

from __future__ import annotations

import random
from typing import Any

import pytest
from wirewatch_stories.evaluation import ClusterReport, evaluate
from wirewatch_stories.offline import cluster_rows

from tests.stories.support import labelled_rows
from wirewatch.cli.stories_cmds import _entity_finder


def _report_of(rows: list[dict[str, Any]]) -> ClusterReport:
    decisions = cluster_rows(rows, _entity_finder(None))
    return evaluate([r["story"] for r in rows], [d.story_id for d in decisions])


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
def test_gloaming_never_seen_set_stays_above_its_floor(seed: int | None) -> None:
    """tests/data/stories_gloaming.jsonl: 0.873 pairwise F1 (precision 0.960, recall 0.800), B-cubed
    0.898 and 1.455 alerts per story (15 predicted for 11) when first measured with main's code
    (d56151d), before any change, the same in the file's order and five shuffles. A judge of stop
    28 (issue 13), gathered like the issue's hidden set: look-alikes of one kind at one day to two
    years (three rulings on one asylum rule, two of them two days apart; two wrecks off one Libyan
    town a month apart; three jumps of the Ceuta fence four weeks and a year apart; a
    detention-centre strike and a wreck a day apart; two wrecks off Zarzis two years apart).
    Aggregates only: its errors not studied."""
    rows = labelled_rows("gloaming")
    if seed is not None:
        random.Random(seed).shuffle(rows)
    report = _report_of(rows)
    # stop 28: learned pairs adopted: F1 0.873 -> 0.861 (floor LOWERED 0.87 -> 0.86), precision
    # LOWERED 0.95 -> 0.77 (0.777), recall raised 0.79 -> 0.96 (0.967), B-cubed raised 0.89 -> 0.93
    # (0.898 -> 0.934), alerts tightened 1.46 -> 1.10 (1.455 -> 1.091), every order alike
    assert report.pairwise_f1 >= 0.86 and report.pairwise_precision >= 0.77
    assert report.pairwise_recall >= 0.96 and report.bcubed_f1 >= 0.93
    assert report.alerts_per_story <= 1.10
