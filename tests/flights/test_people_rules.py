"""Stop 39 (helper people39, issue 15): the people, origin and destination rules of the round,
each read on real sentences quoted verbatim from the released labelled files (file and id
beside each), with guards: readings a rule must leave alone. Every case here but the guards
(the passive "were returned to", "including", "ocho de ellos deportados", the Spanish death
toll) failed on main 941a7a6 before the round."""

from __future__ import annotations

from datetime import date

import pytest
from wirewatch_flights.evaluation import predict
from wirewatch_flights.extract import extract

from tests.flights.support import labelled_item


def _people(title: str, summary: str) -> int | None:
    flight = extract(title, summary, None)
    assert flight is not None, "a flight record"
    return flight.people


# -- the victims of a harm are no head count ---------------------------------------------------


def test_killed_with_a_bound_between_is_no_head_count() -> None:
    # flights_lodestar.jsonl fl-34020 (Reuters, 31 May 2017), title = the lede's first sentence
    sentence = (
        "The German government has cancelled a flight planned for Wednesday to deport rejected "
        "asylum seekers to Afghanistan after an explosion killed at least 80 people in the "
        "Afghan capital Kabul, broadcaster ARD cited the interior minister as saying."
    )
    assert _people(sentence, sentence) is None


def test_people_who_were_killed_are_no_head_count() -> None:
    # flights_saturday.jsonl fl-11003
    title = "Sweden won't suspend deportations of Afghan asylum seekers"
    summary = (
        "Refugee campaigners called on authorities to stop deportations after at least 80 "
        "people were killed in a bomb attack in Kabul a day after Sweden returned a group of "
        "failed asylum seekers to Afghanistan."
    )
    assert _people(title, summary) is None


def test_a_removal_with_a_death_toll_keeps_its_status_and_route() -> None:
    # flights_morning.jsonl fl-9811 (the Spanish report of the same cancellation): "tras el
    # grave atentado suicida que ha dejado 90 muertos en Kabul"; the route and status stay
    flight = predict(labelled_item("morning", "fl-9811"))
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status, flight.people) == (
        "DE",
        "AF",
        "blocked",
        None,
    )


# -- a removal verb's "N of them" ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "item_id", "want"),
    [
        # "by flying 842 of them on Friday" (70,000 in the headline is the programme's goal)
        ("new", "fl-3096", 842),
        # "de un total de 2.600 migrantes, se había proyectado la expulsión de 60 de ellos"
        ("predawn", "fl-9624", 60),
        # "a shorter list of 13 men was later accepted, 11 of which were really expelled"
        ("lodestar", "fl-34005", 11),
    ],
)
def test_the_removed_of_them_are_the_head_count(name: str, item_id: str, want: int) -> None:
    flight = predict(labelled_item(name, item_id))
    assert flight is not None and flight.people == want


def test_a_part_of_the_group_without_a_finite_removal_verb_is_not() -> None:
    # guard, flights_twilight.jsonl fl-18002: "ocho de ellos deportados y cuatro ..." (12 in all)
    item = labelled_item("twilight", "fl-18002")
    flight = predict(item)
    assert flight is not None and flight.people == item["flight"]["people"] == 12


# -- a lede's groups by sex or age are summed ---------------------------------------------------


def test_a_breakdown_by_sex_is_summed_over_a_bound() -> None:
    # flights_tideline.jsonl fl-31807 (title = the lede's first sentence)
    lede = (
        "LAHORE: At least 153 deported Pakistanis from Saudi Arabia reached Lahore through a "
        "special airline of the kingdom on Friday."
    )
    summary = lede + " The deportees include 148 men and five women."
    assert _people(lede, summary) == 153


def test_a_breakdown_after_a_total_marker_is_summed() -> None:
    # flights_sundown.jsonl fl-29018
    title = (
        "Aterriza vuelo chárter con 34 chilenos deportados desde Estados Unidos: dos contaban "
        "con orden de detención vigente"
    )
    summary = (
        "El ministro del Interior, Álvaro Elizalde, comunicó que el sábado 28 de febrero "
        "aterrizó en Santiago un vuelo chárter con 34 ciudadanos chilenos deportados desde "
        "Estados Unidos por la administración del presidente Donald Trump. Según informó el "
        "secretario de Estado, esta cifra corresponde a un total de 23 hombres y 11 mujeres."
    )
    assert _people(title, summary) == 34


def test_a_breakdown_introduced_as_a_part_is_not_summed() -> None:
    # guard, flights_tideline.jsonl fl-31801: "The group of 60, including three women and three
    # children" (a part of the 60, not the whole)
    item = labelled_item("tideline", "fl-31801")
    flight = predict(item)
    assert flight is not None and flight.people == 60


# -- "another / otros N" is an exact count ------------------------------------------------------


def test_otros_n_is_a_count_not_an_approximation() -> None:
    # flights_firelight.jsonl fl-35012 (the lede's "dos ministros rumanos" are no deportees)
    title = "Francia expulsó a otros 300 gitanos"
    summary = (
        "El gobierno francés envió ayer a cerca de 300 gitanos más de vuelta a Rumania, con la "
        "voluntad de “acelerar” esas expulsiones, pese a la presencia de dos ministros rumanos "
        "en París y de las críticas que esa política provoca en Francia y el resto del mundo."
    )
    assert _people(title, summary) == 300


def test_another_n_before_its_breakdown() -> None:
    # flights_prime.jsonl fl-27027
    title = "More Cuban migrants deported back to Havana"
    summary = (
        "The Cayman Islands Customs and Border Control Service repatriated another fifteen "
        "migrants to the Republic of Cuba on Tuesday. The twelve men and three women departed "
        "on a chartered Cayman Airways 737-8 from Grand Cayman at 8:39am and arrived in Cuba at "
        "9:23am."
    )
    assert _people(title, summary) == 15


# -- a flight turned back names the deporting state ---------------------------------------------


def test_a_flight_forced_to_return_names_its_origin_and_is_blocked() -> None:
    # flights_tallow.jsonl fl-38533
    title = "Deportation flight returns to Dublin"
    summary = (
        "A DEPORTATION flight carrying 26 failed asylum seekers was forced to return to Dublin "
        "late last night after the aircraft was refused entry into Algerian airspace."
    )
    flight = extract(title, summary, date(2011, 1, 1))
    assert flight is not None
    assert (flight.origin, flight.status) == ("IE", "blocked")


def test_people_rerouted_back_name_the_deporting_state() -> None:
    # flights_ashfall.jsonl fl-33427
    title = "92 people deported to Somalia, flight returned"
    summary = (
        "Ninety-two undocumented immigrants who were en route to Somalia after being deported "
        "on Thursday were rerouted back to America after their journey hit logistical "
        "problems, The New York Times reports."
    )
    flight = extract(title, summary, None)
    assert flight is not None
    assert (flight.origin, flight.destination, flight.status) == ("US", "SO", "blocked")


def test_people_returned_to_their_country_still_name_the_destination() -> None:
    # guard, flights_dev.jsonl fl-0451: "40 Albanian citizens were returned to Tirana" (passive)
    flight = extract(
        "First Frontex-led return operation",
        "On 25 January, 40 Albanian citizens were returned to Tirana on a joint charter flight "
        "organised by Frontex, the European Border and Coast Guard Agency.",
        None,
    )
    assert flight is not None and flight.destination == "AL"
