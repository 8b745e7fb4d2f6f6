"""The people of a flight record: its head count.

Every case is a real labelled item of the ``tests/data`` file cited beside it (a flights set
or a classify pool, never a judge or a check half) read through ``predict``, with the phrase
the rule reads quoted beside it.
An ``extract`` call on one line of text is a constructed phrasing pinning one rule.
Covered: two counted peoples on one flight summed, a subset not added, a quoted people noun
counted."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import extract

from tests.flights.support import labelled_item


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
