"""The border-policy rules on items that are not the topic.

Every phrase is real text (title and lede verbatim, or a lede read from its file) of the
``tests/data`` file and item cited beside it, never the test split, a judge or a check half;
the checks read the rules alone, so a retrained model cannot hide a rule that stopped firing.
Covered: hard negatives and repatriation-flights items (visa service news and waivers,
police raids, garden fences, borders closed to cattle or disease, a historical deportation,
flight reports, and words such as "unlawful", "stepped up", "frontera" naming no policy)."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier, _rule_view

from tests.classify.support import fired_rules
from tests.classify.support_rules import POLICY, item_summary


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


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_friday_en.jsonl pool-fren-0048 (Los Angeles Times)
        (
            "19 Arrested in Gang, Drug Raids",
            "Los Angeles police today raided 16 residences in an anti-gang and anti-drug "
            "sweep that resulted in 19 arrests and the confiscation of 11 guns and about 20 "
            'grams of "rock" cocaine worth $2,000 on the street.',
        ),
        # classify_pool_friday_es.jsonl pool-fres-0063 (Cadena SER)
        (
            "Al menos 30 detenidos en una macro redada en Sant Adrià de Besòs (Barcelona)",
            "Los Mossos han encontrado también cocaína, heroína y hachís pero hay que "
            "pesarla aún para saber la cantidad exacta",
        ),
        # classify_pool_friday_es.jsonl pool-fres-0059 (Doble Amarilla)
        (
            "Aplican derecho de admisión a barras de Patronato, River, Boca y Huracán",
            "Son en total 42 personas. Lo resolvió la Dirección Nacional de Seguridad en "
            "Espectáculos Futbolísticos, encabezada por Guillermo Madero.",
        ),
        # classify_pool_friday_es.jsonl pool-fres-0010 (Chiclayo en Línea): the agency
        # "Migraciones" is not the migration word (only lowercase "migraciones" is)
        (
            "Cómo solicitar una cita adicional para tramitar el pasaporte electrónico",
            "Para atender la gran demanda de pasaportes, la Superintendencia Nacional de "
            "Migraciones habilitará 6,000 citas adicionales cada semana de octubre, a "
            "nivel nacional, a fin de acelerar el trámite de este importante documento que "
            "requieren los ciudadanos para viajar.",
        ),
    ],
)
def test_police_raids_stadium_bans_and_passport_news_are_not_policy(
    rules: Classifier, title: str, summary: str
) -> None:
    positive, _, _ = rules.rule_views(title, summary)[POLICY]
    assert positive == 0
    assert POLICY not in {m.topic for m in rules.classify(title, summary)[0]}


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


def test_a_border_closed_to_cattle_is_not_policy(rules: Classifier) -> None:
    # classify_pool_es.jsonl pool-es-0391 (a hard negative)
    title = "Estados Unidos cierra frontera al ganado de México"
    summary = item_summary("classify_pool_es.jsonl", "pool-es-0391")
    assert "border-closed-to-livestock" in fired_rules(rules, POLICY, title, summary)
    assert POLICY not in {m.topic for m in rules.classify(title, summary)[0]}


def test_a_historical_deportation_is_no_mass_expulsion(rules: Classifier) -> None:
    # classify_pool_en.jsonl pool-en-0263 (Caucasian Knot, a hard negative; train split)
    fired = fired_rules(
        rules,
        POLICY,
        "Chechnya remembers victims of 1944 deportation",
        "February 23 is marked in Chechnya as the day of memory and national mourning. In "
        "February 1944, under the Kremlin's order, more than half a million Chechens and "
        "Ingushes were deported from the places of their permanent residence.",
    )
    assert "mass-expulsion" not in fired


def test_a_landing_is_a_flight_report(rules: Classifier) -> None:
    # classify_pool_afternoon_en.jsonl pool-afen-0005 (labelled flights only; train split
    # since the afternoon check half was pooled this round): "Mass Deportation" names a
    # policy, but the headline reports a landing.
    title = "U.S. Begins Mass Deportation Of Nigerians: First Batch Lands In Lagos"
    summary = (
        "WASHINGTON DC: The United States government has deported at least three Nigerian "
        "nationals, citing their involvement in various criminal activities."
    )
    assert "deportation-flight-report" in fired_rules(rules, POLICY, title, summary)
    assert [match.topic for match in rules.classify(title, summary)[0]] == []


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_es.jsonl pool-es-0060 (El Universo; labelled flights only; dev split):
        # "de manera ilegal" is no court.
        (
            "Grupo de ecuatorianos deportados por Trump llegó a Guayaquil",
            "Ecuatorianos que se encontraban viviendo en Estados Unidos de manera ilegal "
            "comenzaron a llegar al aeropuerto de Guayaquil esta tarde.",
        ),
        # classify_pool_morning_es.jsonl pool-mes-0029 (La Razón; flights only; train split):
        # authorities "anular" a removal is no court either.
        (
            "Más de 4.700 expulsiones de inmigrantes en avión frustradas en 4 años",
            "Entre enero de 2010 y diciembre de 2014 las autoridades españolas tuvieron que "
            "anular 4.701 expulsiones de inmigrantes en avión que habían sido previstas por "
            "razones como una falta de documentación o suponer una amenaza para la seguridad "
            "del vuelo, extremo este que decide el piloto de la aeronave.",
        ),
    ],
)
def test_an_unlawful_word_beside_a_flight_is_no_court(
    rules: Classifier, title: str, summary: str
) -> None:
    assert "court-rules-on-a-flight" not in fired_rules(rules, POLICY, title, summary)


def test_flights_stepped_up_are_no_campaign(rules: Classifier) -> None:
    # classify_dev.jsonl dev-0003 (labelled flights only; dev split): more flights is an
    # event count, not a campaign without a flight.
    fired = fired_rules(
        rules,
        POLICY,
        "¡A todo vapor! Intensifican número de vuelos de deportación en Tapachula",
        "",
    )
    assert "deportation-campaign" not in fired


def test_a_flight_under_a_deportation_headline_counts_against_policy(rules: Classifier) -> None:
    # classify_pool_twilight_en.jsonl pool-twen-0007 (Ugarit Post; flights only; train split):
    # the flight is in the deck, too far from the headline's "deports" for
    # deportation-flight-report.
    fired = fired_rules(
        rules,
        POLICY,
        "Germany deports hundreds of Afghan and Syrian asylum seekers",
        "Documents reveal charter flights taking people back to Lebanon, Iraq and Turkey",
    )
    assert "flight-under-a-deportation-headline" in fired
    assert "deportation-flight-report" not in fired


def test_the_frontier_of_knowledge_is_no_border(rules: Classifier) -> None:
    # classify_pool_twilight_es.jsonl pool-twes-0027 (Star News, México; a hard negative the
    # model alone tagged; train split): the masked "frontera" marks a hard negative, so the
    # score is capped at the rules' own.
    title = "El conocimiento de frontera"
    summary = (
        "La controversia científica y la necesidad de nuevas respuestas son el empuje para abrir "
        "nuevas brechas en la investigación científica"
    )
    fired, view = _rule_view(rules._compiled[POLICY], rules._scan(title, summary))
    assert fired == []
    assert view[2] == 1.0  # a hard negative: the model cannot overrule the rules


def test_a_student_visa_in_spains_words_is_visa_service(rules: Classifier) -> None:
    # classify_pool_twilight_es.jsonl pool-twes-0005 (Diario Siglo XXI; hard negative; train)
    fired = fired_rules(
        rules,
        POLICY,
        "¿Necesitas pedir un visado de estudiante? Aquí tienes siete recomendaciones que debes "
        "tener en cuenta",
        "Estudiar en el extranjero puede ser una de las experiencias más estimulantes y que más "
        "te pueden cambiar la vida.",
    )
    assert "visa-service-news" in fired
