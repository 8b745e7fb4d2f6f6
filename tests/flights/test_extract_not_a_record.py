"""Is it a flight record: a removal or migrants' return by air, or none.

Every case is a real labelled item of the ``tests/data`` file cited beside it (a flights set
or a classify pool, never a judge or a check half) read through ``predict``, with the phrase
the rule reads quoted beside it.
An ``extract`` call on one line of text is a constructed phrasing pinning one rule.
Covered: a group return needs migrants, a removal or their plight; a removal word, a transit
state or a stated day keeps a record; evacuations, tallies and deals still to come are none."""

from __future__ import annotations

import pytest
from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import extract

from tests.flights.support import labelled_item


@pytest.mark.parametrize(
    ("name", "item_id", "record"),
    [
        # "172 Mongolians return from South Korea": no migrant, removal or plight word
        ("midday", "fl-9972", False),
        # "41 Ghanaians from the US arrive in Ghana": students flown home
        ("saturday", "fl-11007", False),
        # "253 Nigerians Voluntarily Return To Nigeria From Libya": a state migrants leave
        ("friday", "fl-10007", True),
        # "Regresaron al país 115 venezolanos que se encontraban bloqueados en la frontera"
        ("morning", "fl-9827", True),
    ],
)
def test_a_group_return_needs_migrants_or_their_plight(
    name: str, item_id: str, record: bool
) -> None:
    assert (predict(labelled_item(name, item_id)) is not None) is record


def test_flying_people_held_or_removed_is_a_removal() -> None:
    # sunrise fl-9708: "Chartered plane to bring home Korean detainees set to depart Thursday"
    flight = predict(labelled_item("sunrise", "fl-9708"))
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("US", "KR", "planned")


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # no flight word, no removal word, no sending state: Moroccans going home over land
        ("forenoon", "fl-9911"),
        # "500 bolivianos retorno consulado": a return by bus, no sender named
        ("saturday", "fl-11023"),
        # "Eight repatriation flights bring 1,207 Nepalis home": no removal or migrant word
        ("saturday", "fl-11013"),
        # "Charter flights to deport asylumseekers": no origin, destination, count or day
        ("check", "fl-4018"),
        # "boarding Kabul Evacuation Flight": every flight named is an evacuation
        ("night", "fl-8003"),
        # "Panamá ha expulsado a 87 cubanos en lo que va de año": a tally, no flight word
        ("prime", "fl-27033"),
        # "new statistics reveal that nearly 4,600 Sudanese and 1,000 Eritreans were sent back"
        ("prime", "fl-27012"),
        # "Canada has deported more than 160 Haitians during a nine month period this year"
        ("terce", "fl-28008"),
        # "30,525 migrants deported from Turkey since start of 2023": a headline's tally
        ("terce", "fl-28013"),
        # "to repatriate more than 1,000 Chinese citizens who have got stuck in Vietnam"
        ("prime", "fl-27022"),
    ],
)
def test_not_a_flight_record(name: str, item_id: str) -> None:
    item = labelled_item(name, item_id)
    assert item["flight"] is None
    assert predict(item) is None


@pytest.mark.parametrize(
    ("name", "item_id"),
    [
        # "Kingdom deports 65 Sri Lankan workers": no sender named, but a removal word
        ("midday", "fl-9954"),
        # "Suspenden tres vuelos humanitarios desde Curazao y Aruba": no origin, but migrants
        ("dusk", "fl-7030"),
        # "162 stranded Nigerians in Libya ... flown home": returned from a transit state
        ("evening", "fl-13009"),
        # no origin, destination or head count, but a stated day (a protest at a charter)
        ("late", "fl-9545"),
    ],
)
def test_still_a_flight_record(name: str, item_id: str) -> None:
    item = labelled_item(name, item_id)
    assert item["flight"] is not None
    assert predict(item) is not None


def test_a_removing_agency_keeps_a_flight_home_a_removal() -> None:
    # made-up phrasings: with no migrant word, "flies ... home" is travellers unless an agency
    # that removes people sends them; "Home Office" is no "home"
    assert (
        extract("Repatriation charter flies 50 Albanians home", "It left on Tuesday.", None) is None
    )
    flight = extract(
        "Home Office repatriation charter flies 50 Albanians home", "It left on Tuesday.", None
    )
    assert flight is not None
    assert (flight.origin, flight.destination, flight.people) == ("GB", "AL", 50)


def test_a_flight_of_another_kind() -> None:
    assert (
        extract(
            "Two deported Afghans back in Sweden after boarding an evacuation flight",
            "They boarded evacuation flights from Kabul.",
            None,
        )
        is None
    )


def test_a_group_still_to_come_is_no_flight_yet() -> None:
    """ "set to receive its first batch of deportees": a deal, no record (evening fl-13026)."""
    obj = labelled_item("evening", "fl-13026")
    assert obj["flight"] is None
    assert predict(obj) is None


def test_vessels_the_people_ended_up_on_are_how_they_came() -> None:
    """ "Ten Cuban men who ended up in the Cayman Islands as irregular migrants on small vessels
    were repatriated to Havana on a Cayman Airways charter" (prime fl-27028): a flight."""
    obj = labelled_item("prime", "fl-27028")
    flight = predict(obj)
    assert flight is not None and flight.destination == obj["flight"]["destination"]


def test_a_running_total_beside_the_flight_is_no_tally() -> None:
    """ "han recibido a otros 116 ciudadanos deportados ... por lo que cifra asciende a más de
    300 desde principios de este año" (sunrise fl-9718): still the flight's record."""
    obj = labelled_item("sunrise", "fl-9718")
    flight = predict(obj)
    assert flight is not None and flight.people == 116
