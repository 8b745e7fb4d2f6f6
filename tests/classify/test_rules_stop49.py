"""Stop 49's rules (issue 12), read on real items with the rules alone.

Every title is copied verbatim and every lede read from the ``tests/data`` file and id cited
beside it: train and dev items of the split or held-back sets read at earlier stops (the study
sets of ``bench/classify_round49/RULE.md``); never the test split, a judge or the midday check
set. The checks read the rules alone, so a retrained model cannot hide a rule that stopped
firing.

Class: migrants held in a camp or centre, stuck at a border or returning voluntarily are
returned migrants, not evacuees (repatriation-flights v15: the evacuation and pandemic contexts
do not veto them). Border-policy v19 (``migrant-flight-report``, candidate B of the round) did
not ship: its check is left out."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import FLIGHTS, item_summary

HELD_MIGRANTS = [
    # stranded in a holding centre, consented to return (fresh46, Politico SL)
    (
        "classify_pool_fresh46_en.jsonl",
        "pool-f46-en-0028",
        "248 Sierra Leoneans flown back from Mali",
    ),
    # stranded on the border between Belarus and Poland (zenith, ESTA)
    (
        "classify_pool_zenith_en.jsonl",
        "pool-zen-en-0003",
        "Iraq repatriated over 3,550 Iraqis, Kurds from Belarus: ministry",
    ),
    # varados en Marruecos, quieran regresar voluntariamente (fresh47b, CIDAF-UCM)
    (
        "classify_pool_fresh47b_es.jsonl",
        "pool-f47b-es-0007",
        "La Oficina de Migraciones de Marruecos pide 800.000 euros para ayudar a migrantes a "
        "volver a sus países",
    ),
]


@pytest.mark.parametrize(("name", "item_id", "title"), HELD_MIGRANTS)
def test_held_migrants_returned_are_not_evacuees(
    rules: Classifier, name: str, item_id: str, title: str
) -> None:
    summary = item_summary(name, item_id)
    assert "evacuation-context" not in fired_rules(rules, FLIGHTS, title, summary)


def test_migrants_repatriated_from_detention_are_not_a_pandemic_repatriation(
    rules: Classifier,
) -> None:
    # rescued and repatriated from detention centres amid COVID-19 (zenith, Kathmandu Post)
    title = "Over 200 Nepalis rescued and repatriated from Malaysian detention centres"
    summary = item_summary("classify_pool_zenith_en.jsonl", "pool-zen-en-0026")
    assert "pandemic-repatriation" not in fired_rules(rules, FLIGHTS, title, summary)
