"""Stop 48 (issue 15, English roles): a head count "from" a state ("two from Bangladesh, one from
Poland ... and 52 from Pakistan") names who the people are, so the state they are flown to, not
where they were flown from (roles._head_count_from; bench/flights_round48/RULE.md, candidate B).
Real studied items, read from their files by id; a count after a removal verb, a date or an
aircraft's model before "from" a place keeps the place's reading."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, normalise, predict
from wirewatch_flights.roles import _head_count_from

from tests.flights.support import labelled_item


def test_a_head_count_from_a_state_is_who_the_people_are() -> None:
    # "On April 11 60 migrants were deported from Athens to their home countries. among them were
    # one Algerian, two Indians, two from Bangladesh, one Ukrainian, one from Poland, one Serbian
    # and 52 from Pakistan. ... The Pakistanis were deported with a special charter"
    obj = labelled_item("brazier", "fl-36012")
    gold = gold_record(obj)
    assert gold is not None
    assert (normalise("origin", gold["origin"]), normalise("destination", gold["destination"])) == (
        "GR",
        "PK",
    )
    flight = predict(obj)
    assert flight is not None
    assert (flight.origin, flight.destination) == ("GR", "PK")


@pytest.mark.parametrize(
    ("before", "count"),
    [
        ("over 100 from ", True),
        ("one serbian and 52 from ", True),
        ("a total of 2,000 from the ", True),
        ("the government deported 52 from ", False),
        ("iom returned some 150 from ", False),
        ("were deported from ", False),
    ],
)
def test_a_count_is_the_peoples_unless_a_removal_verb_takes_it(before: str, count: bool) -> None:
    assert _head_count_from(before) is count


@pytest.mark.parametrize(
    ("name", "item_id", "origin"),
    [
        # "a chartered Cayman Airways 737-8 from Grand Cayman": a model number, not a head count
        ("prime", "fl-27027", "KY"),
        # "scheduled for Tuesday 16.03.2021 from Frankfurt to Lagos": a date, not a head count
        ("tideline", "fl-31806", "DE"),
    ],
)
def test_a_place_after_a_number_that_counts_no_one_stays_the_origin(
    name: str, item_id: str, origin: str
) -> None:
    flight = predict(labelled_item(name, item_id))
    assert flight is not None
    assert flight.origin == origin
