"""The origin of a flight record: the state the people are flown from.

Every case is a real labelled item of the ``tests/data`` file cited beside it (a flights set
or a classify pool, never a judge or a check half) read through ``predict``, with the phrase
the rule reads quoted beside it.
An ``extract`` call on one line of text is a constructed phrasing pinning one rule.
Covered: the first other state named when there is no origin cue, the one other state that is
never the destination, a charter noun that is no sending verb, a city named for a treaty."""

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


def test_a_charter_noun_after_a_place_is_no_sending_verb() -> None:
    # late fl-9545: "forced deportations to Sri Lanka and Vietnam on charter flights" (Japan's
    # flight, unnamed): "on charter" does not make Vietnam a sender; two destinations, none
    flight = predict(labelled_item("late", "fl-9545"))
    assert flight is not None
    assert (flight.origin, flight.destination) == (None, None)


def test_a_city_named_for_a_treaty_is_no_place() -> None:
    """ "Two charter flights are set to remove asylum seekers to three EU countries next week
    under the Dublin regulation" (predawn fl-9645): Dublin names the law, not Ireland."""
    obj = labelled_item("predawn", "fl-9645")
    flight = predict(obj)
    assert flight is not None and flight.origin != "IE"
