"""Stop 52 (issue 15, precision; bench/flights_round52/RULE.md, candidates V and B): own people
freed or rescued as victims and flown home, and a tally of people received at an airport over a
span of time, are no flight records. Real studied items, read from their files by id; the true
reports beside each class stay records."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, predict
from wirewatch_flights.extract import extract

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # V: "84 Indonesians freed from scam centers in Myanmar arrive home"
        ("fresh50", "fl-50203"),
        # V: "DFA repatriates 176 Filipinos rescued from Myanmar scam hubs" ("illegal scam centers")
        ("fresh50", "fl-50215"),
        # B: "Haitians deported to the DR" ("over the past two months ... at the ... Airport")
        ("ashfall", "fl-33434"),
        # B: airport refusals that "se triplicaron en los últimos cinco años"
        ("ridgeline", "fl-40007"),
        # B: "Desde el 20 de febrero hasta el 15 de julio de 2025 ... al Aeropuerto ..."
        ("twilight", "fl-18031"),
    ],
)
def test_victims_flown_home_or_an_airport_tally_is_no_flight_record(
    name: str, item_id: str
) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is None
    assert predict(obj) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "IAF airlifts 197 Indians from Thailand after rescue": "detained ... after illegally
        # crossing", "lured": own nationals held, a removal
        ("fresh50", "fl-50211"),
        # "India uses military flights to repatriate nationals from Myanmar cyber scam": detained
        ("fresh50", "fl-50230"),
        # "INM repatria a más de 100 hondureños rescatados en Tabasco": rescued migrants, removed
        ("new", "fl-3049"),
        # "Estados Unidos repatria primer grupo de 110 dominicanos de este año": a first group at
        # the airport, not a tally
        ("check", "fl-4022"),
    ],
)
def test_removals_beside_the_classes_stay_records(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is not None
    assert predict(obj) is not None


@pytest.mark.parametrize(
    ("title", "summary", "record"),
    [
        # V in Spanish (illustration: no studied Spanish item holds the class)
        (
            "Llegan a Bogotá 40 colombianos víctimas de trata en Myanmar",
            "Los 40 connacionales, liberados de centros de estafa en la frontera con Tailandia, "
            "llegaron en un vuelo desde Bangkok este martes.",
            False,
        ),
        # removed: a deportation word
        (
            "Myanmar deports 200 Indonesians freed from scam centres",
            "The 200 Indonesians were flown from Yangon to Jakarta on Tuesday.",
            True,
        ),
        # held: "detained" makes them migrants removed (docs/flights.md, own citizens)
        (
            "Second flight brings 260 detained Ethiopians freed from Myanmar scam hubs",
            "The Ethiopians, who were trafficked to Myawaddy and freed last month, were flown "
            "from Bangkok to Addis Ababa on Wednesday.",
            True,
        ),
    ],
)
def test_victims_freed_by_hand(title: str, summary: str, record: bool) -> None:
    assert (extract(title, summary, None) is not None) is record
