"""The rules of the tenth round (repatriation-flights v9, border-policy v12).

Every phrase is real text (title and lede verbatim) from a development file of
``tests/data`` (train or dev split, never test); the item id is cited. The checks read
the rules alone (``rule_views``: positive sum, negative sum, hard-negative flag), so a
retrained model cannot hide a rule that stopped firing."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

FLIGHTS = "repatriation-flights"
POLICY = "border-policy"


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
        # classify_pool_morning_en.jsonl pool-men-0014 (Maghrebi)
        (
            "Algeria leaves over 1800 migrants stranded in the Sahara",
            "On April 19th, the Algerian authorities carried out a record expulsion, "
            "deporting over 1,800 migrants to a remote stretch of the Sahara along the "
            "Nigerien border, according to AP.",
        ),
        # classify_pool_border_es.jsonl pool-bes-0303 (Noticias Caracol)
        (
            "Nicolás Maduro ordenó cerrar la frontera con Colombia a raíz de un ataque a "
            "una patrulla venezolana que dejó tres heridos.",
            "Desde el 19 de agosto fueron deportados 1.532 colombianos y 18.377 regresaron "
            "a su país por miedo a ser expulsados, según cifras de la ONU.",
        ),
    ],
)
def test_removals_overland_are_not_flights(rules: Classifier, title: str, summary: str) -> None:
    _, negative, hard = rules.rule_views(title, summary)[FLIGHTS]
    assert negative <= -4.0 and hard == 1.0
    assert FLIGHTS not in {m.topic for m in rules.classify(title, summary)[0]}


def test_visa_lifted_for_visitors_is_not_border_policy(rules: Classifier) -> None:
    # classify_pool_es.jsonl pool-es-0635 (La Mula / agencias): a visa waiver.
    title = "Ya es oficial: Perú firmó con la Unión Europea la eliminación de la visa Schengen"
    summary = (
        "En una ceremonia oficial en presencia de los presidentes de Perú y Colombia, "
        "Ollanta Humala y Juan Manuel Santos, respectivamente, se firmó el acuerdo con la "
        "Unión Europea (UE) que oficializa la exención de la visa Schengen para los "
        "ciudadanos de ambos países."
    )
    _, negative, hard = rules.rule_views(title, summary)[POLICY]
    assert negative <= -4.0 and hard == 1.0
