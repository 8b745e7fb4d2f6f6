"""The rules of the fifteenth round (border-policy v16).

Every phrase is real text (title and lede verbatim) from a development file of
``tests/data`` (train or dev split, never test; never the twilight or evening check half);
the item id is cited. The checks read the names of the rules that fired, so a retrained
model cannot hide a rule that stopped firing."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier, _rule_view

from tests.classify.support import fired_rules

POLICY = "border-policy"


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
