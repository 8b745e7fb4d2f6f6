"""The repatriation-flights rules on items that are not the topic.

Every phrase is real text (title and lede verbatim, or a lede read from its file) of the
``tests/data`` file and item cited beside it, never the test split, a judge or a check half;
the checks read the rules alone, so a retrained model cannot hide a rule that stopped firing.
Covered: hard negatives and border-policy items (removals over land or by sea, special
flights bringing stranded citizens home, a law or a ferry that is no decision on returns)."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import FLIGHTS, POLICY, item_summary


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


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_friday_es.jsonl pool-fres-0018 (Círculo Rojo)
        (
            "Llegan a México casi 50 deportados desde Texas",
            "Un autobús con cerca de 50 personas deportadas por el Gobierno de Estados "
            "Unidos, en su mayoría mujeres, llegó este jueves a la sede del Instituto "
            "Nacional de Migración (INM) en Reynosa, procedente de Puerto de Hidalgo, Texas.",
        ),
        # classify_pool_friday_es.jsonl pool-fres-0017 (La Tarde)
        (
            "Llegan más deportados",
            "Las deportaciones masivas no cesan por esta frontera y durante la mañana de "
            "hoy fue repatriado un grupo de personas quienes no acreditaron su legal "
            "estancia en los Estados Unidos.",
        ),
    ],
)
def test_removals_by_bus_or_over_this_border_are_land_returns(
    rules: Classifier, title: str, summary: str
) -> None:
    assert "land-or-sea-return" in fired_rules(rules, FLIGHTS, title, summary)
    assert "return-over-land" in fired_rules(rules, POLICY, title, summary)
    _, _, hard = rules.rule_views(title, summary)[FLIGHTS]
    assert hard == 1.0


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_friday_en.jsonl pool-fren-0016 (Colombo Gazette)
        (
            "Third special flight evacuates stranded Indians in Sri Lanka",
            "A group of 242 Indian nationals stranded in Sri Lanka were repatriated on a "
            "special Air India (AI 02802) flight from Colombo to Delhi-Lucknow – Gaya.",
        ),
        # classify_pool_friday_es.jsonl pool-fres-0013 (El Sol de Occidente)
        (
            "112 personas regresaron desde USA a suelo nacional este viernes",
            "La mañana de este viernes, un vuelo especial de la aerolínea United procedente "
            "del Aeropuerto Intercontinental George Bush, de Houston, Texas, permitió el "
            "retorno seguro al país de un grupo de 112 costarricenses, quienes se "
            "encontraban en los Estados Unidos sin posibilidades de viajar de regreso por "
            "la suspensión de vuelos entre ambos países desde el pasado 31 de marzo, como "
            "consecuencia de la pandemia global del COVID-19.",
        ),
    ],
)
def test_special_flights_bringing_citizens_home_are_not_removals(
    rules: Classifier, title: str, summary: str
) -> None:
    _, negative, hard = rules.rule_views(title, summary)[FLIGHTS]
    assert negative <= -6.0 and hard == 1.0
    assert FLIGHTS not in {m.topic for m in rules.classify(title, summary)[0]}


def test_a_pandemic_repatriation_of_stranded_citizens_stays_a_hard_negative(
    rules: Classifier,
) -> None:
    # classify_pool_es.jsonl pool-es-0101 (a hard negative)
    title = "Coronavirus: repatriaron 123 argentinos varados en México"
    fired = fired_rules(
        rules, FLIGHTS, title, item_summary("classify_pool_es.jsonl", "pool-es-0101")
    )
    assert "pandemic-repatriation" in fired


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
