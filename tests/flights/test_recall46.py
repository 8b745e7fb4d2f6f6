"""Stop 46 (issue 15, recall): a removal told with the running total it brings is that removal,
not a tally (flight_report._running_total). Real studied items, read from their files by id:
the pool's W half (bench/flights_recall46/RULE.md) and flights_fresh44b fl-44114; the tallies
that carry the same words stay out."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict

from tests.flights.support import data_item


@pytest.mark.parametrize(
    ("stem", "item_id", "origin", "destination", "people"),
    [
        # "EE. UU. regresa a Cuba a 89 migrantes irregulares; suman seis vuelos de repatriación
        # en lo que va de año"
        ("flights_fresh44b", "fl-44114", "US", "CU", 89),
        # "EEUU repatria 96 dominicanos; suman 1,503 en lo que va de 2025"
        ("classify_pool_afternoon_es", "pool-afes-0030", "US", "DO", 96),
        # "Llegan a la República Dominicana otros 93 deportados ...; se eleva a mil 244 ..."
        ("classify_pool_compline_es", "pool-cpes-0017", "US", "DO", 93),
        # "Cuba supera los 1,500 migrantes repatriados en 2025 tras nueva deportación desde EE.UU."
        ("stories_fresh", "st-3026", "US", "CU", 139),
        # "Honduras recibió el martes 11 de febrero de 163 migrantes ... y con ellos se eleva a
        # más de 2.700 el número de repatriades"
        ("stories_new", "st-1051", "US", "HN", 163),
    ],
)
def test_a_removal_with_its_running_total_is_a_record(
    stem: str, item_id: str, origin: str, destination: str, people: int
) -> None:
    flight = predict(data_item(stem, item_id))
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == (origin, destination, people)
    assert flight.status == "completed"


def test_the_studied_label_agrees() -> None:
    assert data_item("flights_fresh44b", "fl-44114")["flight"] is not None


@pytest.mark.parametrize(
    ("stem", "item_id"),
    [
        # "Migración: El Salvador suma 162 vuelos con deportados desde EE. UU." (a tally)
        ("flights_check", "fl-4027"),
        # "Cuba acoge a más de 2600 migrantes ilegales en lo que va del 2023" (a tally)
        ("flights_nightfall", "fl-19038"),
        # "EE.UU. devuelve 60 migrantes irregulares a Cuba y son 5.056 desde varios países en 2023"
        ("flights_ridgeline", "fl-40001"),
    ],
)
def test_a_tally_with_the_same_words_stays_out(stem: str, item_id: str) -> None:
    obj = data_item(stem, item_id)
    assert obj["flight"] is None
    assert predict(obj) is None
