"""Extraction on the tune part of the development set and on the once never-seen sets
(tests/data/flights_*.jsonl, each tuned on since its first measurement) stays where tuning
left it (a regression guard; the figures that count are the held-out ones in
docs/flights.md). One row per set: its floors and, in its note, what the set is and where
its never-seen figures stand."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from wirewatch_flights.evaluation import Scores, score

from tests.flights.split import DATA, load, nightfall_check_ids, twilight_check_ids

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

SETS = Path(__file__).resolve().parents[1] / "data"


def assert_floors(
    scores: Scores, *, precision: float, recall: float, fields: Mapping[str, float]
) -> None:
    """Precision, recall and each named field's accuracy at or above its floor."""
    assert scores.precision() >= precision
    assert scores.recall() >= recall
    for field, floor in fields.items():
        assert scores.accuracy(field) >= floor, (field, scores.accuracy(field))


def fields(destination: float, status: float, origin: float, people: float) -> dict[str, float]:
    return {"destination": destination, "status": status, "origin": origin, "people": people}


@dataclass(frozen=True)
class SetFloors:
    name: str
    """tests/data/flights_<name>.jsonl"""
    precision: float
    recall: float
    fields: Mapping[str, float]
    note: str
    check_half: tuple[Callable[[], frozenset[str]], int] | None = None
    """A half that was only counted: its ids and how many (they must stay in the set)."""


def test_tune_part_figures() -> None:
    assert_floors(
        score(load("tune")),
        precision=0.97,
        recall=0.95,
        # a little under the figures reached (the set still grows), so new items do not fail CI
        fields=fields(destination=0.93, status=0.92, origin=0.92, people=0.93),
    )


SET_FLOORS = [
    SetFloors(
        "new",
        precision=0.97,
        recall=0.97,  # 0.975 since the twenty-fifth round
        # raised in the twenty-fifth round (recall 0.963 -> 0.975, every goal field +0.012 or
        # more); origin 0.975 since the twenty-sixth round
        fields=fields(destination=0.97, status=0.97, origin=0.97, people=0.96),
        note="the first never-seen set",
    ),
    SetFloors(
        "check",
        precision=0.98,  # 1.000 since the twenty-fourth round
        recall=0.98,  # 1.000 since the twenty-fifth round, every field too
        # people 0.96 since stop 39: fl-4022's lede "110 hombres y 4 mujeres" now reads as 114
        # (a lede's breakdown is summed); the label keeps the headline's 110
        fields=fields(destination=0.98, status=0.98, origin=0.98, people=0.96),
        note="the second check (37 items: one item moves a figure by 0.037)",
    ),
    SetFloors(
        "unseen",
        precision=0.97,
        recall=0.9,
        # origin 0.925 since the twenty-third round
        fields=fields(destination=0.875, status=0.875, origin=0.92, people=0.9),
        note="the third never-seen set (54 items)",
    ),
    SetFloors(
        "fresh",
        precision=0.97,
        recall=0.94,
        # destination 0.974 and origin 0.949 since the twenty-sixth round
        fields=fields(destination=0.97, status=0.95, origin=0.94, people=0.92),
        note="the fourth never-seen set (54 items: one report moves a field by 0.026)",
    ),
    SetFloors(
        "dusk",
        precision=0.97,
        recall=0.95,
        fields=fields(destination=0.9, status=0.95, origin=0.95, people=0.88),
        note="the fifth never-seen set (60 items, 42 reports: one report moves a field by 0.024)",
    ),
    SetFloors(
        "night",
        precision=0.98,  # 1.000 since the twenty-fourth round
        recall=0.93,
        fields=fields(destination=0.93, status=0.93, origin=0.93, people=0.93),
        note="the sixth never-seen set (51 items, 33 reports: one report moves a field by 0.030)",
    ),
    SetFloors(
        "dawn",
        precision=0.95,
        recall=0.95,
        # people 1.000 since the twenty-third round
        fields=fields(destination=0.95, status=0.95, origin=0.95, people=1.0),
        note="the seventh never-seen set (46 items, 24 reports, 22 hard negatives: one report"
        " moves a field by 0.042)",
    ),
    SetFloors(
        "late",
        precision=0.95,
        recall=0.95,
        # destination and origin 1.000 since the twenty-third round
        fields=fields(destination=0.96, status=0.96, origin=0.96, people=0.88),
        note="the eighth never-seen set (48 items, 27 reports, 21 hard negatives: one report"
        " moves a field by 0.037)",
    ),
    SetFloors(
        "predawn",
        precision=0.93,  # 0.938 since the twenty-fifth round
        recall=0.93,  # 0.939 since the twenty-fifth round
        # status and people 0.909 since the twenty-fifth round
        fields=fields(destination=0.81, status=0.9, origin=0.84, people=0.9),
        note="the ninth never-seen set (53 items, 33 reports, 20 hard negatives: one report"
        " moves a field by 0.030); floors just under what the ninth round reached, far under the"
        " goals, because most of its errors were left as single cases",
    ),
    SetFloors(
        "sunrise",
        precision=0.94,
        recall=0.95,  # the twenty-third round: 0.960, every goal field +0.04
        # destination and status 0.920 since the twenty-fifth round
        fields=fields(destination=0.92, status=0.92, origin=0.9, people=0.94),
        note="the tenth never-seen set (42 items, 25 reports, 17 hard negatives: one report"
        " moves a field by 0.04); floors just under what the tenth round reached, far under the"
        " goals: most of what is left wrong is single cases",
    ),
    SetFloors(
        "morning",
        precision=0.98,
        recall=0.96,  # 0.960 since the twenty-fifth round
        # destination, status and origin 0.960 since the twenty-fifth round
        fields=fields(destination=0.96, status=0.96, origin=0.96, people=0.86),
        note="the eleventh never-seen set (40 items, 25 reports, 15 hard negatives: one report"
        " moves a field by 0.04; never-seen precision 0.864, recall 0.760); floors just under"
        " what the twelfth round reached",
    ),
    SetFloors(
        "forenoon",
        precision=0.98,  # 1.000 since the twenty-fourth round
        recall=0.65,
        fields=fields(destination=0.65, status=0.65, origin=0.65, people=0.5),
        note="the twelfth never-seen set (10 items, 6 reports: one report moves a field by"
        " 0.17; never-seen precision 0.571, recall 0.667); floors just under the twelfth"
        " round's figures",
    ),
    SetFloors(
        "midday",
        precision=0.98,  # 1.000 since the twenty-third round
        recall=0.98,  # 1.000 since the twenty-fifth round
        # origin and people 0.889 since the twenty-fifth round
        fields=fields(destination=0.98, status=0.98, origin=0.88, people=0.88),
        note="the thirteenth never-seen set (21 items, 9 reports, 12 hard negatives: one report"
        " moves a field by 0.11; never-seen precision 0.667, recall 0.889); floors at what the"
        " thirteenth round left, precision at the fourteenth's",
    ),
    SetFloors(
        "friday",
        precision=0.98,
        recall=0.9,
        # origin 0.952 since the twenty-third round
        fields=fields(destination=0.85, status=0.9, origin=0.95, people=0.9),
        note="the fourteenth never-seen set (40 items, 21 reports, 19 hard negatives: one"
        " report moves a field by 0.048; never-seen precision 0.826, recall 0.905, origin"
        " 0.714); floors at what the fourteenth round left",
    ),
    SetFloors(
        "saturday",
        precision=0.98,
        recall=0.98,
        fields=fields(destination=0.87, status=0.98, origin=0.87, people=0.75),
        note="the fifteenth never-seen set (28 items, 8 reports: one report moves a field by"
        " 0.125; never-seen precision 0.727); floors at what the twenty-fourth round left"
        " (precision 0.800 -> 1.000)",
    ),
    SetFloors(
        "twilight",
        precision=0.92,  # 0.929 since the twenty-seventh round (a war people fled)
        recall=0.96,
        fields=fields(destination=0.96, status=0.96, origin=0.96, people=0.92),
        note="the eighteenth never-seen set (50 items, 27 reports, 23 hard negatives: one report"
        " moves a field by 0.037; never-seen precision 0.788, recall 0.963, people 0.889);"
        " floors at what the eighteenth round left on the whole set",
        check_half=(twilight_check_ids, 24),  # 24 items, 13 reports
    ),
    SetFloors(
        "nightfall",
        precision=0.94,  # 0.947 since the twenty-seventh round ("Till October 13")
        recall=0.90,
        fields=fields(destination=0.80, status=0.75, origin=0.85, people=0.80),
        note="the nineteenth never-seen set (40 items, 20 reports, 20 hard negatives: one report"
        " moves a field by 0.050; never-seen precision 0.857, recall 0.900, status 0.700, people"
        " 0.750); floors at what the nineteenth round left on the whole set",
        check_half=(nightfall_check_ids, 21),  # 21 items, 10 reports
    ),
]


@pytest.mark.parametrize("floors", SET_FLOORS, ids=lambda floors: floors.name)
def test_set_figures(floors: SetFloors) -> None:
    """Each once never-seen set stays at or above its floors (never-seen figures: docs)."""
    path = SETS / f"flights_{floors.name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if floors.check_half is not None:
        check_ids, size = floors.check_half
        check = check_ids()
        assert len(check) == size and check <= {str(i["id"]) for i in items}
    assert_floors(
        score(items), precision=floors.precision, recall=floors.recall, fields=floors.fields
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
