"""The status of a flight record: planned, completed or blocked.

Every case is a real labelled item of the ``tests/data`` file cited beside it (a flights set
or a classify pool, never a judge or a check half) read through ``predict``, with the phrase
the rule reads quoted beside it.
An ``extract`` call on one line of text is a constructed phrasing pinning one rule.
Covered: an authorisation that gives way to an arrival, a negated departure alone, a Spanish
future that does not outweigh a lede that flew."""

from __future__ import annotations

from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import extract

from tests.flights.support import dev_items


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


def test_a_spanish_future_does_not_outweigh_a_lede_that_flew() -> None:
    """The future only decides when no part has another status cue: "permanecerán en Yibuti"
    in the headline, "fueron deportados" in the lede (dev fl-0471) stays completed."""
    (obj,) = dev_items("fl-0471")
    flight = predict(obj)
    assert flight is not None and flight.status == "completed"
