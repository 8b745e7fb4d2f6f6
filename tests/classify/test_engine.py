"""The engine on the shipped topics: inflection, languages, exclusions, evidence, entities."""

from __future__ import annotations

from pathlib import Path

import pytest
from wirewatch_classify.engine import Classifier, UserTopic
from wirewatch_classify.topicdef import TopicFileError, load_topics
from wirewatch_shared.events import TopicMatch

from tests.classify.support import fired_rules

REPAT = "repatriation-flights"
BORDER = "border-policy"


def topics_of(classifier: Classifier, title: str, summary: str = "") -> dict[str, TopicMatch]:
    matches, _ = classifier.classify(title, summary, None)
    return {m.topic: m for m in matches}


@pytest.mark.parametrize(
    "title",
    [
        "US resumes deportation flights to Venezuela",
        "Llegan a Maiquetía 180 venezolanos deportados en un vuelo desde Texas",
        "México deportó en avión a 120 migrantes hondureños",
        "Primer vuelo de REPATRIACIÓN de migrantes sale de Panamá",
        "Avión con repatriados guatemaltecos aterrizó en La Aurora",
        "ICE Air charter carrying deportees lands in Guatemala City",
        "Frontex-chartered return flight takes 40 migrants back to their home country",
    ],
)
def test_repatriation_flights_in_english_and_spanish(classifier: Classifier, title: str) -> None:
    assert REPAT in topics_of(classifier, title)


@pytest.mark.parametrize(
    "title",
    [
        "Biden administration ends Title 42 asylum restrictions at the border",
        "México impone visa a venezolanos para frenar la migración",
        "Greece extends border fence along the Evros river",
        "Nueva política migratoria endurece las reglas de asilo en la frontera sur",
        "EU agrees migration pact to speed up asylum processing",
        "Panamá cierra pasos fronterizos en el Darién ante la llegada de migrantes",
    ],
)
def test_border_policy_in_english_and_spanish(classifier: Classifier, title: str) -> None:
    assert BORDER in topics_of(classifier, title)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Airline delays: hundreds of flights cancelled by storm", ""),
        ("Cheap flights to Mexico for the holidays", "Fares from $99 return."),
        ("Multinationals step up repatriation of profits from Mexico", ""),
        (
            "Repatriation of remains of migrants who died in the desert",
            "The bodies were flown home.",
        ),
        ("Museum agrees repatriation of Benin bronzes", "The artefacts will be flown to Nigeria."),
        ("India evacuates stranded citizens on repatriation flights from Sudan", ""),
        (
            "Aerolíneas Argentinas finalizó sus vuelos de repatriación",
            "Los argentinos varados en el exterior regresaron.",
        ),
        ("Drug lord extradited to the United States on a government flight", ""),
        ("Venezuela and Guyana border dispute over Essequibo escalates", ""),
        ("India win Border-Gavaskar Trophy", ""),
        ("Deportivo La Coruña vence al Racing", ""),
        ("Border collie crowned best in show", ""),
        ("Pemex and PDVSA oil output falls", "Mexico and Venezuela economy news."),
        ("Frontera Energy announces third quarter results", ""),
    ],
)
def test_hard_negatives_are_not_tagged(classifier: Classifier, title: str, summary: str) -> None:
    assert topics_of(classifier, title, summary) == {}


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the fixture of test_hard_negatives_are_not_tagged ("return" is a return fare)
        ("Cheap flights to Mexico for the holidays", "Fares from $99 return."),
        # classify_pool_en.jsonl pool-en-0256 (The Points Guy UK; no topic; train split)
        (
            "Expect even lower Ryanair fares in the coming months",
            "Ryanair is set to double down on the term ultra-low cost.",
        ),
        # classify_pool_es.jsonl pool-es-0286 (Consumer Eroski; no topic; train split)
        (
            "Vuelos baratos en Internet",
            "Todas las aerolíneas tienen una sede y sus ofertas más interesantes serán siempre "
            "las que van o vienen de allí.",
        ),
        # classify_pool_dusk_es.jsonl pool-des-0024 (La Voz de Galicia; no topic; train split)
        (
            "Los vuelos cuestan hasta un 300% más en los meses de julio y agosto",
            "Comprar un billete de avión en los meses de julio y agosto puede resultar muy caro "
            "si no se hace con mucha antelación.",
        ),
        # a unit case of the rule (not labelled data): Spanish fares and tickets
        ("Pasajes aéreos más caros: tarifas aéreas suben para la temporada vacacional", ""),
    ],
)
def test_commercial_travel_is_a_hard_negative_of_flights(
    rules: Classifier, classifier: Classifier, title: str, summary: str
) -> None:
    # repatriation-flights v13: fares and tickets sold to the public are no removal
    assert "commercial-travel" in fired_rules(rules, REPAT, title, summary)
    assert REPAT not in topics_of(classifier, title, summary)


@pytest.mark.parametrize(
    "title",
    [
        "ICE buys airline tickets to deport migrants on commercial flights",
        "Deportados en vuelos comerciales: el gobierno compra boletos de avión para migrantes",
    ],
)
def test_commercial_travel_gives_way_to_deportation_words(rules: Classifier, title: str) -> None:
    assert "commercial-travel" not in fired_rules(rules, REPAT, title, "")


@pytest.mark.parametrize(
    "word", ["deportados", "deportó", "deportaron", "repatriación", "repatriados", "Deportation"]
)
def test_inflections_and_accents_do_not_matter(classifier: Classifier, word: str) -> None:
    title = f"Vuelo con migrantes {word} llega a Honduras"
    assert REPAT in topics_of(classifier, title)
    stripped = title.replace("ó", "o").upper()
    assert REPAT in topics_of(classifier, stripped)


def test_exclusion_masks_only_the_overlapping_hit(classifier: Classifier) -> None:
    # "repatriation of profits" is masked, but the deportation flight still counts.
    both = topics_of(
        classifier,
        "Deportation flight leaves for Haiti as firm plans repatriation of profits",
    )
    assert REPAT in both
    phrases = {e.phrase.lower() for e in both[REPAT].evidence}
    assert "repatriation" not in phrases


def test_evidence_points_into_the_original_text(classifier: Classifier) -> None:
    title = "¡Otro VUELO de Deportación llegó a Tegucigalpa!"
    summary = "El avión traía 130 hondureños deportados desde EE.UU."
    match = topics_of(classifier, title, summary)[REPAT]
    assert 0.0 < match.score <= 1.0
    assert match.evidence and match.rules
    rule_names = set(match.rules)
    for ev in match.evidence:
        source = title if ev.field == "title" else summary
        assert source[ev.start : ev.end] == ev.phrase
        assert ev.rule in rule_names
    assert any(e.phrase == "VUELO de Deportación" for e in match.evidence)


def test_scores_are_calibrated_probabilities(classifier: Classifier) -> None:
    strong = topics_of(
        classifier, "Deportation flights resume", "A charter flight with 120 deportees landed."
    )
    weak = topics_of(classifier, "Germany deports 28 Afghans to their home country")
    assert strong[REPAT].score > weak[REPAT].score >= 0.5


def test_entities_countries_agencies_places(classifier: Classifier) -> None:
    _, entities = classifier.classify(
        "ICE deporta a venezolanos desde El Paso",
        "Frontex y el INM coordinan; los mexicanos cruzan por Tijuana. Ice cream.",
        "es",
    )
    assert entities.countries == ("MX", "VE")
    assert entities.agencies == ("Frontex", "ICE", "INM")
    assert entities.places == ("El Paso", "Tijuana")


def test_no_match_gives_empty_tuple(classifier: Classifier) -> None:
    matches, entities = classifier.classify("Local bakery wins bread award", "", "en")
    assert matches == ()
    assert (entities.countries, entities.agencies, entities.places) == ((), (), ())
    assert classifier.classify("", "", None)[0] == ()


def test_user_topic_cannot_shadow_a_topic_file(classifier: Classifier) -> None:
    custom = classifier.with_user_topics([UserTopic.from_phrases("border-policy", ["bread"])])
    assert "border-policy" not in custom.user_topics
    assert custom.classify("Bread prices rise", "")[0] == ()


def test_user_topics_query_and_phrases(classifier: Classifier) -> None:
    custom = classifier.with_user_topics(
        [
            UserTopic.from_query("darien", '(Darién OR "Darien Gap") AND migra* NOT tourism'),
            UserTopic.from_query("near", "charter NEAR/2 deport*"),
            UserTopic.from_phrases("boats", ["small boats", "pateras"]),
        ]
    )
    assert "darien" in topics_of(custom, "Migrants cross the Darien Gap")
    assert "darien" not in topics_of(custom, "Darien Gap tourism migrants")
    assert "near" in topics_of(custom, "charter flight deported them")
    assert "near" not in topics_of(custom, "charter flight company says it never deported anyone")
    boats = topics_of(custom, "Llegan tres pateras a Lampedusa")["boats"]
    assert boats.score == 1.0 and boats.evidence[0].phrase == "pateras"
    assert boats.evidence[0].rule == "query"


def test_at_least_user_topic_needs_that_many_of_its_terms(classifier: Classifier) -> None:
    custom = classifier.with_user_topics(
        [UserTopic.from_query("like", "ATLEAST/2 (deport* vuelo* honduras)")]
    )
    assert "like" not in topics_of(custom, "Honduras elige presidente")
    found = topics_of(custom, "Llega a Honduras vuelo con deportados")["like"]
    assert sorted(e.phrase for e in found.evidence) == ["Honduras", "deportados", "vuelo"]


def test_topics_dir_overrides_and_adds(tmp_path: Path) -> None:
    (tmp_path / "border-policy.yaml").write_text(
        "topic: border-policy\nversion: 9\nthreshold: 0.5\n"
        "rules:\n  - name: wall\n    weight: 5\n    phrases: {en: [border wall]}\n"
    )
    (tmp_path / "heat.yml").write_text(
        "topic: heatwave\nversion: 1\n"
        "groups: {heat: {en: [heatwave, heat wave], es: [ola de calor]}}\n"
        "rules:\n  - name: heat\n    weight: 5\n    any: [heat]\n"
    )
    custom = Classifier.load(tmp_path)
    versions = {t.topic: t.version for t in custom.topics}
    assert versions == {"border-policy": 9, "heatwave": 1, REPAT: versions[REPAT]}
    assert "heatwave" in topics_of(custom, "Ola de calor en España")
    assert BORDER not in topics_of(custom, "New asylum rules take effect")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("topic: x\nversion: 1\nrules: []\ngroups: {a: {en: [de*]}}\n", "shorter than 3"),
        ("topic: x\nversion: 1\nrules:\n  - {name: r, weight: 1, any: [nope]}\n", "unknown groups"),
        ("topic: x\nversion: 1\nrules:\n  - {name: r, weight: 1}\n", "exactly one of"),
        ("topic: Bad Name\nversion: 1\nrules: []\n", "topic"),
        ("topic: x\nversion: [\n", "cannot read topic file"),
    ],
)
def test_bad_topic_files_say_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "x.yaml").write_text(content)
    with pytest.raises(TopicFileError) as info:
        load_topics(tmp_path)
    assert "x.yaml" in str(info.value) and message in str(info.value)
