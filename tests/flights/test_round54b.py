"""Stop 54, second round (issue 15; bench/flights_round54b/RULE.md, FG shipped).

F: when the one state that is a candidate for either role wins both, main gave it the
destination, and an agency, air force or state signal of the item names it as the deporting
state (the Home Office, DHS, the PDI), it is the origin and the destination stays open (the
report stays a record; the field is null). G: "ImmD", Hong Kong's Immigration Department, names
Hong Kong as the deporting state. Real studied items, read from their files by id; hand-written
sentences beside them.
"""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, predict

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id", "origin"),
    [
        # "More asylum seekers set to be deported on charter flights ..." (the Home Office;
        # "asylum seekers who have recently arrived to the UK")
        ("predawn", "fl-9645", "GB"),
        # "A Long Flight of No Return" (DHS; "newcomers to the United States")
        ("ashfall", "fl-33441", "US"),
        # "Expulsan extranjeros" (la PDI, la FACh; "no podrán volver a ingresar a Chile")
        ("aurora", "fl-31710", "CL"),
    ],
)
def test_the_deporting_state_an_agency_names_is_the_origin(
    name: str, item_id: str, origin: str
) -> None:
    obj = labelled_item(name, item_id)
    flight = predict(obj)
    assert gold_record(obj) is not None and flight is not None
    assert (flight.origin, flight.destination) == (origin, None)


@pytest.mark.parametrize(
    ("name", "item_id", "origin", "destination"),
    [
        # kept: "Tapachula: tres vuelos deportados EU" (the INM receives them in Mexico)
        ("check", "fl-4006", "US", "MX"),
        # kept: "Mulino confirma la llegada a Panamá del primer avión con 119 inmigrantes ..."
        ("dev", "fl-0134", "US", "PA"),
        # kept: "US deports illegal migrants from Asia to Panama"
        ("dev", "fl-0136", "US", "PA"),
        # kept: "Panamá recibe primer vuelo con migrantes de varios países deportados por EE.UU."
        ("dev", "fl-0138", "US", "PA"),
    ],
)
def test_a_receiving_state_named_with_its_agency_stays_the_destination(
    name: str, item_id: str, origin: str, destination: str
) -> None:
    flight = predict(labelled_item(name, item_id))
    assert flight is not None
    assert (flight.origin, flight.destination) == (origin, destination)


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "Immigration Department charters flight for voluntary repatriation of Vietnamese ..."
        ("fresh51", "fl-51210"),
        # "Immigration Department repatriates Vietnamese illegal immigrants to Vietnam ..."
        ("fresh51", "fl-51220"),
        # "Immigration Department repatriates Vietnamese illegal immigrants and overstayers ..."
        ("fresh51", "fl-51221"),
        # kept: the same outlet's report main already read (fl-9652)
        ("predawn", "fl-9652"),
    ],
)
def test_immd_is_hong_kongs_immigration_department(name: str, item_id: str) -> None:
    flight = predict(labelled_item(name, item_id))
    assert flight is not None
    assert (flight.origin, flight.destination) == ("HK", "VN")


def test_a_state_that_only_receives_keeps_the_destination() -> None:
    # hand-written beside the real items: no agency of the state, it stays the destination
    flight = predict(
        {
            "title": "Deportation flight with 120 migrants lands in the UK",
            "summary": "A charter flight carrying 120 deportees landed in the UK on Monday.",
        }
    )
    assert flight is not None
    assert (flight.origin, flight.destination) == (None, "GB")
