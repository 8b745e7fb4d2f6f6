"""The rules of the twelfth round (border-policy v13, repatriation-flights v10).

Every phrase is real text (title and lede verbatim) from a development file of
``tests/data`` (train or dev split, never test); the item id is cited. The checks read
the rules alone (``rule_views``: positive sum, negative sum, hard-negative flag) or the
names of the rules that fired, so a retrained model cannot hide a rule that stopped
firing."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules

FLIGHTS = "repatriation-flights"
POLICY = "border-policy"


@pytest.mark.parametrize(
    ("title", "summary", "rule"),
    [
        # classify_pool_friday_en.jsonl pool-fren-0001 (Splinter)
        (
            "ICE Arrests More Than 280 People in Biggest Workplace Raid in a Decade",
            "U.S. Immigration and Customs Enforcement arrested more than 280 people "
            "suspected of working in the country without proper documentation at a "
            "business in Allen, TX, ICE officials announced on Wednesday.",
            "immigration-agency-enforcement",
        ),
        # classify_pool_friday_en.jsonl pool-fren-0023 (Jawawa / The Jakarta Post, AP)
        (
            "Predawn raids mark crackdown on illegals",
            "Malaysian police raided workplaces in darkness early on Tuesday in a "
            "nationwide crackdown on illegal workers, arresting at least 130 people, "
            "including 62 known to be Indonesians, shortly after a four-month-old amnesty "
            "ended at midnight.",
            "interior-enforcement",
        ),
        # classify_pool_friday_es.jsonl pool-fres-0002 (NotiTotal)
        (
            "Alerta en Florida: 800 «Migrantes indocumentados» fueron detenidos en "
            "‘Operación Marea Negra’, confirmó la Casa Blanca",
            "En un operativo sin precedentes, las autoridades confirmaron la detención de "
            "al menos 800 migrantes «indocumentados» en Florida (EEUU).",
            "interior-enforcement",
        ),
        # classify_pool_friday_es.jsonl pool-fres-0007 (Centro Tampa Bay / AP)
        (
            "Trump emite prohibición de viaje para 12 países",
            "WASHINGTON — El presidente Donald Trump emitió el miércoles por la noche una "
            "esperada “prohibición de viaje” para impedir la entrada de ciudadanos de una "
            "docena de países y restringir parcialmente el ingreso de nacionales de un "
            "grupo más reducido de países.",
            "entry-ban-by-nationality",
        ),
        # classify_pool_friday_es.jsonl pool-fres-0043 (Última Hora)
        (
            "Deportados llegan sin consumar el sueño de trabajar",
            "Ayer arribó al aeropuerto Silvio Pettirossi un grupo de 15 nuevos paraguayos "
            "inadmitidos en España.",
            "entry-refused",
        ),
    ],
)
def test_enforcement_entry_bans_and_refusals_are_policy(
    rules: Classifier, title: str, summary: str, rule: str
) -> None:
    assert rule in fired_rules(rules, POLICY, title, summary)


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
