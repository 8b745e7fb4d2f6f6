"""Twenty-fourth round (issue 15): precision rules written from the studied sets and dev
halves only; every check half was only counted (docs/measurements/flights.md, stop 27)."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import extract

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # no flight word, no removal word, no sending state: Moroccans going home over land
        ("forenoon", "fl-9911"),
        # "500 bolivianos retorno consulado": a return by bus, no sender named
        ("saturday", "fl-11023"),
        # "Eight repatriation flights bring 1,207 Nepalis home": no removal or migrant word
        ("saturday", "fl-11013"),
        # "Charter flights to deport asylumseekers": no origin, destination, count or day
        ("check", "fl-4018"),
        # "boarding Kabul Evacuation Flight": every flight named is an evacuation
        ("night", "fl-8003"),
    ],
)
def test_not_a_flight_record(name: str, item_id: str) -> None:
    item = labelled_item(name, item_id)
    assert item["flight"] is None
    assert predict(item) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "Kingdom deports 65 Sri Lankan workers": no sender named, but a removal word
        ("midday", "fl-9954"),
        # "Suspenden tres vuelos humanitarios desde Curazao y Aruba": no origin, but migrants
        ("dusk", "fl-7030"),
        # "162 stranded Nigerians in Libya ... flown home": returned from a transit state
        ("evening", "fl-13009"),
        # no origin, destination or head count, but a stated day (a protest at a charter)
        ("late", "fl-9545"),
    ],
)
def test_still_a_flight_record(name: str, item_id: str) -> None:
    item = labelled_item(name, item_id)
    assert item["flight"] is not None
    assert predict(item) is not None


def test_a_removing_agency_keeps_a_flight_home_a_removal() -> None:
    # made-up phrasings: with no migrant word, "flies ... home" is travellers unless an agency
    # that removes people sends them; "Home Office" is no "home"
    assert (
        extract("Repatriation charter flies 50 Albanians home", "It left on Tuesday.", None) is None
    )
    flight = extract(
        "Home Office repatriation charter flies 50 Albanians home", "It left on Tuesday.", None
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("GB", "AL", 50)


def test_a_flight_of_another_kind() -> None:
    assert (
        extract(
            "Two deported Afghans back in Sweden after boarding an evacuation flight",
            "They boarded evacuation flights from Kabul.",
            None,
        )
        is None
    )
