"""The destination of a flight record: the state the people are flown to.

Every case is a real labelled item of the ``tests/data`` file cited beside it (a flights set
or a classify pool, never a judge or a check half) read through ``predict``, with the phrase
the rule reads quoted beside it.
An ``extract`` call on one line of text is a constructed phrasing pinning one rule.
Covered: a verb after two joined states, another people's nationals not fetched home, a
diversion that is no destination."""

from __future__ import annotations

from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import extract

from tests.flights.support import labelled_item


def test_a_verb_after_a_joined_state_still_counts() -> None:
    flight = extract("Estados Unidos y México deportan a 120 hondureños", "", None)
    assert flight is not None and flight.destination == "HN"


def test_another_peoples_nationals_are_not_fetched_home() -> None:
    """A state repatriating another people's nationals is not where the flight goes."""
    flight = extract(
        "Mexico repatriates 120 Guatemalan nationals from Tapachula on a flight", "", None
    )
    assert flight is None or flight.destination != "MX"


def test_a_diversion_is_no_destination() -> None:
    """ "fue desviado inesperadamente hacia San Juan, Puerto Rico": the city-and-state cue does
    not make a diversion the destination (fresh fl-6050)."""
    obj = labelled_item("fresh", "fl-6050")
    flight = predict(obj)
    assert flight is not None and flight.destination == "VE"
