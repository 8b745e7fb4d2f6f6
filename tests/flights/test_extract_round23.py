"""Twenty-third round (issue 15): rules written from the studied sets and dev halves only;
every check half was only counted (docs/measurements/flights.md, stop 27)."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import extract

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id", "origin"),
    [
        # "repatriados por el Gobierno de México": Mexico is the other state named
        ("evening", "fl-13003", "MX"),
        # "Alemania perdió el rastro de un grupo de afganos que iba a expulsar"
        ("morning", "fl-9812", "DE"),
        # Hong Kong's Immigration Department charters a flight to Hanoi
        ("predawn", "fl-9652", "HK"),
        # "bloqueados en la frontera entre Chile y Perú": the first state named
        ("morning", "fl-9827", "CL"),
        # two states the people were deported from ("from Saudi Arabia, Greece"): none
        ("dusk", "fl-7004", None),
    ],
)
def test_with_no_origin_cue_the_first_other_state_named_is_the_origin(
    name: str, item_id: str, origin: str | None
) -> None:
    flight = predict(labelled_item(name, item_id))
    assert flight is not None
    assert flight.origin == origin


def test_the_one_other_state_is_never_the_destination_itself() -> None:
    flight = extract(
        "Llegan a Guatemala 120 guatemaltecos deportados en un vuelo",
        "El vuelo aterrizó en la Ciudad de Guatemala.",
        None,
    )
    assert flight is not None
    assert (flight.origin, flight.destination) == (None, "GT")


@pytest.mark.parametrize(
    ("name", "item_id", "people"),
    [
        # "En él viajan 43 colombianos y siete peruanos"
        ("predawn", "fl-9614", 50),
        # "El primer vuelo llegó desde Dallas con tres hondureños y 56 guatemaltecos"
        ("predawn", "fl-9619", 59),
    ],
)
def test_two_counted_peoples_on_one_flight_are_summed(name: str, item_id: str, people: int) -> None:
    flight = predict(labelled_item(name, item_id))
    assert flight is not None
    assert flight.people == people


def test_one_counted_people_and_a_subset_is_not_a_sum() -> None:
    flight = extract(
        "Llegan 120 guatemaltecos deportados en un vuelo desde Texas",
        "Entre ellos, 12 menores de edad.",
        None,
    )
    assert flight is not None
    assert flight.people == 120


def test_a_quoted_people_noun_is_counted() -> None:
    # dawn fl-9003: 'left with just seven "foreign criminals" on board'
    flight = predict(labelled_item("dawn", "fl-9003"))
    assert flight is not None
    assert flight.people == 7


@pytest.mark.parametrize(
    ("name", "item_id", "record"),
    [
        # "172 Mongolians return from South Korea": no migrant, removal or plight word
        ("midday", "fl-9972", False),
        # "41 Ghanaians from the US arrive in Ghana": students flown home
        ("saturday", "fl-11007", False),
        # "253 Nigerians Voluntarily Return To Nigeria From Libya": a state migrants leave
        ("friday", "fl-10007", True),
        # "Regresaron al país 115 venezolanos que se encontraban bloqueados en la frontera"
        ("morning", "fl-9827", True),
    ],
)
def test_a_group_return_needs_migrants_or_their_plight(
    name: str, item_id: str, record: bool
) -> None:
    assert (predict(labelled_item(name, item_id)) is not None) is record


def test_flying_people_held_or_removed_is_a_removal() -> None:
    # sunrise fl-9708: "Chartered plane to bring home Korean detainees set to depart Thursday"
    flight = predict(labelled_item("sunrise", "fl-9708"))
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("US", "KR", "planned")


def test_a_charter_noun_after_a_place_is_no_sending_verb() -> None:
    # late fl-9545: "forced deportations to Sri Lanka and Vietnam on charter flights" (Japan's
    # flight, unnamed): "on charter" does not make Vietnam a sender; two destinations, none
    flight = predict(labelled_item("late", "fl-9545"))
    assert flight is not None
    assert (flight.origin, flight.destination) == (None, None)
