"""Stop 54's rules (issue 12), read on real items.

Every title is copied verbatim and every lede read from the ``tests/data`` file and id cited
beside it: train and dev items of the split or held-back sets read at earlier stops (the study
sets of ``bench/classify_round54/RULE.md``); never the test split, a judge or the midday check
set.

The classes (border-policy v20):

- residence or citizenship sold to investors ("golden visas", "golden passports", a "Gold Card")
  is investment and housing news, not a visa imposed to curb migration: every studied item is a
  negative; a decree that names it beside border control stays policy;
- how many immigrants live in a country (census and survey counts: "foreign-born population",
  "población extranjera") is demography, not border policy: every studied item is a negative."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import POLICY, item_summary

# (file, id, title verbatim): every one a negative.
INVESTMENT_SCHEMES = [
    # held-back vigil43, zenith and fresh46: tagged border-policy by main's v19
    (
        "classify_pool_vigil43_en.jsonl",
        "pool-v43-en-0029",
        "Golden visa programmes to be scrapped by these European countries",
    ),
    (
        "classify_pool_zenith_en.jsonl",
        "pool-zen-en-0024",
        "Spain looking even more attractive as Portugal ends Golden Visa programme",
    ),
    (
        "classify_pool_fresh46_en.jsonl",
        "pool-f46-en-0034",
        "Portugal axes golden visa scheme days after Ireland's abrupt exit",
    ),
    # held-back fresh44 and lumen, and a dev item in Spanish
    (
        "classify_pool_fresh44_en.jsonl",
        "pool-f44-en-0036",
        "UK to scrap golden visa scheme for foreign investors",
    ),
    (
        "classify_pool_lumen_en.jsonl",
        "pool-lum-en-0025",
        "Another European country abolishes golden visas",
    ),
    ("classify_pool_nones_es.jsonl", "pool-noes-0038", "España anuncia el fin de las Golden Visa"),
]

# (file, id, title verbatim): labelled border-policy, the class's words or a visa beside them.
INVESTMENT_KEPT = [
    # a decree with citizenship by investment and border control (train)
    (
        "classify_pool_border_es.jsonl",
        "pool-bes-0440",
        "Ciudadanía por inversión y control fronterizo, las claves del nuevo decreto migratorio "
        "de Milei",
    ),
    # visas imposed to curb migration (train)
    ("classify_dev.jsonl", "dev-0062", "Ecuador impone visa para ingreso de venezolanos"),
    (
        "classify_pool_border_en.jsonl",
        "pool-ben-0190",
        "As of Monday, June 17th Venezuelans hoping to enter Trinidad and Tobago legally will be "
        "required to obtain a visa to do so.",
    ),
]


@pytest.mark.parametrize(("name", "item_id", "title"), INVESTMENT_SCHEMES)
def test_an_investment_residency_scheme_is_not_border_policy(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "investment-residency" in fired_rules(rules, POLICY, title, summary)


@pytest.mark.parametrize(("name", "item_id", "title"), INVESTMENT_SCHEMES[:3])
def test_shipped_model_does_not_tag_a_golden_visa_scheme_as_border_policy(
    classifier: Classifier, name: str, item_id: str, title: str
) -> None:
    matches, _ = classifier.classify(title, item_summary(name, item_id), None)
    assert POLICY not in {m.topic for m in matches}


@pytest.mark.parametrize(("name", "item_id", "title"), INVESTMENT_KEPT)
def test_a_decree_or_a_visa_imposed_is_not_vetoed(
    rules: Classifier, classifier: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "investment-residency" not in fired_rules(rules, POLICY, title, summary)
    matches, _ = classifier.classify(title, summary, None)
    assert POLICY in {m.topic for m in matches}
