"""A toll that comes late to a story that told none opens its own story (stop 53, second round,
issue 13; bench/stories_round53b/RULE.md). Deaths are told within their event's first day: a
report of deaths more than YOUNG_S after a story's first report, into a story none of whose sampled
reports gave a toll, is another event of the same place or actor. Rows quoted verbatim from the
labelled files (source, date and link in each row): night's seizure of a border park (en, es) and
the drownings near it two days on (en), which main merged (25 wrong pairs)."""

from __future__ import annotations

import pytest
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.offline import cluster_rows
from wirewatch_stories.scoring import EVENT_FACTOR, YOUNG_S

from tests.stories.support import labelled_rows, shipped_entities

HOUR = 3600.0
SEIZURE = "2024-01-10-texas-seizes-shelby-park-eagle-pass"
DROWNINGS = "2024-01-12-woman-two-children-drown-eagle-pass"
CUES = ("w:borde", "w:park", "x:eagle", "p:eagle pass", "r:US-TX")


def _no_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Main's code before the guard: no toll is ever late."""
    monkeypatch.setattr(Clusterer, "_late_toll", lambda *_: False)


def _night() -> tuple[set[str], set[str]]:
    rows = [r for r in labelled_rows("night") if r["story"] in (SEIZURE, DROWNINGS)]
    assert {r["story"] for r in rows} == {SEIZURE, DROWNINGS} and len(rows) == 10
    ids = [d.story_id for d in cluster_rows(rows, shipped_entities())]
    seizure = {ids[n] for n, r in enumerate(rows) if r["story"] == SEIZURE}
    drownings = {ids[n] for n, r in enumerate(rows) if r["story"] == DROWNINGS}
    return seizure, drownings


def test_drownings_days_after_a_park_seized_are_another_story() -> None:
    seizure, drownings = _night()
    assert not seizure & drownings  # on main: one story holds both (25 wrong pairs)
    assert len(seizure) == 1 and len(drownings) == 1


def test_without_the_guard_they_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_guard(monkeypatch)
    seizure, drownings = _night()
    assert seizure & drownings


def _story(times: list[float], toll: bool = False) -> Clusterer:
    clusterer = Clusterer()
    for n, t in enumerate(times):
        clusterer.add(f"i{n}", "st", CUES + (("e:death",) if toll else ()), t)
    return clusterer


def test_a_late_toll_into_a_story_that_told_none() -> None:
    clusterer = _story([0.0, HOUR, 2 * HOUR])
    story = clusterer._stories["st"]
    late = YOUNG_S + 3 * HOUR
    toll = clusterer._scorer(frozenset((*CUES, "e:death")), late)
    assert clusterer._late_toll(toll, story, late)
    plain = clusterer._scorer(frozenset(CUES), late)
    assert not clusterer._late_toll(plain, story, late)  # no toll: nothing changes


def test_a_toll_within_the_first_day_or_into_a_story_of_deaths_is_kept() -> None:
    item = frozenset((*CUES, "e:death"))
    young = _story([0.0, HOUR])
    assert not young._late_toll(young._scorer(item, 20 * HOUR), young._stories["st"], 20 * HOUR)
    deaths = _story([0.0, HOUR], toll=True)
    late = YOUNG_S + 3 * HOUR
    assert not deaths._late_toll(deaths._scorer(item, late), deaths._stories["st"], late)


def test_a_late_toll_scores_the_story_at_half(monkeypatch: pytest.MonkeyPatch) -> None:
    item = frozenset((*CUES, "w:drown", "e:death"))
    late = YOUNG_S + 3 * HOUR
    mine = _story([0.0, HOUR, 2 * HOUR]).decide("x", item, late).score
    _no_guard(monkeypatch)
    main = _story([0.0, HOUR, 2 * HOUR]).decide("x", item, late).score
    assert main > 0 and mine == pytest.approx(main * EVENT_FACTOR)
