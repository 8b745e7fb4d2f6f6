"""Merge rules of one flight record (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from wirewatch_flights.merge import Observation, merge, same_flight
from wirewatch_flights.model import Flight, Status


def _obs(
    n: int,
    *,
    people: int | None = None,
    status: Status = "completed",
    when: date | None = date(2025, 3, 16),
    stated: bool = True,
    origin: str | None = "US",
    operator: str | None = None,
) -> Observation:
    flight = Flight(origin, "SV", people, status, when, stated, operator)
    return Observation(f"item-{n}", datetime(2025, 3, 10 + n, tzinfo=UTC), flight)


def test_a_value_beats_no_value_and_precise_beats_round() -> None:
    merged = merge([_obs(1, people=None, origin=None), _obs(2, people=300), _obs(3, people=304)])
    assert merged.origin == "US"
    assert merged.people == 304
    assert merged.conflicts == (("people", ("300", "304")),)


def test_conflicting_routes_are_flagged_not_averaged() -> None:
    merged = merge([_obs(1, origin="US"), _obs(2, origin="US"), _obs(3, origin="MX")])
    assert merged.origin == "US"
    assert ("origin", ("US", "MX")) in merged.conflicts


def test_status_follows_the_story_but_never_back_to_planned() -> None:
    assert merge([_obs(1, status="planned"), _obs(2, status="completed")]).status == "completed"
    assert merge([_obs(1, status="completed"), _obs(2, status="planned")]).status == "completed"
    assert merge([_obs(1, status="planned"), _obs(2, status="blocked")]).status == "blocked"


def test_the_landing_date_wins_over_the_announced_one() -> None:
    merged = merge(
        [_obs(1, status="planned", when=date(2025, 3, 1)), _obs(2, when=date(2025, 3, 16))]
    )
    assert (merged.flight_date, merged.flight_date_stated) == (date(2025, 3, 16), True)


def test_without_a_stated_date_the_first_publication_date_stands() -> None:
    merged = merge(
        [_obs(2, when=date(2025, 3, 12), stated=False), _obs(1, when=None, stated=False)]
    )
    assert merged.flight_date_stated is False


@pytest.mark.parametrize(
    ("when", "stated", "expected"),
    [
        (date(2025, 3, 17), True, True),
        (date(2025, 3, 19), True, False),
        (date(2025, 3, 19), False, True),
    ],
)
def test_same_route_within_the_window(when: date, stated: bool, expected: bool) -> None:
    record = merge([_obs(1)])
    flight = _obs(2, when=when, stated=stated).flight
    assert same_flight(flight, None, record, [], window_days=3) is expected


def test_an_announcement_takes_the_first_flight_weeks_later() -> None:
    record = merge([_obs(1, status="planned", when=date(2025, 3, 1))])
    flight = _obs(2, when=date(2025, 3, 16)).flight
    assert not same_flight(flight, None, record, [], window_days=3)
    assert same_flight(flight, None, record, [], window_days=3, planned_window_days=21)


def test_the_same_story_is_the_same_flight_whatever_the_route_says() -> None:
    record = merge([_obs(1)])
    other = Flight("MX", "GT", None, "completed", date(2024, 1, 1), True, None)
    assert same_flight(other, "story-1", record, ["story-1"], window_days=3)


def test_another_story_on_the_same_route_and_day_is_another_flight() -> None:
    record = merge([Observation("item-1", datetime(2025, 3, 16, tzinfo=UTC), _obs(1).flight)])
    flight = _obs(2).flight  # same route, same stated date
    assert same_flight(flight, None, record, [], window_days=3)  # no stories: by route
    assert same_flight(flight, "story-2", record, [], window_days=3)  # the record has none
    assert same_flight(flight, None, record, ["story-1"], window_days=3)  # the item has none
    assert not same_flight(
        flight, "story-2", record, ["story-1"], window_days=3, planned_window_days=21
    )


def test_an_announcement_still_becomes_the_flight_another_story_reports() -> None:
    record = merge([_obs(1, status="planned", when=date(2025, 3, 1))])
    landed = _obs(2, when=date(2025, 3, 16)).flight
    assert same_flight(
        landed, "story-2", record, ["story-1"], window_days=3, planned_window_days=21
    )
    announced_again = _obs(2, status="planned", when=date(2025, 3, 1)).flight
    assert not same_flight(
        announced_again, "story-2", record, ["story-1"], window_days=3, planned_window_days=21
    )
