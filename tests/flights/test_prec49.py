"""Stop 49 (issue 15, precision): a headline tally over a span of time and own people flown home by
their own state are not flight records (not_a_record._span_tally, the homecoming veto's
OWN_STATE_FLIGHT; bench/flights_prec49/RULE.md, candidates A and C, shipped as AC). Real studied
items, read from their files by id; a first removal dated against a span and a removal told as a
repatriation stay records."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, predict

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # A: "Kuwait deports 700 Filipinos in three months, averaging seven a day"
        ("sundown", "fl-29015"),
        # A: "2,087 citizens returned to Uzbekistan from Russia over a week"
        ("ridgeline", "fl-40026"),
        # A: "Casi 10 mil 500 migrantes han sido deportados por el puesto fronterizo El Ceibo en
        # Petén en los últimos 39 días"
        ("fresh44b", "fl-44110"),
        # A: "ICE has flown more than 450 migrants to the interior of Mexico since December"
        ("brazier", "fl-36029"),
        # C: "A special aircraft will be departing from Sri Lanka to repatriate them"
        ("fresh47b", "fl-47312"),
        # C: "Mongolian nationals who submitted their request to return home from South Korea"
        ("fresh47", "fl-47235"),
        # C: "repatriarán a los colombianos que se encuentran en Israel y quieran volver"
        ("fresh44", "fl-44018"),
        # C: "este vuelo de carácter humanitario" fetching European citizens from Bolivia
        ("daybreak", "fl-30011"),
    ],
)
def test_tallies_and_own_people_flown_home_are_no_flight_record(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is None
    assert predict(obj) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "Germany deports 28 Afghans for first time since 2021 Taliban takeover": one removal
        # dated against a span
        ("dev", "fl-0061"),
        # "Arriban a Maiquetía 207 venezolanos repatriados desde México": a removal told as a
        # repatriation
        ("dev", "fl-0004"),
    ],
)
def test_a_first_removal_and_repatriated_deportees_stay_records(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is not None
    assert predict(obj) is not None
