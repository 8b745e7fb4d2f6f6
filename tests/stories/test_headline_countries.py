"""Headline countries (stop 40, issue 13; names corrected at stop 41): the countries a headline
names by their names, not their people, carriers or air forces, the US aside (``g:`` cues), and
the pair feature they give the learned decision, ``headline_conflict``: each headline names a
country the other's does not. Headlines quoted verbatim from the labelled
stories files (source, date and link beside each)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from wirewatch_stories.cluster import LEARNED_PAIRS, PAIR_FEATURES, Clusterer, _member
from wirewatch_stories.features import HEADLINE_COUNTRIES, extract, fold, headline_cues

from wirewatch.cli.stories_cmds import _entity_finder

GAZETTEER = (
    Path(__file__).resolve().parents[2] / "services/classify/wirewatch_classify/data/entities.yaml"
)
T0 = 1534453200.0  # 2018-08-16T21:00:00Z
# tests/data/stories_lauds.jsonl st-22018, VOA, 2018-08-16T21:00Z,
# https://voa.pangea-cms.com/preview/es/a/ecuador-pedir%C3%A1-pasaporte-de-forma-obligatoria-a-venezolanos/4531950.html
ECUADOR = (
    "Ecuador pedirá pasaporte de forma obligatoria a venezolanos",
    "Ecuador anunció el jueves que desde el sábado 18 de agosto solicitará la presentación "
    "obligatoria de pasaportes a todos los venezolanos que intenten ingresar a su territorio.",
)
# stories_lauds.jsonl st-22024, Infobae, 2018-08-17T22:00Z (another event: Peru's rule, a day on),
# https://www.infobae.com/america/venezuela/2018/08/17/peru-aumenta-los-requisitos-para-los-venezolanos-que-ingresen-al-pais-exigira-pasaporte
PERU = (
    "Perú aumenta los requisitos para los venezolanos que ingresen al país: exigirá pasaporte",
    "Perú exigirá pasaporte a los venezolanos como requisito para ingresar al país, anunciaron "
    "este viernes el superintendente de Migraciones, Eduardo Sevilla, y el ministro del "
    "Interior, Mauro Medina, tras una decisión similiar adoptada por el gobierno de Ecuador.",
)


def test_a_headline_names_its_countries_not_their_people_nor_the_us() -> None:
    assert headline_cues(ECUADOR[0]) == {"g:EC"}
    assert headline_cues(PERU[0]) == {"g:PE"}  # "Perú", accent folded
    # stories_lauds.jsonl st-22023, Iran Daily, 2018-08-17T07:50Z
    assert headline_cues(
        "Sources: Peru to tighten entry requirements for Venezuelans as migration surges"
    ) == {"g:PE"}  # "Venezuelans": the migrants, not where the event is
    # stories_afternoon.jsonl st-16048, News Front, 2020-03-21T08:00Z: the US aside
    assert headline_cues(
        "EE.UU. y Canadá cierran temporalmente la frontera para viajes no esenciales"
    ) == {"g:CA"}
    # stories_compline.jsonl st-21025, Sofia Globe, 2016-02-23T12:00Z: a demonym and a capital
    assert headline_cues("Afghan migrants, stalled at Macedonian border, sent back to Athens") == (
        set()
    )
    # the title alone: a lede's countries are not the headline's
    assert {c for c in extract(*PERU).cues if c[:2] == "g:"} == {"g:PE"}


def test_a_name_of_several_words_ending_like_a_demonym_is_a_name() -> None:
    # stories_dawn.jsonl st-7036, Anadolu Agency, 2023-09-14,
    # https://www.aa.com.tr/en/americas/dominican-republic-to-close-all-borders-with-haiti/2992367
    # ("Republic" ends in "-ic": stop 39's rule read it as a demonym and gave no g:DO)
    assert headline_cues("Dominican Republic to close all borders with Haiti") == {"g:DO", "g:HT"}
    # stories_fresh.jsonl st-3050, WEFM 99.9, 2024-10-04,
    # https://999wefm.com/dominican-republic-to-start-deporting-haitians/ ("Haitians": people)
    assert headline_cues("Dominican Republic to start deporting Haitians") == {"g:DO"}


def test_a_demonym_and_a_noun_of_people_are_people_not_the_country() -> None:
    # stories_dev.jsonl st-0020, Scroll.in, 2025-02-05,
    # https://scroll.in/latest/1078792/over-100-deported-indian-citizens-arrive-in-amritsar-on-us-military-aircraft
    assert (
        headline_cues(
            "Over 100 deported Indian citizens arrive in Amritsar on US military aircraft"
        )
        == set()
    )
    # stories_dev.jsonl st-0027, Business Today, 2025-02-17,
    # https://businesstoday.in/amp/india/story/us-military-aircraft-with-third-batch-of-112-indian-deportees-arrives-in-amritsar-464832-2025-02-17
    assert (
        headline_cues(
            "US military aircraft with third batch of 112 Indian deportees arrives in Amritsar"
        )
        == set()
    )
    # stories_unseen.jsonl st-4041, Korea JoongAng Daily, 2025-09-12,
    # https://koreajoongangdaily.joins.com/news/2025-09-12/national/socialAffairs/Korean-workers-reunite-with-families-after-eight-days-in-ICE-detention--in-pictures/2397814
    assert (
        headline_cues("Korean workers reunite with families after eight days in ICE detention")
        == set()
    )


# stories_unseen.jsonl st-4045, KBS World, 2025-09-12 (a headline of one long sentence),
# http://world.kbs.co.kr/service/news_view.htm?lang=s&Seq_Code=94812
KOREAN_AIR = (
    "El vuelo chárter KE9036 de la aerolínea Korean Air, con unos 300 trabajadores coreanos a "
    "bordo, aterrizó el viernes 12 a las 3:23 de la tarde en el Aeropuerto Internacional de "
    "Incheon, ocho días después de que fueran detenidos por las autoridades migratorias de "
    "Estados Unidos."
)


def test_a_carrier_or_an_air_force_is_not_its_country() -> None:
    # the carrier and the people aside, and the US
    assert headline_cues(KOREAN_AIR) == set()
    # stories_unseen.jsonl st-4040, Local News Wave, 2025-09-09,
    # https://www.localnewswave.com/article/1017838231659724800: the country by its name counts
    assert headline_cues(
        "Korean Air ha anunciado que un Boeing 747 partirá de Corea del Sur este miércoles para "
        "repatriar a más de 300 ciudadanos surcoreanos detenidos por el Servicio de Inmigración y "
        "Control de Aduanas de Estados Unidos (ICE)."
    ) == {"g:KR"}
    # stories_noonday.jsonl st-13039, Infogate, 2023-12-07 (the Chilean air force's flight),
    # https://infogate.cl/2023/12/30-ciudadanos-colombianos-fueron-expulsados-este-jueves-en-un-vuelo-fach
    assert (
        headline_cues("30 ciudadanos colombianos fueron expulsados este jueves en un vuelo FACh")
        == set()
    )


def _pair(left: tuple[str, str], right: tuple[str, str]) -> tuple[tuple[float, ...], float]:
    """The pair features and similarity of ``left`` published a day after ``right``, with the
    entities classify's gazetteer finds in each (as the service receives them)."""
    finder = _entity_finder(None)

    def cues(title: str, summary: str) -> frozenset[str]:
        found = finder(title, summary)
        return extract(
            title, summary, countries=found.countries, agencies=found.agencies, places=found.places
        ).cues

    clusterer = Clusterer(pair_model=LEARNED_PAIRS)
    scorer = clusterer._scorer(cues(*left), T0 + 86400.0)
    member = _member("m", "st_m", cues(*right), T0)
    features = scorer.pair_features(member)
    assert features is not None
    return features, scorer.similarity(member)


def test_headlines_naming_different_countries_are_a_conflict_the_table_weighs_down() -> None:
    conflict = PAIR_FEATURES.index("headline_conflict")
    features, similarity = _pair(PERU, ECUADOR)
    # Peru's lede names Ecuador: no country conflict, only the headlines tell the two apart
    assert features[PAIR_FEATURES.index("country_conflict")] == 0.0
    assert features[conflict] == 1.0
    assert LEARNED_PAIRS.weights[conflict] < 0.0
    unweighed = list(features)
    unweighed[conflict] = 0.0
    assert similarity < 0.28 * LEARNED_PAIRS.probability(unweighed)
    # stories_lauds.jsonl st-22021, Eagle News (AFP), 2018-08-17T02:00Z: Ecuador's rule, one story
    same, _ = _pair(("Ecuador tightens entry requirements for Venezuelans", ""), ECUADOR)
    assert same[conflict] == 0.0
    # st-22022, CuencaHighLife, 2018-08-17T15:00Z: a headline naming no country conflicts with none
    none, _ = _pair(("New passport requirement for Venezuelan refugees faces stiff opposition", ""),
                    PERU)  # fmt: skip
    assert none[conflict] == 0.0


def test_headline_countries_are_neither_compared_nor_indexed() -> None:
    ecuador, peru = extract(*ECUADOR).cues, extract(*PERU).cues
    assert any(c[:2] == "g:" for c in peru) and any(c[:2] == "g:" for c in ecuador)
    plain_peru = frozenset(c for c in peru if c[:2] != "g:")
    plain_ecuador = frozenset(c for c in ecuador if c[:2] != "g:")
    hand = Clusterer(pair_model=None)  # the hand factors, under which the training pairs are scored
    assert hand.similarity(peru, ecuador) == hand.similarity(plain_peru, plain_ecuador) > 0.0
    clusterer = Clusterer()
    clusterer.add("ec", "st_ec", ecuador, T0)
    assert not any(cue[:2] == "g:" for cue in clusterer._postings)


# stop 41's rule: the last word of a name of several words is its head noun ("Dominican
# Republic"), not a demonym; a demonym and a noun of people or of a carrier are not a name
PEOPLE = re.compile(r"(?:ans|ians|ese|ish|ons|ch|ek|ic)$")
PEOPLE_NOUNS = {
    "nationals", "migrants", "immigrants", "deportees", "citizens", "workers", "students",
    "refugees", "residents", "people", "air", "airlines", "airways",
}  # fmt: skip
AIR_FORCE = re.compile(r"^FA[A-Z]")  # Fuerza Aérea + initials: FAC, FACh


def _is_name(word: str) -> bool:
    """Whether a gazetteer entry (its ``=`` dropped) names its country (stop 41's rule)."""
    if word.endswith("*") or not word[:1].isupper() or AIR_FORCE.match(word):
        return False
    words = word.split()
    if len(words) == 1:
        return not PEOPLE.search(word)
    return words[-1].lower() not in PEOPLE_NOUNS


def _gazetteer_names() -> dict[str, tuple[str, ...]]:
    """Stop 41's rule on classify's gazetteer, folded; the US aside."""
    data = yaml.safe_load(GAZETTEER.read_text(encoding="utf-8"))
    names: dict[str, list[str]] = {}
    for code, entries in data["countries"].items():
        for entry in entries:
            word = entry.lstrip("=")
            if code == "US" or not _is_name(word):
                continue
            folded = fold(word)
            if folded not in names.get(code, []):
                names.setdefault(code, []).append(folded)
    return {code: tuple(words) for code, words in names.items()}


def test_the_headline_names_are_classify_gazetteers() -> None:
    if not GAZETTEER.exists():
        pytest.skip(f"{GAZETTEER} not found")
    assert _gazetteer_names() == HEADLINE_COUNTRIES
