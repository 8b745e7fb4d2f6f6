"""A retained story takes a late report (stop 51, issue 13; bench/stories_round51/RULE.md): a
story whose window an item is past (published more than a window after the story's latest item)
stays a candidate up to RETAIN_WINDOWS windows after it, what memory holds, scored as any
candidate (main's score and threshold). Candidate A: every story; B (shipped, on by default):
stories of more than YOUNG_SIZE items (told by several reports). Rows quoted verbatim from
tests/data/stories_friday.jsonl (source, date and link in each row): the Chiapas truck crash of
9 December 2021, told by six reports on 10-11 December, and the toll update of 15 December
("Death toll rises from migrant truck accident in Chiapas"), 4.2 days after the story's latest
report."""

from __future__ import annotations

from typing import Any

import pytest
from wirewatch_stories import cluster
from wirewatch_stories.cluster import RETAIN_WINDOWS, YOUNG_SIZE, Clusterer
from wirewatch_stories.offline import cluster_rows

from tests.stories.support import labelled_rows, shipped_entities

HOUR = 3600.0
CUES = ("w:truck", "w:chiap", "w:crash", "x:tuxtl", "c:MX")


def _chiapas() -> list[dict[str, Any]]:
    rows = labelled_rows("friday")
    crash = [r for r in rows if r["story"] == rows[9]["story"]]
    assert len(crash) == 7 and rows[9]["title"].startswith("Death toll rises")
    return crash


def test_b_ships() -> None:
    assert cluster.LATE_51 == "B"


@pytest.mark.parametrize("switch", ["A", "B"])
def test_a_late_toll_update_joins_its_retained_story(
    switch: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "LATE_51", switch)
    decisions = cluster_rows(_chiapas(), shipped_entities())
    assert len({d.story_id for d in decisions}) == 1  # on main: the update opens a story


def _story_of(size: int) -> Clusterer:
    clusterer = Clusterer()
    for n in range(size):
        clusterer.add(f"i{n}", "st", CUES, n * HOUR)
    return clusterer


@pytest.mark.parametrize(("switch", "size"), [("A", 1), ("A", 4), ("B", YOUNG_SIZE + 1)])
def test_a_retained_story_stays_a_candidate_until_memory_forgets_it(
    switch: str, size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "LATE_51", switch)
    clusterer = _story_of(size)
    last = (size - 1) * HOUR
    window = clusterer.window_s
    found = clusterer._candidates(frozenset(CUES), last + 2 * window)
    assert [s.story_id for s in found] == ["st"]
    assert clusterer._candidates(frozenset(CUES), last + RETAIN_WINDOWS * window + HOUR) == []


def test_b_keeps_the_window_of_a_story_of_few_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "LATE_51", "B")
    clusterer = _story_of(YOUNG_SIZE)
    assert clusterer._candidates(frozenset(CUES), 2 * clusterer.window_s) == []


def test_main_keeps_one_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "LATE_51", "")
    clusterer = _story_of(4)
    assert clusterer._candidates(frozenset(CUES), 2 * clusterer.window_s) == []
