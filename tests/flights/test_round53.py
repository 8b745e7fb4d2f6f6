"""Stop 53 (issue 15; bench/flights_round53/RULE.md, NP shipped).

P: travellers refused entry on arrival and sent back are an airport inadmission, not a record,
even when the refusing state is said to deport or expel them (docs/flights.md, borderline cases),
unless the people refused are another state's deportees or the thing refused is a removal flight.
N: a head count over a dated period in its own sentence ("desde septiembre", "between January and
October", "in the last four days") is a running total, not the flight's count (stop 52's
candidate N). Real studied items, read from their files by id; hand-written sentences beside them.
"""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import gold_record, predict

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "Alrededor de 200 refugiados ucranianos han sido rechazados tras llegar al Aeropuerto"
        ("fresh51", "fl-51216"),
        # "unos 25 inmigrantes cubanos ... fueron impedidos de dejar el aeropuerto quiteño"
        ("fresh51b", "fl-51308"),
        # "Israel Deports Ukrainian Refugees Hours After Arrival" ("after denying them entry")
        ("hearth", "fl-39053"),
        # "Colombia niega ingreso a 2 venezolanos y expulsa a 9 más"
        ("ridgeline", "fl-40046"),
        # "500 Egyptians have not been allowed to enter Libya and are being deported"
        ("ridgeline", "fl-40067"),
        # "he was denied entry and sent back home ... not granted entry"
        ("brazier", "fl-36030"),
        # "Saudi Arabia deports Pakistanis": "not allowed by the immigration authorities to proceed"
        ("tallow", "fl-38539"),
    ],
)
def test_travellers_refused_entry_on_arrival_are_no_record(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    assert gold_record(obj) is None
    assert predict(obj) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "the aircraft was refused entry into Algerian airspace" (a deportation flight)
        ("tallow", "fl-38533"),
        # "refused entry to 107 Pakistani citizens deported by Saudi Arabia"
        ("tideline", "fl-31808"),
        # "65 ucranianos deportados por Rusia a los que les negó la entrada"
        ("fresh51", "fl-51234"),
        # "43 deportees arrive, one refused entry"
        ("friday", "fl-10002"),
        # "niega ingreso a vuelo que deportaba a 41 venezolanos"
        ("late", "fl-9502"),
    ],
)
def test_deportees_or_a_removal_flight_refused_stay_records(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    gold = gold_record(obj)
    assert gold is not None
    flight = predict(obj)
    assert flight is not None
    assert flight.people == gold["people"]


@pytest.mark.parametrize(
    ("title", "summary", "record"),
    [
        (
            "Spain deports 40 Colombians at Madrid airport",
            "Forty Colombian travellers were denied entry at Barajas airport on Monday and put "
            "on a flight back to Bogotá.",
            False,
        ),
        (
            "México deporta a 30 venezolanos",
            "Las autoridades le negaron la entrada a 30 venezolanos que llegaron al aeropuerto "
            "de Cancún y fueron devueltos a Caracas en un vuelo comercial.",
            False,
        ),
        (
            "Guatemala refuses entry to 120 migrants deported by the US",
            "A deportation flight carrying 120 migrants landed in Guatemala City on Tuesday, "
            "where officials refused entry to 3 of them.",
            True,
        ),
    ],
)
def test_refusal_sentences_beside_the_items(title: str, summary: str, record: bool) -> None:
    obj = {"title": title, "summary": summary, "published": "2025-03-04T00:00:00Z"}
    assert (predict(obj) is not None) is record


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "over 3,000 Nigerian migrants from Libya since January 2022. 126 Nigerians arrived"
        ("dev", "fl-0234"),
        # "2.600 personas desde septiembre"
        ("fresh49", "fl-49201"),
        # "Entre enero y octubre de este año, ese país devolvió a 3,863 personas"
        ("fresh49", "fl-49204"),
        # "program since 28 May, helping a total of 2,133"
        ("hearth", "fl-39026"),
        # "680 deported Tajiks ... from May 19 to May 30"
        ("midday", "fl-9958"),
        # "247 Bangladeshi workers came back home ... last four days"
        ("ridgeline", "fl-40024"),
        # kept: "el primero desde diciembre de 2020, con 123 personas" dates a first flight
        ("dev", "fl-0318"),
    ],
)
def test_a_count_over_a_dated_period_is_not_the_flights(name: str, item_id: str) -> None:
    obj = labelled_item(name, item_id)
    gold = gold_record(obj)
    assert gold is not None and gold["people"]
    flight = predict(obj)
    assert flight is not None
    assert flight.people == gold["people"]


def test_a_period_tally_with_no_flight_count_is_no_record() -> None:
    """Lodestar fl-34032, "al menos cinco personas han sido asesinadas en Jamaica desde marzo": the
    one count is the period's, nothing is left for a counted removal."""
    obj = labelled_item("lodestar", "fl-34032")
    assert gold_record(obj) is None
    assert predict(obj) is None
