"""The border-policy rules on items of the topic.

Every phrase is real text (title and lede verbatim, or a lede read from its file) of the
``tests/data`` file and item cited beside it, never the test split, a judge or a check half;
the checks read the rules alone, so a retrained model cannot hide a rule that stopped firing.
Covered: enforcement, entry bans and refusals, barriers, turnbacks and interceptions, named
policies, mass expulsions, deportation campaigns, court rulings on a flight, governments
deciding on flights or returns; and the vetoes (livestock, flight reports) kept off them."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import POLICY, item_summary


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


def test_a_border_wall_story_with_migrants_keeps_no_livestock_veto(rules: Classifier) -> None:
    # classify_pool_border_es.jsonl pool-bes-0474 (labelled border-policy): no animal
    # word, so the barrier rules fire and the sanitary context does not.
    fired = fired_rules(
        rules,
        POLICY,
        "Hungría levanta un vallado para cerrar el paso a miles de desplazados",
        item_summary("classify_pool_border_es.jsonl", "pool-bes-0474"),
    )
    assert "border-barrier" in fired
    assert "animal-health-border" not in fired


def test_removal_flights_to_a_third_country_keep_their_policy_evidence(
    rules: Classifier,
) -> None:
    # flights_dev.jsonl fl-0364 (labelled both): a removal to Guantánamo is policy as well
    # as a flight, so the flight-report penalties stay off.
    title = "En imágenes: el primer vuelo de deportados a Guantánamo"
    fired = fired_rules(rules, POLICY, title, item_summary("flights_dev.jsonl", "fl-0364"))
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
    assert "named-policy" in fired_rules(rules, POLICY, title, item_summary(name, item_id))


def test_a_border_wall_that_cut_cattle_theft_is_still_policy(rules: Classifier) -> None:
    # classify_pool_border_es.jsonl pool-bes-0031 (labelled border-policy): cattle are
    # named, far from the border and with no disease or trade word.
    title = (
        "El presidente Luis Abinader afirmó que el muro divisorio entre la República "
        "Dominicana y Haití es una de las obras más importantes y que cambiará para siempre "
        "a la nación."
    )
    fired = fired_rules(
        rules, POLICY, title, item_summary("classify_pool_border_es.jsonl", "pool-bes-0031")
    )
    assert "border-barrier" in fired
    assert not fired & {"animal-health-border", "border-closed-to-livestock"}


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_en.jsonl pool-en-0054 (BBC World Service, mirror; dev split): no
        # border word, the scale in the headline.
        (
            "Pakistan expels tens of thousands of Afghans",
            "Pakistan has deported more than 19,500 Afghans this month, among more than 80,000 "
            "who have left ahead of a 30 April deadline, according to the UN.",
        ),
        # classify_pool_en.jsonl pool-en-0577 (KYMA, AP; train split): a weekly quota.
        (
            "Dominican Republic will deport up to 10,000 Haitians a week, citing an excess of "
            "immigrants",
            "The Dominican Republic says it will start massive deportations of Haitians living "
            "illegally in the country and expel up to 10,000 of them a week.",
        ),
        # classify_pool_en.jsonl pool-en-0396 (VisaVerge; train split)
        (
            "Iran Accelerates Deportation of 4 Million Afghans Before Deadline",
            "In July 2025, Iran began one of the largest forced deportations in recent "
            "history, targeting up to four million Afghans living in the country without "
            "legal status.",
        ),
    ],
)
def test_a_mass_expulsion_is_policy_without_a_border_word(
    rules: Classifier, title: str, summary: str
) -> None:
    # evidence for the stacked model; with the rules alone it outweighs the event-headline
    # penalty (-2.0) by 2.5
    assert "mass-expulsion" in fired_rules(rules, POLICY, title, summary)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_twilight_en.jsonl pool-twen-0048 (The Gleaner; dev split): labelled
        # both topics, a court ruling on a flight.
        (
            "Update | Deportation drama as court orders stop to flight",
            "A last-gasp attempt to halt the highly publicised deportation charter flight from "
            "the United Kingdom (UK) to Jamaica apparently failed, even though the Court of "
            "Appeal in London yesterday ruled that the Home Office refrain, at least for now, "
            "from removing some or all of the 50 people to afford them due process.",
        ),
        # classify_pool_en.jsonl pool-en-0024 (BritBrief; dev split)
        (
            "High Court halts Rwanda deportation flight",
            "In a dramatic legal showdown, the High Court has grounded a controversial flight "
            "scheduled to deport asylum seekers to Rwanda, delivering a significant blow to the "
            "government's flagship immigration policy.",
        ),
        # classify_pool_en.jsonl pool-en-0025 (Rights Corridor; train split): "legal action"
        (
            "Asylum seekers' flight to Rwanda cancelled after legal action",
            "The UK government's plan to send an inaugural flight of asylum seekers to Rwanda on "
            "Tuesday has been cancelled after a dramatic last-minute ruling by the European "
            "Court of Human Rights (ECtHR).",
        ),
    ],
)
def test_a_court_ruling_on_a_flight_is_policy(rules: Classifier, title: str, summary: str) -> None:
    assert "court-rules-on-a-flight" in fired_rules(rules, POLICY, title, summary)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # classify_pool_twilight_en.jsonl pool-twen-0018 (Ummnews, AP; train split)
        (
            "Syrian refugees fearful as Lebanon steps up deportations",
            "QAB ELIAS, Lebanon (AP) — Lebanese officials are cracking down on Syrian refugees "
            "against the backdrop of a worsening economic crisis and political stalemate, an "
            "escalation that has caused a panic among Syrians in the country.",
        ),
        # classify_pool_morning_en.jsonl pool-men-0003 (The Star, Reuters; train split)
        (
            "India intensifies expulsion of suspected foreigners to Bangladesh",
            "India has started to push people it considers illegal immigrants into neighbouring "
            "Bangladesh, but human rights activists say authorities are arbitrarily throwing "
            "people out of the country.",
        ),
    ],
)
def test_stepping_up_deportations_is_a_campaign(
    rules: Classifier, title: str, summary: str
) -> None:
    # evidence for the stacked model; with the rules alone it outweighs the event-headline
    # penalty (-2.0) by 2.0
    assert "deportation-campaign" in fired_rules(rules, POLICY, title, summary)


def test_a_receiving_government_resuming_reception_decides(rules: Classifier) -> None:
    # classify_pool_twilight_es.jsonl pool-twes-0046 (Diario Libre; both topics; train
    # split): the counterpart of "suspende la recepción".
    title = "Venezuela reanuda la recepción de deportados de EE. UU."
    summary = (
        "Hasta el momento, la administración de Trump no ha brindado mayores detalles sobre la "
        "reanudación de los vuelos"
    )
    fired = fired_rules(rules, POLICY, title, summary)
    assert "government-decides-on-flights" in fired
    assert "flight-under-a-deportation-headline" not in fired


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
