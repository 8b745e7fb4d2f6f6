"""Stop 51 (issue 15, precision; bench/flights_round51/RULE.md, candidates N and A shipped): a
headline on what removals cost and a carrier's business are no flight records. Real studied items,
read from their files by id; the true reports beside each class stay records. V (own people freed
as victims) is not shipped: no studied item holds the class (its diff: bench/flights_round51).
"""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, predict

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # N: "Londres gastó más de 14.000 euros en cada deportación de simpapeles"
        ("fresh49", "fl-49237"),
        # N: "Trump's military deportation flights cost more, carry fewer migrants than charters"
        ("fresh49", "fl-49244"),
        # A: "Avelo Ends ICE Deportation Flights, Closing Mesa Base After Backlash"
        ("fresh44", "fl-44004"),
    ],
)
def test_a_cost_or_a_carriers_business_is_no_flight_record(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is None
    assert predict(obj) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "Delgado por expulsión de migrantes irregulares": "por" before a removal is no unit cost
        ("dev", "fl-0202"),
        # "Filmed deportation flight took just 47 migrants to Albania at a cost of £1million"
        ("dev", "fl-0286"),
        # "Turkish Airlines pilot refuses to take-off in deportation protest": a refusal, one flight
        ("fresh47", "fl-47225"),
        # "INM repatria a más de 100 hondureños rescatados en Tabasco": rescued migrants, removed
        ("new", "fl-3049"),
    ],
)
def test_removals_beside_the_classes_stay_records(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is not None
    assert predict(obj) is not None
