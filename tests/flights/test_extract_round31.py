"""Thirty-first round (issue 15, stop 31): the stop-30 candidate rebuilt on main (both parts:
the released judges' rules, test_extract_round30.py, and the ashfall pool's rules, which had no
test of their own), and causes still open on the studied sets (every flights file but the judges
tideline and lodestar) and the classify pools, each seen in more than one item. Each case is a
real item read through ``predict``, with the phrase the rule reads quoted beside it; the guards
are reports the rules must keep."""

from __future__ import annotations

from typing import Any

import pytest
from wirewatch_flights.evaluation import predict
from wirewatch_flights.numbers import numbers

from tests.flights.support import labelled_item


def _fields(name: str, item_id: str) -> dict[str, Any]:
    flight = predict(labelled_item(name, item_id))
    assert flight is not None, item_id
    return {
        "origin": flight.origin,
        "destination": flight.destination,
        "people": flight.people,
        "status": flight.status,
    }


# --- stop 30, second part (ashfall pool), brought back ---------------------------------------


def test_spanish_o_is_no_number() -> None:
    # text2num read the Spanish "o" ("or") as the English zero: people 0
    assert numbers("migrantes o refugiados") == []


@pytest.mark.parametrize(
    ("item_id", "want"),
    [
        # "La interrupción anunciada por Caracas": the state that only speaks is no origin
        ("fl-33401", {"origin": "US", "destination": "VE", "status": "blocked"}),
        # "partieron ... hacia Estados Unidos para repatriar a 110 ciudadanos deportados": the
        # planes flew out to fetch the deportees, the place their origin, still to come
        ("fl-33411", {"origin": "US", "destination": "CO", "status": "planned"}),
        # "e intentó impedir que otros crucen la frontera ... desde México": other people
        ("fl-33415", {"origin": "US", "people": 320}),
        # "comenzó la preparación de los múltiples vuelos": preparations, the flights to come
        ("fl-33416", {"status": "planned"}),
        # "rerouted back to America": turned round, blocked, America the origin
        ("fl-33427", {"origin": "US", "destination": "SO", "status": "blocked"}),
        # "Just a day after activists prevented a plane ...": a clause on another event
        ("fl-33428", {"destination": "NG", "status": "completed"}),
    ],
)
def test_ashfall_fields(item_id: str, want: dict[str, Any]) -> None:
    got = _fields("ashfall", item_id)
    assert {k: got[k] for k in want} == want


@pytest.mark.parametrize(
    "item_id",
    [
        "fl-33430",  # "... to Africa. Here's what we know": an explainer headline
        "fl-33434",  # "at the Las Americas International Airport, over the past two months"
    ],
)
def test_ashfall_not_a_record(item_id: str) -> None:
    assert predict(labelled_item("ashfall", item_id)) is None


# --- stop 31 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # a practice in the progressive, no finite completed cue: "Belgium is using flights
        # originally designed to deport asylum seekers ... to transport them"
        ("predawn", "fl-9644"),
        # "The Trump administration has been using those planes to fly migrants"
        ("ashfall", "fl-33437"),
        # a lede opening on a starting day, counting in the perfect: "Desde el 22 de agosto
        # pasado, el INM ha expulsado hacia Guatemala a 6 mil 360 migrantes"
        ("sundown", "fl-29017"),
        # "Desde el 20 de febrero hasta el 15 de julio de 2025, el INM ha coordinado el retorno"
        ("twilight", "fl-18031"),
        # (already none) "since April 2020 we have used 95 charter flights"
        ("late", "fl-9522"),
    ],
)
def test_not_a_record(name: str, item_id: str) -> None:
    assert predict(labelled_item(name, item_id)) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # a departure in a relative clause: "The flights, which left Fort Bliss in Texas"
        ("dev", "fl-0010"),
        # "the charter plane, which left Birmingham Airport in the early hours of Tuesday"
        ("lauds", "fl-21036"),
        # "full when it left Britain yesterday"; "blocking their forcible removal" is five
        # people's, in a later sentence
        ("prime", "fl-27024"),
        # a blocked verb whose object is the treatment: "se les impidió el acceso a sus
        # derechos fundamentales"; the flight landed
        ("dev", "fl-0360"),
    ],
)
def test_completed(name: str, item_id: str) -> None:
    assert _fields(name, item_id)["status"] == "completed"


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "deported 153 Chinese nationals using three chartered aircraft": a past deportation
        ("aurora", "fl-31739"),
        # "were returned to Indonesia using Garuda Indonesia aircraft and arrived"
        ("afternoon", "fl-12018"),
    ],
)
def test_guards_stay_records(name: str, item_id: str) -> None:
    assert predict(labelled_item(name, item_id)) is not None
