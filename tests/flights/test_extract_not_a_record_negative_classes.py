"""Is it a flight record: the negative classes that are none.

Every case is a real labelled item of the ``tests/data`` file cited beside it (a flights set
or a classify pool, never a judge or a check half) read through ``predict``, with the phrase
the rule reads quoted beside it.
Covered: flights of another kind (a war or a disaster people are flown out of, sport, pilgrims,
remains, political exiles, party expulsions, prisoner transfers, people helped home), a
domestic flight to the border, tallies; a war beside migrants or a transit state keeps one.
The hard negatives are classify pool items, checked to be hard negatives."""

from __future__ import annotations

from typing import Any

import pytest
from wirewatch_flights.evaluation import predict

from tests.flights.support import classify_item, classify_record, labelled_item


def pool_item(item_id: str, hard_negative: bool = True) -> dict[str, Any]:
    """A classify pool item as a flights item, checking it is (or is not) a hard negative."""
    obj = classify_record(item_id)
    flights = "repatriation-flights" in obj.get("labels", [])
    assert flights is not hard_negative
    assert obj.get("hard_negative") is hard_negative or flights
    return classify_item(item_id)


@pytest.mark.parametrize(
    "item_id",
    [
        # sport, not deportation: "Listo el 'vuelo del deporte' con 180 deportistas colombianos"
        "pool-nfes-0012",
        # a war: "Ukraine-Russia war: IAF flight with 119 Indians, 27 foreigners land in Delhi"
        "pool-en-0306",
        # "para repatriar a chilenos afectados por ofensiva israelí"
        "pool-maes-0032",
        # "Australians and their families were able to escape Israel"
        "pool-en-0558",
        # "que había salido hacia la zona en conflicto"
        "pool-fes-0001",
        # "South Africa xenophobic violence: Nigerians fly back to Lagos"
        "pool-twen-0005",
        # a team and pilgrims: "La Selección Argentina regresó a casa con la Copa del Mundo"
        "pool-mres-0022",
        # "Pakistan's post-Hajj flight operation begin"
        "pool-en-0482",
        # a disaster, a quarantine, the displaced: "azotada ... por el huracán"
        "pool-sles-0004",
        # "165 Australians, who will quarantine in the Howard Springs facility"
        "pool-en-0331",
        # "Retornan familias desplazadas de Frontera Comalapa tras balaceras"
        "pool-es-0298",
        # "Nearly 5000 British travellers, on 21 special charter flights"
        "pool-twen-0020",
        # "have returned home safely from the US on a flight"
        "pool-uen-0067",
        # remains: "Migrant coffins lined up in Italian airport hangar"
        "pool-men-0030",
        # "los migrantes fallecidos en Estados Unidos"
        "pool-tees-0001",
        # "23 Vietnamese migrants who lost their lives in a refrigerated truck"
        "pool-len-0005",
        # a prisoner transfer: "Ecuador repatria a presos mexicanos"
        "pool-vses-0024",
        # political prisoners sent abroad: "Ortega libera 222 presos políticos y los deporta"
        "pool-es-0548",
        # a party expulsion: "Expulsa PAN de sus filas a 9 diputados"
        "pool-fres-0036",
        # helped home: "as part of its efforts to assist Americans to return home"
        "pool-slen-0035",
        # evacuated, not a transit state's migrants: "190 Indian nationals evacuated from Yemen"
        "pool-uen-0006",
    ],
)
def test_classify_hard_negative_gives_no_record(item_id: str) -> None:
    assert predict(pool_item(item_id)) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # a percentage in the headline: "Deportaciones desde EE. UU. aumentan 69 por ciento"
        ("lauds", "fl-21019"),
        # a domestic flight to the border, then land: "en un vuelo ... hacia la frontera, donde
        # serán llevados al lado venezolano"
        ("compline", "fl-20012"),
        # "13 de los venezolanos serán llevados por tierra a Cúcuta"
        ("lauds", "fl-21020"),
        # "de donde los internaron a territorio venezolano"
        ("terce", "fl-28031"),
        # a thousand or more up to a day: "Over 105234 Migrant Workers Till October 13"
        ("nightfall", "fl-19013"),
        # a war people fled: "connacionales que huyeron de Ucrania, ante el conflicto con Rusia"
        ("twilight", "fl-18043"),
    ],
)
def test_not_a_flight_record(name: str, item_id: str) -> None:
    assert predict(labelled_item(name, item_id)) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "Deportation Flight To War-Torn South Sudan": a war beside migrants stays a record
        ("dusk", "fl-7001"),
        # "200 more Bangladeshi expats ... sent back on a flight": expatriates are no evacuation
        # cue (tried and dropped)
        ("prime", "fl-27011"),
    ],
)
def test_still_a_flight_record(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert obj["flight"] is not None
    assert predict(obj) is not None


def test_a_transit_state_keeps_a_war_torn_return_a_return() -> None:
    # classify pool-maen-0005 (repatriation-flights): "155 Nigerians ... arrived ... from Libya
    # after failed attempt to transit the war-torn North African country to Europe"
    assert predict(pool_item("pool-maen-0005", hard_negative=False)) is not None
