"""The rules of the nineteenth round (border-policy v17, repatriation-flights v12; issue #12).

Every phrase is real text (title and lede verbatim) from a file of ``tests/data``: the train or
dev split, or the nightfall set (held back from the split and studied in this round); never
the test split or the vespers set. The item id is cited. The checks read the names of the
rules that fired, so a retrained model cannot hide a rule that stopped firing."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules

POLICY = "border-policy"
FLIGHTS = "repatriation-flights"


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


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_en.jsonl pool-en-0287 (Vision Times; border-policy only; train split):
        # a law "allowing" deportations, and "rejected" as an adjective, are no decision on
        # returns.
        (
            "Japan Passes Bill Allowing Failed Asylum Seekers to Be Deported",
            "Refugees in Japan who have their asylum applications rejected three times can be "
            "deported from the country, according to a bill that was signed into law after a "
            "vote by the parliament's lower house on Friday (June 9).",
        ),
        # classify_pool_es.jsonl pool-es-0417 (El País; border-policy only; train split): a
        # removal by ferry is no return flight, whatever the decision.
        (
            "Interior vuelve a fletar de “emergencia” ferris para expulsar a argelinos en "
            "situación irregular",
            "España, que ya aplicó una medida similar en diciembre, solo devuelve a inmigrantes "
            "de este país magrebí a cuentagotas y por procedimientos de urgencia",
        ),
    ],
)
def test_a_law_or_a_ferry_is_no_decision_on_returns(
    rules: Classifier, title: str, summary: str
) -> None:
    assert "government-decides-on-returns" not in fired_rules(rules, FLIGHTS, title, summary)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_es.jsonl pool-es-0417 (El País; border-policy only; train split)
        (
            "Interior vuelve a fletar de “emergencia” ferris para expulsar a argelinos en "
            "situación irregular",
            "España, que ya aplicó una medida similar en diciembre, solo devuelve a inmigrantes "
            "de este país magrebí a cuentagotas y por procedimientos de urgencia",
        ),
        # classify_pool_es.jsonl pool-es-0460 (EVTV; border-policy only; train split)
        (
            "Trinidad y Tobago expulsó a otros 20 venezolanos: la embarcación está desaparecida",
            "Trinidad y Tobago expulsó del país a un nuevo grupo de venezolanos. Al menos 20 "
            "personas habrían sido deportadas por las autoridades de la isla, luego de ser "
            "detenidos en la madrugada del 14 de diciembre.",
        ),
    ],
)
def test_a_removal_by_ship_or_ferry_is_no_flight(
    rules: Classifier, title: str, summary: str
) -> None:
    assert "land-or-sea-return" in fired_rules(rules, FLIGHTS, title, summary)


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


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_nightfall_es.jsonl pool-nfes-0024 (Mugak after Diario de Navarra;
        # both topics; nightfall): "en suspenso" and the plural "repatriaciones".
        (
            "Senegal mantiene en suspenso las repatriaciones tras aceptar las explicaciones del "
            "Gobierno",
            "El presidente de Senegal reclamó a España «respeto escrupuloso de las convenciones "
            "internacionales»",
        ),
        # classify_pool_es.jsonl pool-es-0117 (El Sol News Media; both topics; train split)
        (
            "El gobierno de Estados Unidos, bajo la administración de Donald Trump, amplió su "
            "acuerdo migratorio con Panamá para financiar vuelos para repatriaciones de personas "
            "que",
            "El gobierno de Estados Unidos, bajo la administración de Donald Trump, amplió su "
            "acuerdo migratorio con Panamá para financiar vuelos para repatriaciones de personas "
            "que ingresaron ilegalmente al país centroamericano a través de la peligrosa selva "
            "del Darién.",
        ),
    ],
)
def test_a_decision_on_repatriations_is_policy(rules: Classifier, title: str, summary: str) -> None:
    assert "government-decides-on-flights" in fired_rules(rules, POLICY, title, summary)
