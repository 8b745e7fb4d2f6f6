"""Stop 46's status round (issue 15, ``bench/flights_round46/RULE.md``): a planned cue's word
that is a noun ("legal authorization to remain", "autorización", "announcement") names a
permission or an announcement, not when the flight is; it is not a planned cue.

The items are real labelled items of studied files (``labelled_item``), never a judge's."""

from __future__ import annotations

import pytest
from wirewatch_flights import status_cues
from wirewatch_flights.evaluation import predict

from tests.flights.support import labelled_item


def test_a_noun_of_permission_does_not_make_a_concluded_flight_planned() -> None:
    """fresh44 fl-44027: "the United States concluded a deportation flight to Uzbekistan,
    returning 72 Uzbekistani nationals who do not have legal authorization to remain": the
    only planned cue was the noun "authorization"."""
    obj = labelled_item("fresh44", "fl-44027")
    flight = predict(obj)
    assert flight is not None and flight.status == obj["flight"]["status"] == "completed"


@pytest.mark.parametrize(
    "word", ["authorization", "authorizations", "autorizacion", "announcement", "preparativos"]
)
def test_nouns_are_not_tenses(word: str) -> None:
    assert status_cues.NOUN_FORM.fullmatch(word)


@pytest.mark.parametrize("word", ["authorized", "autorizara", "announces", "anuncia", "prepara"])
def test_verbs_stay_planned_cues(word: str) -> None:
    assert not status_cues.NOUN_FORM.fullmatch(word)
