"""Stop 49 (issue 15, flights origin from the outlet; bench/flights_origin49/RULE.md): the round's
candidates (the outlet's state as the origin) failed their rule and stay in
``bench/flights_origin49/candidates.diff``; what ships is the lexicon's missing "Lao" state
adjective the fields round noted ("Lao Police Deport 137 Scammers": Laos is the sender). Real
studied items, read from their files by id."""

from __future__ import annotations

from wirewatch_flights.evaluation import gold_record, normalise, predict
from wirewatch_flights.lexicon import load_lexicon
from wirewatch_flights.text import fold

from tests.flights.support import labelled_item


def test_lao_is_the_state_adjective_of_laos() -> None:
    text = "Lao officers from the Foreigner Control Department"
    kinds = {(m.entry.kind, m.entry.key) for m in load_lexicon().mentions(text, fold(text))}
    assert ("state_adj", "LA") in kinds


def test_lao_police_deporting_chinese_nationals_send_them_from_laos() -> None:
    # fresh47b fl-47306 "Chinese Embassy, Lao Police Deport 137 Scammers": Laos deports to China
    obj = labelled_item("fresh47b", "fl-47306")
    gold = gold_record(obj)
    assert gold is not None
    flight = predict(obj)
    assert flight is not None
    assert (flight.origin, flight.destination) == (
        normalise("origin", gold["origin"]),
        normalise("destination", gold["destination"]),
    )
