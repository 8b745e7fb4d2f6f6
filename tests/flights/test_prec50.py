"""Stop 50 (issue 15, precision): a headline on people arrested or jailed, facing or resisting a
removal, or a vow to deport, that tells no removal as done and names no flight, is no flight record
(not_a_record._pending_title; bench/flights_prec50/RULE.md, candidate Q). Real studied items, read
from their files by id; a removal done beside an arrest, or of detained people, stays a record."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, predict

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "US arrests 17 Fiji overstayers"
        ("fresh48b", "fl-48325"),
        # "BI vows to deport swiftly more ex-POGO workers"
        ("fresh48b", "fl-48301"),
        # "Al menos 60 migrantes cubanos arrestados en México mientras se escondían ..."
        ("fresh48b", "fl-48308"),
        # "Diez argelinos amenazan con suicidarse para evitar su expulsión de Melilla"
        ("fresh48", "fl-48244"),
        # "Taiwanese, Chinese face deportation"
        ("fresh47b", "fl-47308"),
        # "First Eritrean asylum seekers jailed under Israel's deportation plan"
        ("tideline", "fl-31840"),
    ],
)
def test_a_removal_only_pending_is_no_flight_record(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is None
    assert predict(obj) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "Malaysia charters two special flights to deport 367 detained Indian nationals"
        ("brazier", "fl-36015"),
        # "Estados Unidos devuelve a 48 migrantes cubanos, uno detenido a su arribo"
        ("fresh", "fl-6035"),
        # "Malaysia Begins Deporting Nearly 1,000 Detained Myanmar Migrants"
        ("firelight", "fl-35037"),
    ],
)
def test_detained_people_flown_and_a_done_removal_stay_records(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is not None
    assert predict(obj) is not None
