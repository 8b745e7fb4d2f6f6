"""Stop 47 (issue 15, recall): a flight of migrants arriving, told with no removal word, is a
flight record (flight_report._arriving_flight). Real studied items, read from their files by id
(bench/flights_round47/RULE.md, candidate B: the stories and classify items labelled
repatriation-flights that main rejected); the labelled flights items that tell a return with a
head count only (travellers, an evacuation) stay out."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict

from tests.flights.support import data_item


@pytest.mark.parametrize(
    ("stem", "item_id", "origin", "destination"),
    [
        # "Regresan a Corea del Sur los 316 trabajadores detenidos en redada migratoria en EE.UU."
        ("stories_unseen", "st-4047", "US", "KR"),
        # "Surcoreanos detenidos en redada migratoria en EEUU llegan a su país"
        ("stories_unseen", "st-4048", "US", "KR"),
        # "Charter flight with detained Koreans departs U.S., lands in Seoul"
        ("stories_unseen", "st-4044", "US", "KR"),
        # "México retorna a Honduras a 219 integrantes de la caravana migrante" (en dos vuelos)
        ("classify_pool_sext_es", "pool-sxes-0034", "MX", "HN"),
        # "US military planes carrying around 100 undocumented migrant lands to India"
        ("classify_pool_lumen_en", "pool-lum-en-0001", "US", "IN"),
        # "First migrant return to France ..." (put on a flight to France, the Home Office said)
        ("stories_unseen", "st-4051", "GB", "FR"),
    ],
)
def test_a_flight_of_migrants_arriving_is_a_record(
    stem: str, item_id: str, origin: str, destination: str
) -> None:
    obj = data_item(stem, item_id)
    assert "repatriation-flights" in obj["labels"]
    flight = predict(obj)
    assert flight is not None
    assert (flight.origin, flight.destination) == (origin, destination)
    assert flight.status == "completed"


@pytest.mark.parametrize(
    ("stem", "item_id"),
    [
        # "172 Mongolians return from South Korea": travellers
        ("flights_midday", "fl-9972"),
        # "19 Malayalis among 367 who arrived in Delhi from Sudan in Operation Kaveri" (evacuated)
        ("flights_dawn", "fl-9007"),
        # "230 arrive from India" (stranded travellers)
        ("flights_fresh44", "fl-44011"),
    ],
)
def test_an_arrival_with_a_head_count_only_stays_out(stem: str, item_id: str) -> None:
    obj = data_item(stem, item_id)
    assert obj["flight"] is None
    assert predict(obj) is None
