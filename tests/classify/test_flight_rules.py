"""The repatriation-flights rules on items of the topic.

Every phrase is real text (title and lede verbatim, or a lede read from its file) of the
``tests/data`` file and item cited beside it, never the test split, a judge or a check half;
the checks read the rules alone, so a retrained model cannot hide a rule that stopped firing.
Covered: the positive rules that must fire (return programmes, deportation flights, a
government deciding on returns, a flight verb near a removal) and the negative rules
(evacuation, land or sea return) that must stay off them."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import FLIGHTS


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_en.jsonl pool-en-0105 (Journal du Cameroun / APA)
        (
            "Ethiopia repatriates 412 migrants stranded in Saudi Arabia",
            "412 Ethiopian migrants stranded in Saudi Arabia have been flown home from "
            "Riyadh to Addis Ababa over the weekend, according to the Ethiopian Foreign "
            "Affairs ministry.",
        ),
        # classify_pool_predawn_es.jsonl pool-pes-0017 (Guik)
        (
            "Chile envía misión a Venezuela para «negociar» nuevos vuelos de repatriación",
            "El canciller de Chile, Alberto van Klaveren, informó ayer martes (09.05.2023) "
            "que una delegación oficial viajará el miércoles a Caracas para «negociar» con "
            "el gobierno venezolano nuevos vuelos que repatríen a los cientos de migrantes "
            "que continúan varados en la frontera chileno-peruana.",
        ),
    ],
)
def test_stranded_migrants_flown_home_are_not_an_evacuation(
    rules: Classifier, title: str, summary: str
) -> None:
    _, negative, hard = rules.rule_views(title, summary)[FLIGHTS]
    assert negative == 0 and hard == 0.0
    assert FLIGHTS in {m.topic for m in rules.classify(title, summary)[0]}


def test_iom_humanitarian_return_flights_are_a_return_programme(rules: Classifier) -> None:
    # classify_pool_unseen_en.jsonl pool-uen-0002 (IOM)
    title = (
        "Suspended for Two Years, IOM Resumes Voluntary Humanitarian Return Flights from "
        "Southern Libya"
    )
    summary = (
        "Libya – The UN Migration Agency, IOM, resumed its Voluntary Humanitarian Return "
        "Programme (VHR) in Libya’s southern city of Sebha yesterday (08/11)."
    )
    match = {m.topic: m for m in rules.classify(title, summary)[0]}[FLIGHTS]
    assert "return-programme" in match.rules
    assert "repatriation-without-migrants" not in match.rules


def test_ice_flights_are_deportation_flights(rules: Classifier) -> None:
    # classify_pool_en.jsonl pool-en-0032 (CNN via Daily8)
    title = (
        "The number of ICE flights is skyrocketing — but the planes are harder than ever to track"
    )
    match = {m.topic: m for m in rules.classify(title, "")[0]}[FLIGHTS]
    assert "deportation-flight-phrase" in match.rules


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_en.jsonl pool-en-0327
        (
            "Hundreds of Afghan migrants deported from Turkey",
            "Turkish authorities began deportations on Sunday morning, with 227 Afghan "
            "migrants boarding special flights to Kabul. The flights were were provided by "
            "an Afghan airline.",
        ),
        # flights_dev.jsonl fl-0434
        (
            "England deports 42 Pakistanis on Wednesday",
            "England has deported 42 Pakistanis on Wednesday in a special flight to the "
            "Benazir International airport.",
        ),
    ],
)
def test_special_flights_of_deportees_are_still_removals(
    rules: Classifier, title: str, summary: str
) -> None:
    assert "special-flight-home" not in fired_rules(rules, FLIGHTS, title, summary)
    assert FLIGHTS in {m.topic for m in rules.classify(title, summary)[0]}


def test_a_self_deportation_flight_is_a_return_flight(rules: Classifier) -> None:
    # classify_pool_afternoon_es.jsonl pool-afes-0001 (El País)
    fired = fired_rules(
        rules,
        FLIGHTS,
        "Más de 60 migrantes se autodeportan voluntariamente a sus países en un vuelo del Gobierno",
        "Un primer grupo de hondureños y colombianos se une al proyecto de la "
        "Administración Trump ‘Regreso a casa’ por el que recibe una ayuda de 1.000 dólares",
    )
    assert {"flight-near-deport", "return-programme"} <= fired


def test_a_pandemic_removal_of_people_without_papers_is_no_citizens_repatriation(
    rules: Classifier,
) -> None:
    # classify_pool_afternoon_es.jsonl pool-afes-0013 (López-Dóriga Digital)
    title = "México repatriará a más de mil connacionales desde EE.UU."
    summary = (
        "Más de mil connacionales que se encuentran de manera ilegal en los Estados Unidos "
        "serán repatriados en los próximos días en ochos vuelos, en medio de la emergencia "
        "sanitaria por la pandemia de coronavirus COVID-19. El Gobierno de México acordó "
        "con el de Estados Unidos la repatriación de más de mil connacionales, informó la "
        "Secretaria de Relaciones Exteriores (SRE)."
    )
    fired = fired_rules(rules, FLIGHTS, title, summary)
    assert "pandemic-repatriation" not in fired
    assert "flight-near-deport" in fired


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_nightfall_es.jsonl pool-nfes-0026 (El País; both topics; nightfall)
        (
            "Senegal acepta la repatriación de más de 600 inmigrantes retenidos en Canarias",
            "Un avión civil trasladó ayer al primer centenar de 'sin papeles' desde el "
            "archipiélago",
        ),
        # classify_pool_friday_en.jsonl pool-fren-0009 (Radio Jamaica News, Reuters; both
        # topics; train split)
        (
            "Cuba agrees to accept US deportation flights carrying Cubans detained at US-Mexico "
            "border",
            "Cuba has agreed for the first time since the start of the COVID-19 pandemic to "
            "accept American deportation flights carrying Cubans caught at the US-Mexico border.",
        ),
    ],
)
def test_a_government_deciding_on_returns_is_a_return(
    rules: Classifier, title: str, summary: str
) -> None:
    # both topics by the labelling convention: the flight side now has the decision too
    assert "government-decides-on-returns" in fired_rules(rules, FLIGHTS, title, summary)


def test_the_boat_they_came_in_does_not_hide_the_charter_plane(rules: Classifier) -> None:
    # classify_pool_en.jsonl pool-en-0512 (Colombo Gazette; both topics; train split): the
    # intercepted "vessel" is how they came; the plane names the return.
    fired = fired_rules(
        rules,
        FLIGHTS,
        "Australia detains and sends back Sri Lankan asylum seekers",
        "An Australian Government charter plane carrying failed Sri Lankan asylum seekers left "
        "Christmas Island for Colombo today, just days after their vessel was intercepted in "
        "the Indian Ocean.",
    )
    assert "land-or-sea-return" not in fired


def test_flying_in_the_infinitive_is_a_flight(rules: Classifier) -> None:
    # classify_pool_nightfall_es.jsonl pool-nfes-0005 (Mugak after El Mundo; both topics;
    # nightfall): "tras volar desde Almería".
    fired = fired_rules(
        rules,
        FLIGHTS,
        "45 repatriaciones frustradas",
        "Interior confunde a inmigrantes argelinos con marroquíes, que fueron devueltos por "
        "Rabat tras volar desde Almería a Melilla",
    )
    assert "flight-near-deport" in fired
