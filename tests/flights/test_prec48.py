"""Stop 48 (issue 15, precision): what removal flights cost or their business, and a prisoner
sent to serve his sentence at home, are not flight records (not_a_record.flight_money,
not_a_record_cues.SENTENCE_SERVED; bench/flights_prec48/RULE.md, candidates A and B). Real
studied items, read from their files by id; a single flight whose cost is told, and deportees who
served their sentences, stay records. No studied item has B's phrasing as B was written (fresh45
fl-45212 says "y cumplir el resto de sus condenas", with no "para"): B is tested on its cue."""

from __future__ import annotations

import pytest
from wirewatch_flights import not_a_record_cues
from wirewatch_flights.evaluation import gold_record, predict
from wirewatch_flights.text import fold

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "¡Deportaciones le salen caras a Trump! WSJ revela costosa razón por la que ya no usa
        # aviones militares"
        ("fresh45", "fl-45230"),
        # "Estados Unidos revoca licencia a Conviasa para vuelos de deportación"
        ("hearth", "fl-39023"),
        # "La administración Trump detiene los vuelos de deportación militar debido a los altos
        # costos"
        ("ridgeline", "fl-40032"),
        # "Nicaragua se suma al negocio de la migración"
        ("tallow", "fl-38507"),
    ],
)
def test_what_removal_flights_cost_is_no_flight_record(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is None
    assert predict(obj) is None


def test_a_single_flight_whose_cost_is_told_stays_a_record() -> None:
    # "Deportation flight cancelled at last minute cost State €362,000"
    obj = labelled_item("fresh", "fl-6022")
    assert gold_record(obj) is not None
    assert predict(obj) is not None


def test_deportees_who_served_their_sentences_stay_a_record() -> None:
    # "Estados Unidos repatria primer grupo de 110 dominicanos de este año que cumplieron
    # condenas ...": sentences served before the removal, not a prisoner transfer
    obj = labelled_item("check", "fl-4022")
    assert gold_record(obj) is not None
    assert predict(obj) is not None


@pytest.mark.parametrize(
    ("text", "served"),
    [
        ("enviados a su país para acabar sus condenas", True),
        ("trasladados para cumplir el resto de su condena en españa", True),
        ("flown home to serve out the rest of their prison sentences", True),
        ("dominicanos que cumplieron condenas por diferentes delitos", False),
        ("deported after serving their sentences", False),
        ("toma medidas para acabar con la inmigración irregular", False),
    ],
)
def test_serving_a_sentence_is_a_purpose_not_a_past(text: str, served: bool) -> None:
    assert (not_a_record_cues.SENTENCE_SERVED.search(fold(text)) is not None) is served
