"""Twenty-eighth round (issue 15): generalisation. Rules read from the field definitions
(docs/flights.md) rather than one phrase, found on the classify pools' items (never zenith,
orison or aubade, the classify judges; never aurora, sundown or daybreak, the flights judges),
whose flight fields no round had read. Each case is a real pool item read through ``predict``;
the phrase each rule reads is quoted beside it."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict

from tests.flights.support import assert_field, classify_item


@pytest.mark.parametrize(
    ("item_id", "field", "want"),
    [
        # a number before planeloads counts flights, not people: "Two planeloads of deported
        # migrants"
        ("pool-en-0176", "people", None),
        # a headline's two counted age groups are one flight's: "Seven children and 45 adults"
        ("pool-men-0005", "people", 52),
        ("pool-es-0341", "people", 167),  # "46 menores y 121 adultos"
        # a year before 1900 after "of" is no head count: "the Alien Enemies Act of 1798"
        ("pool-en-0060", "people", None),
        # a refusal of asylum applications is not the flight blocked: "deny the applications"
        ("pool-cpen-0005", "status", "completed"),
        # a border blocked is not the flight: "blocking the Mexican border"
        ("pool-en-0237", "status", "completed"),
        # an attempt to stop it is not a halt: "Why Was It So Hard to Stop?" ("Just Left")
        ("pool-laen-0001", "status", "completed"),
        # a refusal said to be false: "desmintió que México haya rechazado el aterrizaje"
        ("pool-afes-0066", "status", "completed"),
        # a helping state is no second origin: "With active assistance from Qatar, Germany"
        ("pool-maen-0009", "origin", "DE"),
        # the migrants' own route: "tras un intento ... de migrar hacia los Estados Unidos"
        ("pool-es-0136", "destination", "SV"),
        ("pool-es-0008", "destination", "HN"),  # "salieron del país en caravana ... hacia"
    ],
)
def test_fields(item_id: str, field: str, want: object) -> None:
    assert_field(classify_item(item_id), field, want)


@pytest.mark.parametrize(
    "item_id",
    [
        # migrants flown on their own way: only "con migrantes" and "emigración irregular"
        "pool-bes-0455",
        "pool-vies-0035",  # "vuelos chárter entre La Habana y Managua", "oleada de migrantes"
        "pool-twes-0026",  # "rutas hacia la frontera norte"
        # a land return named as such: "el ingreso terrestre de 340 compatriotas"
        "pool-pres-0002",
        "pool-fren-0006",  # "through one of our ports of entry"
        # a month's tally: "más de 4.000 inmigrantes hondureños en enero", "durante enero",
        # "en la primera semana de junio", "Deportaciones ... aumentan durante julio"
        "pool-anes-0033",
        "pool-anes-0028",
        "pool-es-0385",
        "pool-es-0384",
        # neighbours with no flight word: Cameroon to Nigeria, Laos to China
        "pool-twen-0046",
        "pool-pren-0020",
        # a thousand or more returned "since" the deal was signed, no flight word
        "pool-en-0601",
    ],
)
def test_not_a_flight_record(item_id: str) -> None:
    assert predict(classify_item(item_id)) is None
