"""Thirtieth round (issue 15, stop 30): the released judges aurora, sundown and daybreak read
with every studied set and the classify pools (never zenith, orison, aubade or solstice), their
errors grouped by cause. Each rule is read from docs/flights.md's definitions or a cause seen in
more than one item; each case is a real item read through ``predict``, with the phrase the rule
reads quoted beside it, and the guards are reports the rule must keep."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict

from tests.flights.support import classify_item, labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # own people on a special flight, also from a Gulf state: "repatriated via a special
        # SriLankan Airlines flight"
        ("aurora", "fl-31703"),
        # domestic workers abused abroad: "housemaids who were abused by employers in Kuwait"
        ("daybreak", "fl-30005"),
        # a flight "de carácter humanitario" for "ciudadanos europeos"
        ("daybreak", "fl-30011"),
        # passengers: "181 passengers including four infants, 48 pregnant women"
        ("afternoon", "fl-12058"),
        ("twilight", "fl-18046"),  # "with 180 Lebanese nationals on board ... passengers"
        # people flown from a state at war: "mexicanos repatriados de Israel"
        ("dev", "fl-0131"),
        # a headline giving an average: "in three months, averaging seven a day"
        ("sundown", "fl-29015"),
    ],
)
def test_not_a_record(name: str, item_id: str) -> None:
    assert predict(labelled_item(name, item_id)) is None


@pytest.mark.parametrize(
    "item_id",
    [
        # "Stranded Indians brought back from UAE by the first of the special flights"
        "pool-fren-0018",
        "pool-fren-0017",  # "Vietnamese citizens brought home from Israel, Oman"
        "pool-eqes-0037",  # "sus compatriotas residentes en Ucrania ... 250 pasajeros"
        "pool-uen-0019",  # "Airlines adding more repatriation flights for Emiratis, expats"
    ],
)
def test_pool_items_not_a_record(item_id: str) -> None:
    assert predict(classify_item(item_id)) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # guards: a Gulf state's removals stay records ("Ethiopian nationals trapped in the
        # Kingdom of Saudi Arabia"), and so does a deportation flight with its passengers
        ("morning", "fl-9822"),
        ("dusk", "fl-7049"),  # "Deportation flight from US arrives in Haiti with 46 passengers"
        # prisoners freed from a Gulf state's jails and flown home: "special flights from Dubai
        # are to bring stranded Pakistani prisoners home"
        ("aurora", "fl-31724"),
    ],
)
def test_records_kept(name: str, item_id: str) -> None:
    assert predict(labelled_item(name, item_id)) is not None


def test_route_across_a_country_is_no_destination() -> None:
    # "la caravana de migrantes centroamericanos que cruzan el territorio mexicano hacia Estados
    # Unidos": the migrants' route; the flight went "a la isla"
    flight = predict(labelled_item("daybreak", "fl-30003"))
    assert flight is not None
    assert (flight.origin, flight.destination) == ("MX", "CU")


def test_re_entry_ban_names_the_removing_state() -> None:
    # "no podrán volver a ingresar a Chile": Chile removed them, several destinations
    flight = predict(labelled_item("aurora", "fl-31710"))
    assert flight is not None
    assert (flight.origin, flight.destination) == ("CL", None)


def test_breakdown_is_no_total() -> None:
    # "un total de 23 hombres y 11 mujeres": the headline's 34 is the head count
    flight = predict(labelled_item("sundown", "fl-29018"))
    assert flight is not None and flight.people == 34


def test_tens_of_is_vague() -> None:
    # "Deports Tens of Pakistanis" is no 10; the lede's 100 is the head count
    flight = predict(labelled_item("sundown", "fl-29001"))
    assert flight is not None and flight.people == 100


def test_rest_of_the_group_does_not_block() -> None:
    # "eleven of these people were forcibly deported ... For the other four, the deportation
    # was cancelled"
    flight = predict(labelled_item("sundown", "fl-29008"))
    assert flight is not None and flight.status == "completed"


def test_military_air_terminal_names_colombia() -> None:
    # "salio desde el Comando Aéreo de Transporte Militar, Catam" (Bogotá's military terminal)
    flight = predict(labelled_item("sundown", "fl-29010"))
    assert flight is not None and flight.origin == "CO"
