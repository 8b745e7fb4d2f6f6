"""Stop 45's candidate vetoes (bench/flights_prec45/RULE.md; off on the branch, each switched on
by one line, ``not_a_record.CANDIDATES_45``): each condition on real studied items, read with the
candidate switched on (or off) here whatever the line says, and directly where it is a condition.

A, "tally": a count of five or more flights over a period, no single flight, no removal told
besides it. B, "carrier": a carrier's business on removal flights with no state named but the
removing side's. The items are fresh44 (studied since stop 44), dev, twilight and new."""

from __future__ import annotations

from typing import Any

import pytest
from wirewatch_flights import not_a_record
from wirewatch_flights.evaluation import predict
from wirewatch_flights.parts import item_parts
from wirewatch_flights.places import read_roles

from tests.flights.support import labelled_item


def _parts(obj: dict[str, Any]) -> list[Any]:
    return item_parts(str(obj.get("title") or ""), str(obj.get("summary") or ""))


def test_off_they_keep_mains_records(monkeypatch: pytest.MonkeyPatch) -> None:
    # fl-44003 and fl-44004 are records of main's extractor; off, the candidates change nothing
    monkeypatch.setattr(not_a_record, "CANDIDATES_45", frozenset())
    assert predict(labelled_item("fresh44", "fl-44003")) is not None
    assert predict(labelled_item("fresh44", "fl-44004")) is not None


def test_tally_of_flights_over_months_is_no_record(monkeypatch: pytest.MonkeyPatch) -> None:
    # "han partido siete vuelos de repatriación a Mauritania, ... En los últimos ocho meses",
    # in a policy piece with no single flight (label: a hard negative)
    obj = labelled_item("fresh44", "fl-44003")
    assert not_a_record.flights_tally(_parts(obj))
    monkeypatch.setattr(not_a_record, "CANDIDATES_45", frozenset({"tally"}))
    assert predict(obj) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "suma un total de 24 vuelos chárter ... en lo que va del año" beside "26 ciudadanos
        # colombianos fueron deportados": a removal told besides the tally
        ("dev", "fl-0153"),
        # "En dos semanas ... en dos aviones": two flights, fewer than five
        ("twilight", "fl-18007"),
        # "Dos vuelos con unos 298 nicaragüenses ... desde enero de 2025": two flights
        ("new", "fl-3085"),
    ],
)
def test_a_tally_beside_flights_told_keeps_the_record(
    monkeypatch: pytest.MonkeyPatch, name: str, item_id: str
) -> None:
    obj = labelled_item(name, item_id)
    assert obj["flight"] is not None
    assert not not_a_record.flights_tally(_parts(obj))
    monkeypatch.setattr(not_a_record, "CANDIDATES_45", frozenset({"tally"}))
    assert predict(obj) is not None


def test_carrier_ending_removal_flights_is_no_record(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Avelo Ends ICE Deportation Flights": the carrier leaves ICE's charter programme; the only
    # state named is the removing side's (U.S., ICE)
    obj = labelled_item("fresh44", "fl-44004")
    parts = _parts(obj)
    assert not_a_record.carrier_business(parts, *read_roles(parts))
    monkeypatch.setattr(not_a_record, "CANDIDATES_45", frozenset({"carrier"}))
    assert predict(obj) is None


def test_carrier_flying_to_a_named_state_is_no_carrier_business() -> None:
    # "Trump Demands Supreme Court Action After Deportation Flight Stopped Mid-Air": a carrier
    # and a business word ("Stopped") in the opening, but a state besides the removing side's
    # is named (Djibouti); main's extractor makes no record of it either way
    obj = labelled_item("new", "fl-3080")
    assert obj["flight"] is not None
    parts = _parts(obj)
    assert not not_a_record.carrier_business(parts, *read_roles(parts))
