"""Is it a flight record: news of migration and removals that tells no flight.

Every case is a real labelled item of the ``tests/data`` file cited beside it (a flights set
or a classify pool, never a judge or a check half) read through ``predict``, with the phrase
the rule reads quoted beside it.
Covered, after docs/flights.md "What is not a flight record": courts weighing a detention,
people moved to a centre, plans, a state ready to take its people back, land returns, a
month's tally, migrants flown on their own way; guards are reports each rule must keep."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict

from tests.flights.support import classify_item, labelled_item


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


@pytest.mark.parametrize(
    "item_id",
    [
        # a court weighing a detention, a lawsuit, due process or a legal status, no flight word:
        # "Rome Court Blocks Detention of Migrants Sent to Albania"
        "pool-en-0569",
        "pool-es-0018",  # "no considera válida la retención de 12 migrantes"
        "pool-sles-0003",  # "Esrilanqués demanda a Japón por deportación"
        "pool-en-0062",  # "to give due process to deported migrants"
        "pool-fes-0024",  # "frena temporalmente la revocatoria del parole humanitario"
        "pool-en-0003",  # "High Court ... funding for offshore detention centres"
        # a headline labelled as an explanation: "Explained: why the UK's highest court ..."
        "pool-uen-0013",
        # people moved into a centre or depot: "sent to the Setia Tropika Immigration Depot"
        "pool-noen-0021",
        "pool-es-0647",  # "trasladó a los 31 emigrantes detenidos a un centro de acogida"
        "pool-ben-0004",  # "16 migrants transferred to centers in Albania"
        # a state ready to take its people back: "Pakistan ready to take back own migrants"
        "pool-vien-0016",
        # Spanish "planes" are plans: "si cumple con sus planes de deportaciones masivas"
        "pool-maes-0012",
        "pool-bes-0420",  # "presentó ... sus planes para la construcción de la valla"
        # flights lacking: "la falta de vuelos o una vía marítima demasiado costosa"
        "pool-es-0375",
        # mass removals planned: "EU plans mass expulsions"
        "pool-mren-0013",
        # millions of people: "which had expelled millions of migrants"
        "pool-en-0416",
        # travellers back: "exhausted Brits arrive back in UK" (Thomas Cook's collapse)
        "pool-afen-0032",
        # people travelling before a visa was required: "392 emigrantes sin visa"
        "pool-cpes-0021",
    ],
)
def test_not_a_record(item_id: str) -> None:
    assert predict(classify_item(item_id)) is None


def test_own_arrival_by_plane_is_no_flight() -> None:
    # "legal status for two years to those who arrive by plane": how the people came
    assert predict(classify_item("dev-0126")) is None


@pytest.mark.parametrize(
    ("item_id", "status"),
    [
        # an editorial may tell one flight: "When a chartered aircraft touched down in Auckland"
        ("pool-en-0210", "completed"),
        # a campaign begun with people counted is no plan: "mass deportation ... begins",
        # "430 arrived on Fri-Sun"
        ("pool-teen-0005", "completed"),
    ],
)
def test_guards_in_the_pools(item_id: str, status: str) -> None:
    flight = predict(classify_item(item_id))
    assert flight is not None
    assert flight.status == status


def test_people_held_are_no_detention_at_issue() -> None:
    # "deporta a inmigrantes detenidos en Djibouti ... tras obtener el visto bueno de un juez",
    # "ocho migrantes retenidos en Djibouti": people held, not a detention a court weighs
    flight = predict(labelled_item("dev", "fl-0475"))
    assert flight is not None
    assert (flight.destination, flight.people) == ("SS", 8)


def test_courts_in_spanish_stay_courts() -> None:
    # "Planes de deportación ... enfrentan obstáculos en cortes": plans, no flight word, and
    # a court stopping removals to a named state ("en las cortes" is a court)
    flight = predict(labelled_item("dev", "fl-0468"))
    assert flight is not None
    assert (flight.destination, flight.status) == ("LY", "blocked")
