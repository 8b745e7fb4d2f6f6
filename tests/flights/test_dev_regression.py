"""Extraction on the tune part of the development set and on the once never-seen set
(tests/data/flights_new.jsonl, tuned on since its first measurement) stays where tuning
left it (a regression guard; the figures that count are the held-out ones in
docs/flights.md)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from wirewatch_flights.evaluation import Scores, score

from tests.flights.split import DATA, load, nightfall_check_ids, twilight_check_ids

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

NEW = Path(__file__).resolve().parents[1] / "data" / "flights_new.jsonl"
CHECK = NEW.with_name("flights_check.jsonl")
UNSEEN = NEW.with_name("flights_unseen.jsonl")
FRESH = NEW.with_name("flights_fresh.jsonl")
DUSK = NEW.with_name("flights_dusk.jsonl")
NIGHT = NEW.with_name("flights_night.jsonl")
DAWN = NEW.with_name("flights_dawn.jsonl")
LATE = NEW.with_name("flights_late.jsonl")
PREDAWN = NEW.with_name("flights_predawn.jsonl")
SUNRISE = NEW.with_name("flights_sunrise.jsonl")
MORNING = NEW.with_name("flights_morning.jsonl")
FORENOON = NEW.with_name("flights_forenoon.jsonl")

FLOORS = {"destination": 0.93, "status": 0.92, "origin": 0.92, "people": 0.93}
"""A little under the figures reached (the set still grows), so new items do not fail CI."""

NEW_FLOORS = {"destination": 0.97, "status": 0.97, "origin": 0.97, "people": 0.96}
"""Raised in the twenty-fifth round (recall 0.963 -> 0.975, every goal field +0.012 or more);
origin 0.975 since the twenty-sixth round."""


def assert_floors(
    scores: Scores, *, precision: float, recall: float, fields: Mapping[str, float]
) -> None:
    """Precision, recall and each named field's accuracy at or above its floor."""
    assert scores.precision() >= precision
    assert scores.recall() >= recall
    for field, floor in fields.items():
        assert scores.accuracy(field) >= floor, (field, scores.accuracy(field))


def test_tune_part_figures() -> None:
    assert_floors(
        score(load("tune")),
        precision=0.97,
        recall=0.95,
        fields=FLOORS,
    )


def _items(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        pytest.skip(f"{path} is missing")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_new_set_figures() -> None:
    assert_floors(
        score(_items(NEW)),
        precision=0.97,
        recall=0.97,  # 0.975 since the twenty-fifth round
        fields=NEW_FLOORS,
    )


def test_check_set_figures() -> None:
    """The second check (37 items: one item moves a figure by 0.037)."""
    assert_floors(
        score(_items(CHECK)),
        precision=0.98,  # 1.000 since the twenty-fourth round
        recall=0.98,  # 1.000 since the twenty-fifth round, every field too
        fields={
            "destination": 0.98,
            "status": 0.98,
            "origin": 0.98,
            # 0.96 since stop 39: fl-4022's lede "110 hombres y 4 mujeres" now reads as 114 (a
            # lede's breakdown is summed); the label keeps the headline's 110
            "people": 0.96,
        },
    )


def test_unseen_set_figures() -> None:
    """The third never-seen set (54 items), tuned on since its first measurement."""
    assert_floors(
        score(_items(UNSEEN)),
        precision=0.97,
        recall=0.9,
        fields={
            "destination": 0.875,
            "status": 0.875,
            "origin": 0.92,  # 0.925 since the twenty-third round
            "people": 0.9,
        },
    )


def test_fresh_set_figures() -> None:
    """The fourth never-seen set (54 items: one report moves a field by 0.026), tuned on
    since its first measurement."""
    assert_floors(
        score(_items(FRESH)),
        precision=0.97,
        recall=0.94,
        fields={
            "destination": 0.97,  # 0.974 since the twenty-sixth round
            "status": 0.95,
            "origin": 0.94,  # 0.949 since the twenty-sixth round
            "people": 0.92,
        },
    )


def test_dusk_set_figures() -> None:
    """The fifth never-seen set (60 items, 42 reports: one report moves a field by 0.024),
    tuned on since its first measurement (docs/flights.md has the never-seen figures)."""
    assert_floors(
        score(_items(DUSK)),
        precision=0.97,
        recall=0.95,
        fields={
            "destination": 0.9,
            "status": 0.95,
            "origin": 0.95,
            "people": 0.88,
        },
    )


def test_night_set_figures() -> None:
    """The sixth never-seen set (51 items, 33 reports: one report moves a field by 0.030),
    tuned on since its first measurement (docs/flights.md has the never-seen figures)."""
    assert_floors(
        score(_items(NIGHT)),
        precision=0.98,  # 1.000 since the twenty-fourth round
        recall=0.93,
        fields={"destination": 0.93, "status": 0.93, "origin": 0.93, "people": 0.93},
    )


def test_dawn_set_figures() -> None:
    """The seventh never-seen set (46 items, 24 reports, 22 hard negatives: one report moves
    a field by 0.042), tuned on since its first measurement (never-seen figures in
    docs/flights.md)."""
    assert_floors(
        score(_items(DAWN)),
        precision=0.95,
        recall=0.95,
        fields={
            "destination": 0.95,
            "status": 0.95,
            "origin": 0.95,
            "people": 1.0,  # since the twenty-third round
        },
    )


def test_late_set_figures() -> None:
    """The eighth never-seen set (48 items, 27 reports, 21 hard negatives: one report moves
    a field by 0.037), tuned on since its first measurement (never-seen figures in
    docs/flights.md)."""
    assert_floors(
        score(_items(LATE)),
        precision=0.95,
        recall=0.95,
        fields={
            "destination": 0.96,  # 1.000 since the twenty-third round
            "status": 0.96,
            "origin": 0.96,  # 1.000 since the twenty-third round
            "people": 0.88,
        },
    )


def test_predawn_set_figures() -> None:
    """The ninth never-seen set (53 items, 33 reports, 20 hard negatives: one report moves
    a field by 0.030), tuned on since its first measurement (never-seen figures in
    docs/flights.md); its floors sit just under what the ninth round reached, far under
    the goals, because most of its errors were left as single cases."""
    assert_floors(
        score(_items(PREDAWN)),
        precision=0.93,  # 0.938 since the twenty-fifth round
        recall=0.93,  # 0.939 since the twenty-fifth round
        fields={
            "destination": 0.81,
            "status": 0.9,  # 0.909 since the twenty-fifth round
            "origin": 0.84,
            "people": 0.9,  # 0.909 since the twenty-fifth round
        },
    )


def test_sunrise_set_figures() -> None:
    """The tenth never-seen set (42 items, 25 reports, 17 hard negatives: one report moves
    a field by 0.04), tuned on since its first measurement (never-seen figures in
    docs/flights.md); its floors sit just under what the tenth round reached, far under
    the goals: most of what is left wrong is single cases."""
    assert_floors(
        score(_items(SUNRISE)),
        precision=0.94,
        recall=0.95,  # the twenty-third round: 0.960, every goal field +0.04
        fields={
            "destination": 0.92,  # 0.920 since the twenty-fifth round
            "status": 0.92,  # 0.920 since the twenty-fifth round
            "origin": 0.9,
            "people": 0.94,
        },
    )


def test_morning_set_figures() -> None:
    """The eleventh never-seen set (40 items, 25 reports, 15 hard negatives: one report
    moves a field by 0.04), tuned on since its first measurement (never-seen figures in
    docs/flights.md: precision 0.864, recall 0.760); its floors sit just under what the
    twelfth round reached."""
    assert_floors(
        score(_items(MORNING)),
        precision=0.98,
        recall=0.96,  # 0.960 since the twenty-fifth round
        fields={
            "destination": 0.96,  # 0.960 since the twenty-fifth round
            "status": 0.96,  # 0.960 since the twenty-fifth round
            "origin": 0.96,  # 0.960 since the twenty-fifth round
            "people": 0.86,
        },
    )


def test_forenoon_set_figures() -> None:
    """The twelfth never-seen set (10 items, 6 reports: one report moves a field by 0.17),
    tuned on since its first measurement (never-seen figures in docs/flights.md: precision
    0.571, recall 0.667); floors just under the twelfth round's figures."""
    assert_floors(
        score(_items(FORENOON)),
        precision=0.98,  # 1.000 since the twenty-fourth round
        recall=0.65,
        fields={
            "destination": 0.65,
            "status": 0.65,
            "origin": 0.65,
            "people": 0.5,
        },
    )


MIDDAY = NEW.with_name("flights_midday.jsonl")


def test_midday_set_figures() -> None:
    """The thirteenth never-seen set (21 items, 9 reports, 12 hard negatives: one report
    moves a field by 0.11; never-seen figures in docs/flights.md: precision 0.667, recall
    0.889); floors at what the thirteenth round left, precision at the fourteenth's."""
    assert_floors(
        score(_items(MIDDAY)),
        precision=0.98,  # 1.000 since the twenty-third round
        recall=0.98,  # 1.000 since the twenty-fifth round
        fields={
            "destination": 0.98,
            "status": 0.98,
            "origin": 0.88,  # 0.889 since the twenty-fifth round
            "people": 0.88,  # 0.889 since the twenty-fifth round
        },
    )


FRIDAY = NEW.with_name("flights_friday.jsonl")


def test_friday_set_figures() -> None:
    """The fourteenth never-seen set (40 items, 21 reports, 19 hard negatives: one report
    moves a field by 0.048; never-seen figures in docs/flights.md: precision 0.826, recall
    0.905, origin 0.714); floors at what the fourteenth round left."""
    assert_floors(
        score(_items(FRIDAY)),
        precision=0.98,
        recall=0.9,
        fields={
            "destination": 0.85,
            "status": 0.9,
            "origin": 0.95,  # 0.952 since the twenty-third round
            "people": 0.9,
        },
    )


SATURDAY = NEW.with_name("flights_saturday.jsonl")


def test_saturday_set_figures() -> None:
    """The fifteenth never-seen set (28 items, 8 reports: one report moves a field by 0.125),
    tuned on since its first measurement (never-seen precision 0.727); floors at what the
    twenty-fourth round left (precision 0.800 -> 1.000)."""
    assert_floors(
        score(_items(SATURDAY)),
        precision=0.98,
        recall=0.98,
        fields={
            "destination": 0.87,
            "status": 0.98,
            "origin": 0.87,
            "people": 0.75,
        },
    )


TWILIGHT = NEW.with_name("flights_twilight.jsonl")


def test_twilight_set_figures() -> None:
    """The eighteenth never-seen set (50 items, 27 reports, 23 hard negatives: one report
    moves a field by 0.037; never-seen figures in docs/flights.md: precision 0.788, recall
    0.963, people 0.889); floors at what the eighteenth round left on the whole set. Its check
    half (`twilight_check_ids`) was only counted: 24 items, 13 reports."""
    items = _items(TWILIGHT)
    check = twilight_check_ids()
    assert len(check) == 24 and check <= {str(i["id"]) for i in items}
    assert_floors(
        score(items),
        precision=0.92,  # 0.929 since the twenty-seventh round (a war people fled)
        recall=0.96,
        fields={
            "destination": 0.96,
            "status": 0.96,
            "origin": 0.96,
            "people": 0.92,
        },
    )


NIGHTFALL = NEW.with_name("flights_nightfall.jsonl")


def test_nightfall_set_figures() -> None:
    """The nineteenth never-seen set (40 items, 20 reports, 20 hard negatives: one report
    moves a field by 0.050; never-seen figures in docs/flights.md: precision 0.857, recall
    0.900, status 0.700, people 0.750); floors at what the nineteenth round left on the whole
    set. Its check half (`nightfall_check_ids`) was only counted: 21 items, 10 reports."""
    items = _items(NIGHTFALL)
    check = nightfall_check_ids()
    assert len(check) == 21 and check <= {str(i["id"]) for i in items}
    assert_floors(
        score(items),
        precision=0.94,  # 0.947 since the twenty-seventh round ("Till October 13")
        recall=0.90,
        fields={
            "destination": 0.80,
            "status": 0.75,
            "origin": 0.85,
            "people": 0.80,
        },
    )


def test_held_out_part_meets_the_goals() -> None:
    """The held-out part is never tuned on; it guards the issue's goals where they are met
    (precision, recall, destination, origin, people; status is not met, see docs)."""
    assert_floors(
        score(load("heldout")),
        precision=0.96,  # 0.965 since the twenty-fourth round
        recall=0.97,  # 0.974 since the twenty-fifth round (counted only)
        fields={
            "destination": 0.95,  # 0.957 since the twenty-fifth round
            "origin": 0.85,
            "people": 0.85,
        },
    )
