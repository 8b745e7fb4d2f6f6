"""Extraction on the tune part of the development set stays where tuning left it
(a regression guard; the figures that count are the held-out ones in docs/flights.md)."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import score

from tests.flights.split import DATA, load

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

FLOORS = {"destination": 0.88, "status": 0.87, "origin": 0.85, "people": 0.87}


def test_tune_part_figures() -> None:
    scores = score(load("tune"))
    assert scores.precision() >= 0.97
    assert scores.recall() >= 0.91
    for field, floor in FLOORS.items():
        assert scores.accuracy(field) >= floor, (field, scores.accuracy(field))
