"""Stop 53's rules (issue 12), read on real items.

Every title is copied verbatim and every lede read from the ``tests/data`` file and id cited
beside it: train items of the split or held-back sets read at earlier stops (the study sets of
``bench/classify_round53/RULE.md``); never the test split, a judge or the midday check set.

The classes (border-policy v19):

- returns and stops at sea: a coast guard or a patrol boat that sends people back, intercepts
  or detains them ("Devuelve 50 balseros a Cuba el servicio de guardacostas") is border
  enforcement, as a return at a land border; Spanish had no coast-guard word before v19;
- police and courts against migrant smugglers (arrests, sentences, rings dismantled) are crime
  news, not border policy, unless a law, a measure or an agreement is the subject;
- (second round, ``bench/classify_round53b/RULE.md``) the UN migration agency helping stranded
  or detained migrants go home (an assisted voluntary return) is a return, not border policy,
  unless an interception, a policy, a law or an agreement is the subject."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import POLICY, item_summary

SEA_RULES = {"return-by-sea", "return-by-sea-plain", "stopped-at-sea"}

# (file, id, title verbatim): every one labelled border-policy.
SEA_RETURNS = [
    # a coast guard sends rafters back (train, orison)
    (
        "classify_pool_orison_es.jsonl",
        "pool-ores-0007",
        "Devuelve 50 balseros a Cuba el servicio de guardacostas",
    ),
    # a coast guard repatriates people it intercepted (train)
    (
        "classify_pool_es.jsonl",
        "pool-es-0597",
        "La Guardia Costera de EE.UU. repatria a 124 haitianos interceptados en dos embarcaciones",
    ),
    # the English side (train, the 2026-12-03 pool)
    ("classify_pool_fresh_en.jsonl", "pool-fen-0010", "Coast Guard takes back Venezuelans"),
    # an interception by a coast guard (held-back zenith)
    (
        "classify_pool_zenith_es.jsonl",
        "pool-zen-es-0015",
        "La Guardia Costera de Aruba interceptó una embarcación que transportaba a 38 migrantes "
        "venezolanos",
    ),
]

# (file, id, title verbatim): every one a negative (crime news).
SMUGGLING_ARRESTS = [
    (
        "classify_pool_halcyon_en.jsonl",
        "pool-hal-en-0014",
        "CBP agents thwart 2 smuggling attempts",
    ),
    (
        "classify_pool_fresh44_en.jsonl",
        "pool-f44-en-0040",
        "Four men sentenced in 'large-scale' smuggling scheme involving thousands of migrants",
    ),
    (
        "classify_pool_fresh46_es.jsonl",
        "pool-f46-es-0016",
        "Autoridades mexicanas detienen a 315 traficantes de migrantes en lo que va del 2023",
    ),
    (
        "classify_pool_vigil43_es.jsonl",
        "pool-v43-es-0014",
        "Desmantelan en Texas red de contrabando de inmigrantes clandestinos",
    ),
    (
        "classify_pool_fresh44_es.jsonl",
        "pool-f44-es-0019",
        "Capturan dos coyotes en Honduras mientras trasladaban migrantes",
    ),
]

# (file, id, title verbatim): smuggling as the subject of a law or a measure: border-policy.
SMUGGLING_POLICY = [
    (
        "classify_pool_border_es.jsonl",
        "pool-bes-0271",
        "El Parlamento de Italia aprobó hoy la Ley Cutro, que aumentará las penas contra los "
        "traficantes de inmigrantes en el mar Mediterráneo y limitará el estatus de “protección "
        "especial”.",
    ),
    (
        "classify_pool_border_es.jsonl",
        "pool-bes-0001",
        "Las autoridades de Panamá informaron que el paso de migrantes por la peligrosa selva del "
        "Darién experimentó una caída significativa durante el último año en comparación con "
        "periodos anteriores.",
    ),
]


@pytest.mark.parametrize(("name", "item_id", "title"), SEA_RETURNS)
def test_return_or_stop_at_sea_is_recognised(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert SEA_RULES & fired_rules(rules, POLICY, title, summary)


@pytest.mark.parametrize(("name", "item_id", "title"), SEA_RETURNS[:3])
def test_shipped_model_tags_a_return_at_sea_as_border_policy(
    classifier: Classifier, name: str, item_id: str, title: str
) -> None:
    matches, _ = classifier.classify(title, item_summary(name, item_id), None)
    assert POLICY in {m.topic for m in matches}


@pytest.mark.parametrize(("name", "item_id", "title"), SMUGGLING_ARRESTS)
def test_smugglers_arrested_or_sentenced_are_crime_news(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "smuggling-crime" in fired_rules(rules, POLICY, title, summary)


@pytest.mark.parametrize(("name", "item_id", "title"), SMUGGLING_ARRESTS)
def test_shipped_model_does_not_tag_smuggling_arrests_as_border_policy(
    classifier: Classifier, name: str, item_id: str, title: str
) -> None:
    matches, _ = classifier.classify(title, item_summary(name, item_id), None)
    assert POLICY not in {m.topic for m in matches}


@pytest.mark.parametrize(("name", "item_id", "title"), SMUGGLING_POLICY)
def test_a_law_or_measure_on_smuggling_is_not_vetoed(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "smuggling-crime" not in fired_rules(rules, POLICY, title, summary)


# (file, id, title verbatim): every one labelled repatriation-flights only.
AGENCY_RETURNS = [
    # held-back fresh51: the returnees had been detained
    (
        "classify_pool_fresh51_en.jsonl",
        "pool-f51-en-0003",
        "UN Migration Agency Helps Stranded Migrants Return to Bangladesh from Libya",
    ),
    # held-back nightfall
    (
        "classify_pool_nightfall_en.jsonl",
        "pool-nfen-0009",
        "IOM Libya Helps 421 Stranded African Migrants Return Home",
    ),
    # train
    (
        "classify_pool_late_es.jsonl",
        "pool-les-0018",
        "La OIM facilita el retorno voluntario de migrantes de Burkina Faso desde Libia",
    ),
    # train
    (
        "classify_pool_twilight_es.jsonl",
        "pool-twes-0035",
        "132 Migrantes de Guinea retornan a sus casas desde Libia con la ayuda de la OIM",
    ),
]

# (file, id, title verbatim): the agency named beside an interception or an expulsion across a
# border: labelled border-policy, not an assisted return.
AGENCY_BORDER_POLICY = [
    (
        "classify_pool_nones_en.jsonl",
        "pool-noen-0012",
        "UN angry after hundreds of Europe-bound migrants stopped at sea, returned to Libya",
    ),
    (
        "classify_pool_fresh47_en.jsonl",
        "pool-f47-en-0001",
        "Algeria deports nearly 400 migrants back to Niger",
    ),
]


@pytest.mark.parametrize(("name", "item_id", "title"), AGENCY_RETURNS)
def test_an_assisted_return_by_the_migration_agency_is_a_return(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "agency-assisted-return" in fired_rules(rules, POLICY, title, summary)


@pytest.mark.parametrize(("name", "item_id", "title"), AGENCY_RETURNS)
def test_shipped_model_does_not_tag_an_assisted_return_as_border_policy(
    classifier: Classifier, name: str, item_id: str, title: str
) -> None:
    matches, _ = classifier.classify(title, item_summary(name, item_id), None)
    assert POLICY not in {m.topic for m in matches}


@pytest.mark.parametrize(("name", "item_id", "title"), AGENCY_BORDER_POLICY)
def test_an_interception_or_expulsion_the_agency_reports_is_not_vetoed(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "agency-assisted-return" not in fired_rules(rules, POLICY, title, summary)
