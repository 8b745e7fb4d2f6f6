"""Headline countries (stop 40, issue 13): the countries a headline names by their names, the US
aside (``g:`` cues), and the pair feature they give the learned decision, ``headline_conflict``:
each headline names a country the other's does not. Headlines quoted verbatim from the labelled
stories files (source, date and link beside each)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.features import extract
from wirewatch_stories.lexicon import fold
from wirewatch_stories.pair_cues import member
from wirewatch_stories.pair_model import LEARNED_PAIRS, PAIR_FEATURES
from wirewatch_stories.places import HEADLINE_COUNTRIES, headline_cues

from tests.stories.support import shipped_entities

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


def _pair(left: tuple[str, str], right: tuple[str, str]) -> tuple[tuple[float, ...], float]:
    """The pair features and similarity of ``left`` published a day after ``right``, with the
    entities classify's gazetteer finds in each (as the service receives them)."""
    finder = shipped_entities()

    def cues(title: str, summary: str) -> frozenset[str]:
        found = finder(title, summary)
        return extract(
            title, summary, countries=found.countries, agencies=found.agencies, places=found.places
        ).cues

    clusterer = Clusterer(pair_model=LEARNED_PAIRS)
    scorer = clusterer._scorer(cues(*left), T0 + 86400.0)
    other = member("m", "st_m", cues(*right), T0)
    features = scorer.pair_features(other)
    assert features is not None
    return features, scorer.similarity(other)


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


def _gazetteer_names() -> dict[str, tuple[str, ...]]:
    """Stop 39's rule on classify's gazetteer: a country's entries that are not prefixes, start
    with a capital and are not English demonyms, folded; the US aside."""
    people = re.compile(r"(?:ans|ians|ese|ish|ons|ch|ek|ic)$")
    data = yaml.safe_load(GAZETTEER.read_text(encoding="utf-8"))
    names: dict[str, list[str]] = {}
    for code, entries in data["countries"].items():
        for entry in entries:
            word = entry.lstrip("=")
            if word.endswith("*") or not word[:1].isupper() or people.search(word):
                continue
            folded = fold(word)
            if code != "US" and folded not in names.get(code, []):
                names.setdefault(code, []).append(folded)
    return {code: tuple(words) for code, words in names.items()}


def test_the_headline_names_are_classify_gazetteers() -> None:
    if not GAZETTEER.exists():
        pytest.skip(f"{GAZETTEER} not found")
    assert _gazetteer_names() == HEADLINE_COUNTRIES
