"""The rules of the thirteenth round (border-policy v14, repatriation-flights v11).

Every phrase is real text (title and lede verbatim) from a development file of
``tests/data`` (train or dev split, never test; for the afternoon set, its dev half,
never its check half); the item id is cited. The checks read the names of the rules
that fired, so a retrained model cannot hide a rule that stopped firing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules

FLIGHTS = "repatriation-flights"
POLICY = "border-policy"
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("title", "summary", "rule"),
    [
        # classify_pool_afternoon_es.jsonl pool-afes-0003 (La Voz Digital): the wall in the
        # headline, the border only in the deck.
        (
            "Trump empieza a construir el muro sin dinero del Congreso",
            "Empresas de EE.UU. fabrican junto a la frontera con México ocho prototipos",
            "border-barrier",
        ),
        # classify_pool_afternoon_es.jsonl pool-afes-0034 (Cooperativa)
        (
            "Comenzó construcción de segunda zanja en la frontera de Colchane",
            "Este lunes comenzó la construcción de la segunda zanja en el sector fronterizo "
            "de Colchane, Región de Tarapacá.",
            "border-barrier-near",
        ),
        # classify_pool_afternoon_en.jsonl pool-afen-0012 (The Straits Times, AFP)
        (
            "Australia turns back three asylum seeker boats so far this year",
            "SYDNEY (AFP) - Australia has intercepted three asylum seeker boats so far this "
            "year, including one carrying women and children from Sri Lanka, the country's "
            "immigration minister revealed on Monday (May 9).",
            "migration-policy-title",
        ),
        # the same item: the interception in the lede
        (
            "Australia turns back three asylum seeker boats so far this year",
            "SYDNEY (AFP) - Australia has intercepted three asylum seeker boats so far this "
            "year, including one carrying women and children from Sri Lanka, the country's "
            "immigration minister revealed on Monday (May 9).",
            "migrants-intercepted",
        ),
        # classify_pool_border_es.jsonl pool-bes-0170
        (
            "El Gobierno griego activó medidas de emergencia tras interceptar a más de 700 "
            "migrantes en el sur de Creta, trasladándolos a Lavrio y el Pireo.",
            "Ante el colapso de los centros de acogida, Grecia suspenderá por tres meses la "
            "tramitación de asilo para llegadas desde el norte de África.",
            "migrants-intercepted",
        ),
    ],
)
def test_barriers_turnbacks_and_interceptions_are_policy(
    rules: Classifier, title: str, summary: str, rule: str
) -> None:
    assert rule in fired_rules(rules, POLICY, title, summary)


def test_a_garden_fence_on_a_boundary_is_no_border_barrier(rules: Classifier) -> None:
    # classify_pool_border_en.jsonl pool-ben-0191 (a hard negative)
    fired = fired_rules(
        rules,
        POLICY,
        "Boundary issues over hedge and panel-boarded fence",
        "Mr and Mrs P purchased their property in 2007, when it was plot 2 of a small "
        "development of houses. Boundary issues arose very shortly after Mr and Mrs P moved "
        "into their property.",
    )
    assert not fired & {"border-barrier", "border-barrier-near"}


def test_a_border_control_against_foot_and_mouth_is_not_policy(rules: Classifier) -> None:
    # classify_pool_afternoon_es.jsonl pool-afes-0041 (Agrofy News, a hard negative):
    # "control fronterizo" is a named policy, but the border is watched for cattle disease.
    title = "El brote de aftosa en Ecuador lleva a Colombia a reforzar el control fronterizo"
    summary = (
        "El Gobierno de Álvaro Uribe extremó las medidas de supervisión en el límite de "
        "ambos países tras la confirmación de dos nuevos focos de fiebre aftosa en la "
        "Provincia de Manabí, anunció hoy el Instituto Colombiano Agropecuario (ICA)."
    )
    assert "animal-health-border" in fired_rules(rules, POLICY, title, summary)
    assert rules.classify(title, summary)[0] == ()


def test_a_border_wall_story_with_migrants_keeps_no_livestock_veto(rules: Classifier) -> None:
    # classify_pool_border_es.jsonl pool-bes-0474 (labelled border-policy): no animal
    # word, so the barrier rules fire and the sanitary context does not.
    fired = fired_rules(
        rules,
        POLICY,
        "Hungría levanta un vallado para cerrar el paso a miles de desplazados",
        _summary("classify_pool_border_es.jsonl", "pool-bes-0474"),
    )
    assert "border-barrier" in fired
    assert "animal-health-border" not in fired


def test_visa_applications_at_consulates_are_service_news(rules: Classifier) -> None:
    # classify_pool_afternoon_es.jsonl pool-afes-0027 (Página Central, a hard negative)
    fired = fired_rules(
        rules,
        POLICY,
        "¿Quieres viajar a los Estados Unidos? En este consulado entregan las visas más rápido",
        "La Oficina de Asuntos Consulares de Estados Unidos revela periódicamente en qué "
        "consulados se puede tramitar más rápidamente la visa",
    )
    assert "visa-service-news" in fired


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


def test_a_pandemic_repatriation_of_stranded_citizens_stays_a_hard_negative(
    rules: Classifier,
) -> None:
    # classify_pool_es.jsonl pool-es-0101 (a hard negative)
    title = "Coronavirus: repatriaron 123 argentinos varados en México"
    fired = fired_rules(rules, FLIGHTS, title, _summary("classify_pool_es.jsonl", "pool-es-0101"))
    assert "pandemic-repatriation" in fired


def _summary(name: str, item_id: str) -> str:
    """The lede of a development item, read from its file (long ledes are not copied)."""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == item_id:
            return str(row["summary"])
    raise AssertionError(f"{item_id} not in {name}")


def test_removal_flights_to_a_third_country_keep_their_policy_evidence(
    rules: Classifier,
) -> None:
    # flights_dev.jsonl fl-0364 (labelled both): a removal to Guantánamo is policy as well
    # as a flight, so the flight-report penalties stay off.
    title = "En imágenes: el primer vuelo de deportados a Guantánamo"
    fired = fired_rules(rules, POLICY, title, _summary("flights_dev.jsonl", "fl-0364"))
    assert "offshore-processing" in fired
    assert not fired & {"deportation-flight-report", "headline-is-a-deportation"}


@pytest.mark.parametrize(
    ("name", "item_id", "title"),
    [
        # the UK's Rwanda scheme named as a policy (labelled both)
        (
            "classify_pool_en.jsonl",
            "pool-en-0273",
            "On 15 November 2023, the UK Supreme Court unanimously found the Secretary of "
            "State's Rwanda Policy to be unlawful",
        ),
        # a fence jump at Melilla (labelled border-policy)
        (
            "classify_pool_es.jsonl",
            "pool-es-0336",
            "Un inmigrante muere en su intento por saltar la valla de Melilla junto con "
            "otras 300 personas",
        ),
    ],
)
def test_the_rwanda_scheme_and_fence_jumps_are_named_policies(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    assert "named-policy" in fired_rules(rules, POLICY, title, _summary(name, item_id))


def test_a_border_closed_to_cattle_is_not_policy(rules: Classifier) -> None:
    # classify_pool_es.jsonl pool-es-0391 (a hard negative)
    title = "Estados Unidos cierra frontera al ganado de México"
    summary = _summary("classify_pool_es.jsonl", "pool-es-0391")
    assert "border-closed-to-livestock" in fired_rules(rules, POLICY, title, summary)
    assert POLICY not in {m.topic for m in rules.classify(title, summary)[0]}


def test_a_border_wall_that_cut_cattle_theft_is_still_policy(rules: Classifier) -> None:
    # classify_pool_border_es.jsonl pool-bes-0031 (labelled border-policy): cattle are
    # named, far from the border and with no disease or trade word.
    title = (
        "El presidente Luis Abinader afirmó que el muro divisorio entre la República "
        "Dominicana y Haití es una de las obras más importantes y que cambiará para siempre "
        "a la nación."
    )
    fired = fired_rules(
        rules, POLICY, title, _summary("classify_pool_border_es.jsonl", "pool-bes-0031")
    )
    assert "border-barrier" in fired
    assert not fired & {"animal-health-border", "border-closed-to-livestock"}
