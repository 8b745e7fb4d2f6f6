"""Stop 48's border-policy vocabulary (issue 12: border policy described, not named), read on
real items with the rules alone.

Every title is copied verbatim and every lede read from the ``tests/data`` file and id cited
beside it: train and dev items of the split or held-back sets read at earlier stops (the study
sets of ``bench/classify_round48/RULE.md``); never the test split, a judge or the midday check
set. The checks read the rules alone, so a retrained model cannot hide a rule that stopped
firing.

Classes: a visa waiver suspended for a nationality (a visa imposed, not visitor-permit news);
policy named in words the files lacked (international protection, the EU return directive,
passport rules, travel bans); curbing migrant flows ("frenar la migración", "bloqueo al flujo
migratorio")."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import POLICY, item_summary

DESCRIBED = [
    # a visa waiver suspended for a nationality (fresh46, Ruptura 360)
    (
        "classify_pool_fresh46_es.jsonl",
        "pool-f46-es-0004",
        "Suspende México exención de visa a ciudadanos peruanos",
    ),
    # a passport requirement on a nationality (fresh45, IUS360)
    (
        "classify_pool_fresh45_es.jsonl",
        "pool-f45-es-0031",
        "Justicia ecuatoriana ordena el cese de exigencia de pasaporte a venezolanos",
    ),
    # the EU return directive (gloaming, RTVE)
    (
        "classify_pool_gloaming_es.jsonl",
        "pool-gles-0029",
        'La Cumbre de Mercosur muestra su "rechazo" a la directiva de retorno de la UE',
    ),
    # international protection, the Irish name of asylum (fresh44, Irish Examiner)
    (
        "classify_pool_fresh44_en.jsonl",
        "pool-f44-en-0022",
        "New laws to overhaul international protection before Dáil next year",
    ),
    # a travel ban on nationals of given countries (fresh44, DlyViralNews)
    (
        "classify_pool_fresh44_en.jsonl",
        "pool-f44-en-0007",
        "Donald Trump signs proclamation to ban travel from 12 countries: details",
    ),
    # migrant flows blocked (zenith, El Universal)
    (
        "classify_pool_zenith_es.jsonl",
        "pool-zen-es-0005",
        "Migración en reversa crea caos en fronteras de CA",
    ),
    # border controls to curb migration (dev, La Rioja)
    (
        "classify_pool_border_es.jsonl",
        "pool-bes-0384",
        "Alemania establece controles permanentes en todas sus fronteras para frenar la "
        "migración ilegal",
    ),
]


@pytest.mark.parametrize(("name", "item_id", "title"), DESCRIBED)
def test_policy_described_in_new_words_is_a_named_policy(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "named-policy" in fired_rules(rules, POLICY, title, summary)


def test_a_suspended_visa_waiver_is_not_visitor_permit_news(rules: Classifier) -> None:
    name, item_id, title = DESCRIBED[0]
    summary = item_summary(name, item_id)
    assert "travel-authorisation" not in fired_rules(rules, POLICY, title, summary)
    positive, negative, hard = rules.rule_views(title, summary)[POLICY]
    assert positive >= 5.5 and negative == 0 and hard == 0.0
