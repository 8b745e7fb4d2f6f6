"""Stop 47 (issue 15, roles): a state that sends its own plane to another "to take / para
repatriar" people is where they are flown to, and the state the plane goes to is where they are
taken from (roles.fetching_flight; bench/flights_roles47/RULE.md, candidate A). Real studied items,
read from their files by id; a removal flight sent somewhere "to repatriate" keeps its reading."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, normalise, predict

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id", "origin", "destination"),
    [
        # "Vietnam sent a special flight to Taiwan Monday (Sept. 21) to take 289 migrant workers
        # home who had been interned after overstaying ..."
        ("firelight", "fl-35040", "TW", "VN"),
        # "Iraq sends two airplanes to take some migrants from Minsk" / "Two airplanes took off
        # from Iraq to Belarus in the afternoon to take 617 Iraqis"
        ("predawn", "fl-9611", "BY", "IQ"),
        # "Dos aviones colombianos partieron este lunes hacia Estados Unidos para repatriar a 110
        # ciudadanos deportados"
        ("ashfall", "fl-33411", "US", "CO"),
    ],
)
def test_a_plane_sent_to_take_people_home_flies_them_from_where_it_went(
    name: str, item_id: str, origin: str, destination: str
) -> None:
    obj = labelled_item(name, item_id)
    gold = gold_record(obj)
    assert gold is not None
    assert (normalise("origin", gold["origin"]), normalise("destination", gold["destination"])) == (
        origin,
        destination,
    )
    flight = predict(obj)
    assert flight is not None
    assert (flight.origin, flight.destination) == (origin, destination)


@pytest.mark.parametrize(
    ("name", "item_id", "origin", "destination"),
    [
        # "Ecuador autorizó tres nuevos vuelos de Venezuela para repatriar a 270 migrantes": the
        # flights fetch Venezuela's people, no plane is sent to a place named after "to"
        ("sunrise", "fl-9728", "EC", "VE"),
    ],
)
def test_a_state_authorising_the_fetching_flights_stays_the_origin(
    name: str, item_id: str, origin: str, destination: str
) -> None:
    flight = predict(labelled_item(name, item_id))
    assert flight is not None
    assert (flight.origin, flight.destination) == (origin, destination)
