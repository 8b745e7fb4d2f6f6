"""Operators by name: one operator under each of its names, two operators never one.

The scorer compares an operator label with the extractor's canonical name through the
operator table of ``data/places.yaml``: a label naming the same force or carrier by another of
its names (the Colombian air force renamed Fuerza Aeroespacial Colombiana in 2023) is the
same operator. A carrier is not another carrier of a similar name (Eastern Airlines, which
flew ICE charters, is not Eastern Air Express)."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import normalise

from tests.flights.support import assert_field, labelled_item


@pytest.mark.parametrize(
    ("label", "extracted"),
    [
        ("Fuerza Aeroespacial Colombiana", "Fuerza Aérea Colombiana"),
        ("Colombian Air Force", "Fuerza Aérea Colombiana"),
        ("fuerza aérea colombiana", "Fuerza Aérea Colombiana"),
        ("GlobalX", "Global X"),
    ],
)
def test_a_label_naming_the_operator_by_another_of_its_names_matches(
    label: str, extracted: str
) -> None:
    assert normalise("operator", label) == normalise("operator", extracted)


@pytest.mark.parametrize(
    ("label", "extracted"),
    [
        ("Eastern Airlines", "Eastern Air Express"),
        ("Avianca", "Conviasa"),
        ("Fuerza Aérea Colombiana", "Fuerza Aérea Mexicana"),
        ("ICE and Global X", "Global X"),  # a label of two operators is no alias of one
        ("Unknown Charter Co", "Global X"),
    ],
)
def test_different_operators_stay_different(label: str, extracted: str) -> None:
    assert normalise("operator", label) != normalise("operator", extracted)


def test_a_name_outside_the_table_is_compared_case_folded() -> None:
    assert normalise("operator", "  Unknown Charter Co ") == "unknown charter co"


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "The Eastern Airlines flight arrived at an airport near ... Caracas"
        ("dev", "fl-0253"),
        # "El avión de la empresa Eastern Airlines llegó al aeropuerto internacional Simón Bolívar"
        ("ashfall", "fl-33403"),
    ],
)
def test_eastern_airlines_is_read_as_itself(name: str, item_id: str) -> None:
    assert_field(labelled_item(name, item_id), "operator", "Eastern Airlines")
