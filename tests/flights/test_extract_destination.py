"""Twenty-fifth round (issue 15): destination and status rules written from the studied sets
and dev halves only; every check half was only counted (docs/measurements/flights.md, stop
27). Each item is a real labelled item of a studied set, read through ``predict``."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import extract

from tests.flights.support import assert_field, labelled_item


@pytest.mark.parametrize(
    ("name", "item_id", "field"),
    [
        # "Ecuador autorizó tres nuevos vuelos ... este sábado": no other status cue
        ("sunrise", "fl-9728", "status"),
        # "esta vez el vuelo no salió de Miami" + "arribó": it left from elsewhere
        ("sunrise", "fl-9719", "status"),
        # "Ethiopia resumes repatriating 70,000 nationals from Saudi Arabia"
        ("new", "fl-3096", "destination"),
        # "Trump Deports First Batch of Nigerians as Ghana Receives 14 ... Deportees"
        ("check", "fl-4031", "destination"),
        # "arribaron al Aeropuerto Internacional de Tapachula" (Guatemalans, MX)
        ("sunrise", "fl-9723", "destination"),
        # "Thailand Deports Dozens of Uyghurs to China": a group without a number
        ("predawn", "fl-9607", "destination"),
        # "Primer grupo de dominicanos del 2019 llegan al país"
        ("check", "fl-4020", "destination"),
        # Ethiopians "trapped" in Saudi Arabia flown home: a Gulf state's removal
        ("morning", "fl-9822", "destination"),
        # "Iraq sends two airplanes to take some migrants from Minsk" ... "took off ... to take
        # 617 Iraqis": migrants fetched, a flight still to come
        ("predawn", "fl-9611", "status"),
        ("predawn", "fl-9611", "people"),
    ],
)
def test_field_takes_its_label(name: str, item_id: str, field: str) -> None:
    obj = labelled_item(name, item_id)
    assert_field(obj, field, obj["flight"][field])


def test_a_group_still_to_come_is_no_flight_yet() -> None:
    """ "set to receive its first batch of deportees": a deal, no record (evening fl-13026)."""
    obj = labelled_item("evening", "fl-13026")
    assert obj["flight"] is None
    assert predict(obj) is None


def test_authorised_flights_give_way_to_an_arrival() -> None:
    flight = extract(
        "Trinidad y Tobago autorizó vuelo de repatriación de 95 venezolanos",
        "Los 95 migrantes venezolanos arribaron al aeropuerto de Maiquetía.",
        None,
    )
    assert flight is not None and flight.status == "completed"


def test_a_negated_departure_alone_still_blocks() -> None:
    flight = extract("El vuelo de deportados no salió de Miami", "", None)
    assert flight is None or flight.status == "blocked"


def test_a_verb_after_a_joined_state_still_counts() -> None:
    flight = extract("Estados Unidos y México deportan a 120 hondureños", "", None)
    assert flight is not None and flight.destination == "HN"


def test_another_peoples_nationals_are_not_fetched_home() -> None:
    """A state repatriating another people's nationals is not where the flight goes."""
    flight = extract(
        "Mexico repatriates 120 Guatemalan nationals from Tapachula on a flight", "", None
    )
    assert flight is None or flight.destination != "MX"
