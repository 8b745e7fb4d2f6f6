"""Stop 51 (issue 15, precision; bench/flights_round51/RULE.md, candidates V, N, A): own people
freed or rescued as victims and flown home, a headline on what removals cost, and a carrier's
business are no flight records. Real studied items where the studied sets hold the class (read
from their files by id); hand-written sentences of the class where they hold none (V: no studied
item is own citizens freed from a scam centre). The true reports beside each class stay records."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, predict
from wirewatch_flights.extract import extract

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


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Indonesia repatriates 554 citizens freed from Myanmar scam centres",
            "The 554 Indonesians, who had been working in online scam compounds in Myawaddy on "
            "the Thai border, were flown home from Bangkok on two chartered flights on Tuesday.",
        ),
        (
            "Second flight brings 260 Ethiopians freed from Myanmar scam hubs",
            "The Ethiopians, who were trafficked to Myawaddy and freed last month, were flown "
            "from Bangkok to Addis Ababa on Wednesday.",
        ),
        (
            "Llegan a Bogotá 40 colombianos víctimas de trata en Myanmar",
            "Los 40 connacionales, liberados de centros de estafa en la frontera con Tailandia, "
            "llegaron en un vuelo desde Bangkok este martes.",
        ),
    ],
)
def test_own_people_freed_as_victims_and_flown_home_are_no_record(title: str, summary: str) -> None:
    assert extract(title, summary, None) is None


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # removed: a deportation word
        (
            "Myanmar deports 200 Indonesians freed from scam centres",
            "The 200 Indonesians were flown from Yangon to Jakarta on Tuesday.",
        ),
        # held: "detained" makes them migrants removed (docs/flights.md, own citizens)
        (
            "Second flight brings 260 detained Ethiopians freed from Myanmar scam hubs",
            "The Ethiopians, who were trafficked to Myawaddy and freed last month, were flown "
            "from Bangkok to Addis Ababa on Wednesday.",
        ),
    ],
)
def test_victims_removed_or_held_stay_records(title: str, summary: str) -> None:
    assert extract(title, summary, None) is not None
