"""The never-seen flight sets of 2026-12-03 and 04 (flights_new, flights_check,
flights_unseen, flights_fresh, flights_dusk, flights_night, flights_dawn, flights_late,
flights_sunrise, flights_morning, flights_forenoon, flights_midday, flights_friday,
flights_saturday, flights_afternoon, flights_evening, flights_twilight, flights_nightfall, and the
judge sets flights_tideline, flights_lodestar, flights_firelight, flights_brazier,
flights_tallow, flights_hearth and flights_ridgeline, flights_quarry of stop 41, and
flights_fresh44 and flights_fresh44b of stop 44, the sealed flights_fresh45 of stop 45,
flights_fresh46 of stop 46, flights_fresh47 and flights_fresh47b of stop 47, flights_fresh48 and
flights_fresh48b of stop 48, flights_fresh49 and flights_fresh49b of stop 49, flights_fresh50 and
flights_fresh50b of stop 50, flights_fresh51 and flights_fresh51b of stop 51, flights_fresh52 and
flights_fresh52b of stop 52, flights_fresh53 of stop 53, flights_fresh54 of stop 54; see
tests/data/README.md) stay well formed and share no page with any other flights or stories set."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from wirewatch_flights.training import JUDGES

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
DEV_SETS = ("flights_dev.jsonl", "stories_dev.jsonl")
"""The development sets every never-seen set was checked against first."""
GATHERED_IN_PARALLEL = {
    frozenset({"flights_new.jsonl", "stories_fresh.jsonl"}),
    frozenset({"flights_night.jsonl", "stories_noon.jsonl"}),
}
"""Sets gathered at the same time by two sessions, each checked against what was stored
before it: the same page may be in both."""


@dataclass(frozen=True)
class FlightSet:
    name: str
    min_items: int
    min_reports: int
    all_statuses: bool


SETS = [
    FlightSet("flights_new.jsonl", 112, 81, all_statuses=True),
    FlightSet("flights_check.jsonl", 37, 27, all_statuses=False),
    FlightSet("flights_unseen.jsonl", 54, 40, all_statuses=True),
    FlightSet("flights_fresh.jsonl", 54, 39, all_statuses=True),
    FlightSet("flights_dusk.jsonl", 60, 42, all_statuses=True),
    FlightSet("flights_night.jsonl", 51, 33, all_statuses=True),
    FlightSet("flights_dawn.jsonl", 46, 24, all_statuses=False),
    FlightSet("flights_late.jsonl", 48, 27, all_statuses=True),
    FlightSet("flights_sunrise.jsonl", 42, 25, all_statuses=True),
    FlightSet("flights_morning.jsonl", 40, 25, all_statuses=True),
    FlightSet("flights_forenoon.jsonl", 10, 6, all_statuses=False),
    FlightSet("flights_midday.jsonl", 21, 9, all_statuses=False),
    FlightSet("flights_friday.jsonl", 40, 21, all_statuses=True),
    FlightSet("flights_saturday.jsonl", 28, 8, all_statuses=False),
    FlightSet("flights_afternoon.jsonl", 59, 34, all_statuses=True),
    FlightSet("flights_evening.jsonl", 27, 13, all_statuses=False),
    FlightSet("flights_twilight.jsonl", 50, 27, all_statuses=True),
    FlightSet("flights_nightfall.jsonl", 40, 20, all_statuses=True),
    FlightSet("flights_tideline.jsonl", 48, 24, all_statuses=True),
    FlightSet("flights_lodestar.jsonl", 36, 20, all_statuses=True),
    FlightSet("flights_firelight.jsonl", 44, 26, all_statuses=True),
    FlightSet("flights_brazier.jsonl", 40, 17, all_statuses=True),
    FlightSet("flights_tallow.jsonl", 49, 22, all_statuses=True),
    FlightSet("flights_hearth.jsonl", 53, 24, all_statuses=True),
    FlightSet("flights_ridgeline.jsonl", 86, 13, all_statuses=False),
    FlightSet("flights_quarry.jsonl", 30, 10, all_statuses=False),
    # stop 44's two small never-seen sets; not in test_set_is_balanced below: 61 % and 57 %
    # Spanish, over the dev sets' 35-50 % bound (gathered where the new Spanish pages were)
    FlightSet("flights_fresh44.jsonl", 33, 16, all_statuses=False),
    FlightSet("flights_fresh44b.jsonl", 14, 6, all_statuses=False),
    # stop 45's sealed set (labelled blind, not yet measured): its counts, no floors yet
    FlightSet("flights_fresh45.jsonl", 42, 21, all_statuses=True),
    # stop 46's sealed set (labelled blind, not yet measured): its counts, no floors yet
    FlightSet("flights_fresh46.jsonl", 44, 24, all_statuses=True),
    # stop 47's sealed set (labelled blind, not yet measured): its counts, no floors yet
    FlightSet("flights_fresh47.jsonl", 44, 24, all_statuses=True),
    # stop 47's second sealed set (labelled blind): its counts; no blocked report was found new
    FlightSet("flights_fresh47b.jsonl", 32, 15, all_statuses=False),
    # stop 48's sealed set (labelled blind, not yet measured): its counts, all three statuses
    FlightSet("flights_fresh48.jsonl", 46, 23, all_statuses=True),
    # stop 48's second sealed set (labelled blind, not yet measured): its counts, all three statuses
    FlightSet("flights_fresh48b.jsonl", 45, 23, all_statuses=True),
    # stop 49's sealed set (labelled blind, not yet measured): its counts; no blocked report was
    # found new, so not all three statuses (one planned)
    FlightSet("flights_fresh49.jsonl", 46, 23, all_statuses=False),
    # stop 49's second sealed set (labelled blind, not yet measured): its counts, all three
    # statuses
    FlightSet("flights_fresh49b.jsonl", 45, 23, all_statuses=True),
    # stop 50's sealed set (labelled blind, not yet measured): its counts; few reports were found
    # new (9), none blocked, so not all three statuses (two planned)
    FlightSet("flights_fresh50.jsonl", 32, 9, all_statuses=False),
    # stop 50's second sealed set (labelled blind, not yet measured): its counts, all three
    # statuses; small (nearly every stored page was already held)
    FlightSet("flights_fresh50b.jsonl", 21, 6, all_statuses=True),
    # stop 51's sealed set (labelled blind, not yet measured): its counts, all three statuses (one
    # planned, one blocked)
    FlightSet("flights_fresh51.jsonl", 45, 19, all_statuses=True),
    # stop 51's second sealed set (labelled blind, not yet measured): its counts; small and all
    # reports completed (nearly every stored page was already held), so not all three statuses
    FlightSet("flights_fresh51b.jsonl", 27, 7, all_statuses=False),
    # stop 52's sealed set (labelled blind, not yet measured): its counts; few reports were found
    # new (14: 13 completed, 1 planned, no blocked), so not all three statuses
    FlightSet("flights_fresh52.jsonl", 39, 14, all_statuses=False),
    # stop 52's second sealed set (labelled blind, not yet measured): its counts; very small (nearly
    # every stored page was already held), three reports (one completed, two planned, no blocked)
    FlightSet("flights_fresh52b.jsonl", 19, 3, all_statuses=False),
    # stop 53's sealed set (labelled blind, not yet measured): its counts; few reports were found
    # new (10: 8 completed, 2 planned, no blocked), so not all three statuses
    FlightSet("flights_fresh53.jsonl", 43, 10, all_statuses=False),
    # stop 54's sealed set (labelled blind, not yet measured): its counts; 13 reports were found
    # new (12 completed, 1 planned, no blocked), so not all three statuses
    FlightSet("flights_fresh54.jsonl", 40, 13, all_statuses=False),
]
SEALED = tuple(sorted(name for name in JUDGES if name.startswith("flights_fresh")))
"""The sealed never-seen sets: judges that no status-model training may read (the fresh ones of
``training.JUDGES``, where a new judge is added once)."""


def _other_sets(name: str) -> list[str]:
    """Every other flights and stories set this one must share no page or id with."""
    return sorted(
        path.name
        for pattern in ("flights_*.jsonl", "stories_*.jsonl")
        for path in DATA.glob(pattern)
        if path.name != name and frozenset({name, path.name}) not in GATHERED_IN_PARALLEL
    )


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
    others = _other_sets(flight_set.name)
    assert len(others) >= 20 and set(DEV_SETS) <= set(others)
    for name in others:
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
        ("flights_midday.jsonl", 12),
        ("flights_friday.jsonl", 19),
        ("flights_saturday.jsonl", 20),
        ("flights_afternoon.jsonl", 25),
        ("flights_evening.jsonl", 14),
        ("flights_twilight.jsonl", 23),
        ("flights_nightfall.jsonl", 20),
        ("flights_tideline.jsonl", 24),
        ("flights_lodestar.jsonl", 16),
        ("flights_firelight.jsonl", 18),
        ("flights_brazier.jsonl", 23),
        ("flights_tallow.jsonl", 27),
        ("flights_hearth.jsonl", 29),
        ("flights_ridgeline.jsonl", 73),
        ("flights_quarry.jsonl", 20),
        ("flights_fresh46.jsonl", 20),
        ("flights_fresh47.jsonl", 20),
        ("flights_fresh47b.jsonl", 17),
        ("flights_fresh48.jsonl", 23),
        ("flights_fresh48b.jsonl", 22),
        ("flights_fresh49.jsonl", 23),
        ("flights_fresh49b.jsonl", 22),
        ("flights_fresh50.jsonl", 23),
        ("flights_fresh50b.jsonl", 15),
        ("flights_fresh51.jsonl", 26),
        ("flights_fresh51b.jsonl", 20),
        ("flights_fresh52.jsonl", 25),
        ("flights_fresh52b.jsonl", 16),
        ("flights_fresh53.jsonl", 33),
        ("flights_fresh54.jsonl", 27),
    ],
)
def test_set_is_balanced(name: str, negatives: int) -> None:
    items = _load(DATA / name)
    reports = [i for i in items if i["flight"] is not None]
    assert len(items) - len(reports) >= negatives
    spanish = sum(i["lang"] == "es" for i in items) / len(items)
    assert SPANISH_SHARE[0] <= spanish <= SPANISH_SHARE[1]


@pytest.mark.parametrize("name", SEALED)
def test_sealed_set_is_never_studied(name: str) -> None:
    """A sealed set with honest cues is still left out of the status model's studied files."""
    from wirewatch_flights.training import studied_files

    assert (DATA / name).exists()
    assert studied_files(DATA, {name: {}, "flights_dev.jsonl": {}}) == [DATA / "flights_dev.jsonl"]
