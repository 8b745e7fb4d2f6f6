"""Stop 49 (issue 15, flights fields; bench/flights_round49/RULE.md): A, a head count "from" a
state counts people (not an aircraft model, a date, or the next item of a list a verb with its
own "from" governs); B, the migrants' own journey (a caravan, a crossing) is not where the flight
went; C, a state that repatriates another state's people is the one that sends them. Real studied
items, read from their files by id, and the studied items' phrasing."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, normalise, predict
from wirewatch_flights.lexicon import load_lexicon
from wirewatch_flights.roles import _head_count_from, _repatriates_others
from wirewatch_flights.text import fold

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("before", "count"),
    [
        ("over 100 from ", True),
        ("one serbian and 52 from ", True),
        # prime fl-27027: "a chartered Cayman Airways 737-8 from Grand Cayman", a model
        ("departed on a chartered cayman airways 737-8 from ", False),
        # tideline fl-31806: "scheduled for Tuesday 16.03.2021 from Frankfurt", a date
        ("is scheduled for tuesday 16.03.2021 from ", False),
        # brazier fl-36010: "289 Bangladeshis return from Oman, 164 from India"
        ("289 bangladeshis return from oman, 164 from ", False),
        # fresh47 fl-47218: "148 arrived from Tripoli, and 45 from Niamey"
        ("thursday, may 19, 148 arrived from tripoli, and 45 from ", False),
        # brazier fl-36012: the verb's "from" is in the sentence before the list
        (
            "deported from athens to their home countries. among them were one algerian, two from ",
            True,
        ),
    ],
)
def test_a_head_count_from_a_state_counts_people(before: str, count: bool) -> None:
    assert _head_count_from(before) is count


def _roles(name: str, item_id: str) -> tuple[tuple[object, object], tuple[object, object]]:
    obj = labelled_item(name, item_id)
    gold = gold_record(obj)
    assert gold is not None
    flight = predict(obj)
    assert flight is not None
    want = (normalise("origin", gold["origin"]), normalise("destination", gold["destination"]))
    return want, (flight.origin, flight.destination)


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "la caravana de migrantes centroamericanos que cruzan el territorio mexicano hacia
        # Estados Unidos": the Cubans were flown home from Mexico
        ("daybreak", "fl-30003"),
        # "partieron la semana pasada en una Caravana desde San Pedro Sula y con rumbo hacia
        # Estados Unidos, llegaron al país este día, provenientes desde México"
        ("tideline", "fl-31815"),
    ],
)
def test_the_migrants_own_journey_is_not_the_flights_destination(name: str, item_id: str) -> None:
    want, got = _roles(name, item_id)
    assert got == want


def test_a_state_that_repatriates_another_states_people_sends_them() -> None:
    # "Myanmar repatriates China nationals from the Mingmyowadi Electric Fraud Park"
    want, got = _roles("fresh47b", "fl-47304")
    assert want == ("MM", "CN")
    assert got == want


def _repatriates(text: str) -> bool:
    folded = fold(text)
    country = next(m for m in load_lexicon().mentions(text, folded) if m.entry.kind == "country")
    after = folded[country.end : country.end + 60]
    return _repatriates_others(after, after, country)


@pytest.mark.parametrize(
    ("text", "sends"),
    [
        ("Myanmar repatriates China nationals from the park", True),
        ("Kuwait repatriates two batches of Sri Lankans without costs", True),
        ("República Dominicana repatrió a 4.966 extranjeros en situación irregular", True),
        # its own people: the state they are flown to (role_cues.FETCHES_OWN_AFTER)
        ("España repatria a 180 españoles desde Casablanca", False),
        ("Ethiopia repatriates 405 immigrants from Oman", False),
        ("Ethiopia repatriates its nationals from Saudi Arabia", False),
    ],
)
def test_whom_a_state_repatriates_says_its_role(text: str, sends: bool) -> None:
    assert _repatriates(text) is sends
