"""Stop 54's second round's rules (issue 12), read on real items.

Every title is copied verbatim and every lede read from the ``tests/data`` file and id cited
beside it: train items of the split or held-back sets read at earlier stops (the study sets of
``bench/classify_round54b/RULE.md``); never the test split, a judge or the midday check set.

The class (border-policy v21): an agreement between states to take back their nationals (a
"readmission agreement", a "returns agreement", a "deportation deal", an "acuerdo de
readmisión") is a migration agreement, border policy by itself: every studied item with these
words is labelled border-policy, even when no migration word is in the text."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import POLICY, item_summary

# (file, id, title verbatim): labelled border-policy; the first two missed by main's v20.
RETURN_AGREEMENTS = [
    # train
    (
        "classify_pool_lauds_en.jsonl",
        "pool-laen-0026",
        "Sweden and Afghanistan begin negotiations on readmission agreement",
    ),
    # held-back fresh49b
    (
        "classify_pool_fresh49b_en.jsonl",
        "pool-f49b-en-0015",
        "Cabinet Special Committee finalizes Pak-UK returns, readmission agreement",
    ),
    # tagged by main too: train, held-back fresh48b and fresh47 (Spanish)
    (
        "classify_pool_compline_en.jsonl",
        "pool-cpen-0026",
        "Pakistan suspends deportation agreement with EU over misuse",
    ),
    (
        "classify_pool_matins_en.jsonl",
        "pool-maen-0008",
        "Germany Talks Taliban on Deportation Deals",
    ),
    (
        "classify_pool_fresh48b_en.jsonl",
        "pool-f48b-en-0015",
        "Britain signs landmark Iraq deal including migrant returns accord",
    ),
    (
        "classify_pool_fresh47_es.jsonl",
        "pool-f47-es-0016",
        "Expulsan a Marruecos a los inmigrantes que atacaron con cal viva a guardia civiles "
        "mientras saltaban la valla",
    ),
]


@pytest.mark.parametrize(("name", "item_id", "title"), RETURN_AGREEMENTS)
def test_an_agreement_to_take_back_nationals_is_a_border_policy_rule(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "return-agreement" in fired_rules(rules, POLICY, title, summary)


@pytest.mark.parametrize(("name", "item_id", "title"), RETURN_AGREEMENTS)
def test_shipped_model_tags_an_agreement_to_take_back_nationals(
    classifier: Classifier, name: str, item_id: str, title: str
) -> None:
    matches, _ = classifier.classify(title, item_summary(name, item_id), None)
    assert POLICY in {m.topic for m in matches}
