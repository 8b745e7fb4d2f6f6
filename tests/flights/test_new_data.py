"""The never-seen flight sets of 2026-12-03 and 04 (flights_new, flights_check,
flights_unseen, flights_fresh, flights_dusk, flights_night, flights_dawn, flights_late,
flights_sunrise, flights_morning; see tests/data/README.md; flights_forenoon, see
docs/flights.md) stay well formed and apart from every set gathered before each."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.test_events_data import (
    FLIGHT_ITEM_FIELDS,
    SPANISH_SHARE,
    STATUSES,
    _check_common,
)
from tests.test_events_data import (
    test_flight_items_are_well_formed as check_flight_items,
)

DATA = Path(__file__).resolve().parents[1] / "data"
EARLIER = ("flights_dev.jsonl", "stories_dev.jsonl", "stories_new.jsonl", "stories_check.jsonl")


@dataclass(frozen=True)
class FlightSet:
    name: str
    apart_from: tuple[str, ...]
    """The sets gathered before it: no shared link or id."""
    min_items: int
    min_reports: int
    all_statuses: bool


SETS = [
    FlightSet("flights_new.jsonl", EARLIER, 112, 81, all_statuses=True),
    FlightSet(
        "flights_check.jsonl",
        (*EARLIER, "flights_new.jsonl", "stories_fresh.jsonl"),
        37,
        27,
        all_statuses=False,
    ),
    FlightSet(
        "flights_unseen.jsonl",
        (
            *EARLIER,
            "flights_new.jsonl",
            "flights_check.jsonl",
            "stories_fresh.jsonl",
            "stories_unseen.jsonl",
        ),
        54,
        40,
        all_statuses=True,
    ),
    FlightSet(
        "flights_fresh.jsonl",
        (
            *EARLIER,
            "flights_new.jsonl",
            "flights_check.jsonl",
            "flights_unseen.jsonl",
            "stories_fresh.jsonl",
            "stories_unseen.jsonl",
            "stories_late.jsonl",
        ),
        54,
        39,
        all_statuses=True,
    ),
    FlightSet(
        "flights_dusk.jsonl",
        (
            *EARLIER,
            "flights_new.jsonl",
            "flights_check.jsonl",
            "flights_unseen.jsonl",
            "flights_fresh.jsonl",
            "stories_fresh.jsonl",
            "stories_unseen.jsonl",
            "stories_late.jsonl",
            "stories_night.jsonl",
        ),
        60,
        42,
        all_statuses=True,
    ),
    FlightSet(
        "flights_night.jsonl",
        (
            *EARLIER,
            "flights_new.jsonl",
            "flights_check.jsonl",
            "flights_unseen.jsonl",
            "flights_fresh.jsonl",
            "flights_dusk.jsonl",
            "stories_fresh.jsonl",
            "stories_unseen.jsonl",
            "stories_late.jsonl",
            "stories_night.jsonl",
            "stories_dawn.jsonl",
        ),
        51,
        33,
        all_statuses=True,
    ),
    FlightSet(
        "flights_dawn.jsonl",
        (
            *EARLIER,
            "flights_new.jsonl",
            "flights_check.jsonl",
            "flights_unseen.jsonl",
            "flights_fresh.jsonl",
            "flights_dusk.jsonl",
            "flights_night.jsonl",
            "stories_fresh.jsonl",
            "stories_unseen.jsonl",
            "stories_late.jsonl",
            "stories_night.jsonl",
            "stories_dawn.jsonl",
        ),
        46,
        24,
        all_statuses=False,
    ),
    FlightSet(
        "flights_late.jsonl",
        (
            *EARLIER,
            "flights_new.jsonl",
            "flights_check.jsonl",
            "flights_unseen.jsonl",
            "flights_fresh.jsonl",
            "flights_dusk.jsonl",
            "flights_night.jsonl",
            "flights_dawn.jsonl",
            "stories_fresh.jsonl",
            "stories_unseen.jsonl",
            "stories_late.jsonl",
            "stories_night.jsonl",
            "stories_dawn.jsonl",
            "stories_noon.jsonl",
        ),
        48,
        27,
        all_statuses=True,
    ),
    FlightSet(
        "flights_sunrise.jsonl",
        (
            *EARLIER,
            "flights_new.jsonl",
            "flights_check.jsonl",
            "flights_unseen.jsonl",
            "flights_fresh.jsonl",
            "flights_dusk.jsonl",
            "flights_night.jsonl",
            "flights_dawn.jsonl",
            "flights_late.jsonl",
            "flights_predawn.jsonl",
            "stories_fresh.jsonl",
            "stories_unseen.jsonl",
            "stories_late.jsonl",
            "stories_night.jsonl",
            "stories_dawn.jsonl",
            "stories_noon.jsonl",
            "stories_predawn.jsonl",
        ),
        42,
        25,
        all_statuses=True,
    ),
    FlightSet(
        "flights_morning.jsonl",
        (
            *EARLIER,
            "flights_new.jsonl",
            "flights_check.jsonl",
            "flights_unseen.jsonl",
            "flights_fresh.jsonl",
            "flights_dusk.jsonl",
            "flights_night.jsonl",
            "flights_dawn.jsonl",
            "flights_late.jsonl",
            "flights_predawn.jsonl",
            "flights_sunrise.jsonl",
            "stories_fresh.jsonl",
            "stories_unseen.jsonl",
            "stories_late.jsonl",
            "stories_night.jsonl",
            "stories_dawn.jsonl",
            "stories_noon.jsonl",
            "stories_predawn.jsonl",
            "stories_sunrise.jsonl",
            "stories_midnight.jsonl",
            "stories_morning.jsonl",
        ),
        40,
        25,
        all_statuses=True,
    ),
    FlightSet(
        "flights_forenoon.jsonl",
        (
            *EARLIER,
            "flights_new.jsonl",
            "flights_check.jsonl",
            "flights_unseen.jsonl",
            "flights_fresh.jsonl",
            "flights_dusk.jsonl",
            "flights_night.jsonl",
            "flights_dawn.jsonl",
            "flights_late.jsonl",
            "flights_predawn.jsonl",
            "flights_sunrise.jsonl",
            "flights_morning.jsonl",
            "stories_fresh.jsonl",
            "stories_unseen.jsonl",
            "stories_late.jsonl",
            "stories_night.jsonl",
            "stories_dawn.jsonl",
            "stories_noon.jsonl",
            "stories_predawn.jsonl",
            "stories_sunrise.jsonl",
            "stories_midnight.jsonl",
            "stories_morning.jsonl",
        ),
        10,
        6,
        all_statuses=False,
    ),
]


def _load(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        pytest.skip(f"{path.name} is missing")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("flight_set", SETS, ids=[s.name for s in SETS])
def test_set_is_well_formed_and_apart(flight_set: FlightSet) -> None:
    items = _load(DATA / flight_set.name)
    check_flight_items(items)
    for item in items:
        assert list(item) == FLIGHT_ITEM_FIELDS, item["id"]
        _check_common(item, "fl-")
    assert [i for i, n in Counter(i["id"] for i in items).items() if n > 1] == []
    assert [i for i, n in Counter(i["link"] for i in items).items() if n > 1] == []
    for name in flight_set.apart_from:
        earlier = _load(DATA / name)
        assert {i["link"] for i in items}.isdisjoint(i["link"] for i in earlier), name
        assert {i["id"] for i in items}.isdisjoint(i["id"] for i in earlier), name
    reports = [i for i in items if i["flight"] is not None]
    assert len(items) >= flight_set.min_items and len(reports) >= flight_set.min_reports
    if flight_set.all_statuses:
        assert set(Counter(i["flight"]["status"] for i in reports)) == STATUSES


@pytest.mark.parametrize(
    ("name", "negatives"),
    [
        ("flights_new.jsonl", 31),
        ("flights_fresh.jsonl", 15),
        ("flights_dusk.jsonl", 18),
        ("flights_night.jsonl", 18),
        ("flights_dawn.jsonl", 20),
        ("flights_late.jsonl", 20),
        ("flights_sunrise.jsonl", 17),
        ("flights_morning.jsonl", 15),
        ("flights_forenoon.jsonl", 4),
    ],
)
def test_set_is_balanced(name: str, negatives: int) -> None:
    items = _load(DATA / name)
    reports = [i for i in items if i["flight"] is not None]
    assert len(items) - len(reports) >= negatives
    spanish = sum(i["lang"] == "es" for i in items) / len(items)
    assert SPANISH_SHARE[0] <= spanish <= SPANISH_SHARE[1]
