"""The rules of the fourteenth round (border-policy v15).

Every phrase is real text (title and lede verbatim) from a development file of
``tests/data`` (train or dev split, never test; never the evening set's check half); the
item id is cited. The checks read the names of the rules that fired, so a retrained model
cannot hide a rule that stopped firing."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules

POLICY = "border-policy"


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


def test_a_historical_deportation_is_no_mass_expulsion(rules: Classifier) -> None:
    # classify_pool_en.jsonl pool-en-0263 (Caucasian Knot, a hard negative; train split)
    fired = fired_rules(
        rules,
        POLICY,
        "Chechnya remembers victims of 1944 deportation",
        "February 23 is marked in Chechnya as the day of memory and national mourning. In "
        "February 1944, under the Kremlin's order, more than half a million Chechens and "
        "Ingushes were deported from the places of their permanent residence.",
    )
    assert "mass-expulsion" not in fired


def test_a_landing_is_a_flight_report(rules: Classifier) -> None:
    # classify_pool_afternoon_en.jsonl pool-afen-0005 (labelled flights only; train split
    # since the afternoon check half was pooled this round): "Mass Deportation" names a
    # policy, but the headline reports a landing.
    title = "U.S. Begins Mass Deportation Of Nigerians: First Batch Lands In Lagos"
    summary = (
        "WASHINGTON DC: The United States government has deported at least three Nigerian "
        "nationals, citing their involvement in various criminal activities."
    )
    assert "deportation-flight-report" in fired_rules(rules, POLICY, title, summary)
    assert [match.topic for match in rules.classify(title, summary)[0]] == []
