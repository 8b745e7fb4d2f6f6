"""Stop 54's third round's rule (issue 12), read on real items.

Every title is copied verbatim and every lede read from the ``tests/data`` file and id cited
beside it: train items of the split or held-back sets read at earlier stops (the study sets of
``bench/classify_round54c/RULE.md``); never the test split, a judge or the midday check set.

The class (border-policy v22): an entry ban by a government ("Trump Administration Issues
Travel Bans", "new entry restrictions", "bans citizens of 12 countries from entering the
U.S.") is border policy even when the banned nationals are not named within a few words: every
studied item the ``entry-ban`` rule fires on is labelled border-policy. Its words are in the
gate vocabulary, so the model reads these items."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import POLICY, item_summary

# (file, id, title verbatim): labelled border-policy (train; held-back fresh44).
ENTRY_BANS = [
    ("classify_pool_en.jsonl", "pool-en-0464", "Trump Administration Issues Travel Bans"),
    (
        "classify_pool_en.jsonl",
        "pool-en-0467",
        "On June 4, 2025, President Donald Trump signed a Proclamation implementing new entry "
        "restrictions for individuals from countries identified by his administration as "
        "presenting elevated risks",
    ),
    (
        "classify_pool_en.jsonl",
        "pool-en-0468",
        "Trump bans citizens of 12 countries from entering the U.S.",
    ),
    ("classify_pool_en.jsonl", "pool-en-0465", "Understanding the Trump travel ban"),
    (
        "classify_pool_friday_es.jsonl",
        "pool-fres-0005",
        "Comienza veto migratorio parcial de Trump",
    ),
    (
        "classify_pool_friday_es.jsonl",
        "pool-fres-0007",
        "Trump emite prohibición de viaje para 12 países",
    ),
    (
        "classify_pool_fresh44_en.jsonl",
        "pool-f44-en-0007",
        "Donald Trump signs proclamation to ban travel from 12 countries: details",
    ),
]

# A negative beside the class: visitors of rich countries refused entry (reciprocity), train.
VISITORS = (
    "classify_pool_border_en.jsonl",
    "pool-ben-0186",
    "Visa: Brazil slams entry restrictions on US, Canadian, Australian citizens",
)


@pytest.mark.parametrize(("name", "item_id", "title"), ENTRY_BANS)
def test_an_entry_ban_is_a_border_policy_rule(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "entry-ban" in fired_rules(rules, POLICY, title, summary)


@pytest.mark.parametrize(("name", "item_id", "title"), ENTRY_BANS)
def test_shipped_model_tags_an_entry_ban(
    classifier: Classifier, name: str, item_id: str, title: str
) -> None:
    matches, _ = classifier.classify(title, item_summary(name, item_id), None)
    assert POLICY in {m.topic for m in matches}


def test_visitors_refused_entry_are_not_an_entry_ban(rules: Classifier) -> None:
    name, item_id, title = VISITORS
    assert "entry-ban" not in fired_rules(rules, POLICY, title, item_summary(name, item_id))


def test_shipped_model_keeps_visitors_refused_entry_untagged(classifier: Classifier) -> None:
    name, item_id, title = VISITORS
    matches, _ = classifier.classify(title, item_summary(name, item_id), None)
    assert POLICY not in {m.topic for m in matches}
