"""Stop 50's rules (issue 12), read on real items with the rules alone.

Every title is copied verbatim and every lede read from the ``tests/data`` file and id cited
beside it: train and dev items of the split or held-back sets read at earlier stops (the study
sets of ``bench/classify_round50/RULE.md``); never the test split, a judge or the midday check
set. The checks read the rules alone, so a retrained model cannot hide a rule that stopped
firing.

The class (repatriation-flights v16, stop 50's candidate B, shipped at stop 51): repatriations
that name an immigration authority, people without status, returnees or migrants by nationality
are removals, not citizens brought home (the citizens-home vetoes do not fire)."""

from __future__ import annotations

import pytest
from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import FLIGHTS, item_summary

MIGRANT_REPATRIATIONS = [
    # demonym not listed before v16: Sierra Leoneans (fresh46, Politico SL)
    (
        "classify_pool_fresh46_en.jsonl",
        "pool-f46-en-0028",
        "248 Sierra Leoneans flown back from Mali",
        "repatriation-without-migrants",
    ),
    # people who entered illegally (train)
    (
        "classify_pool_es.jsonl",
        "pool-es-0117",
        "El gobierno de Estados Unidos, bajo la administración de Donald Trump, amplió su "
        "acuerdo migratorio con Panamá para financiar vuelos para repatriaciones de personas "
        "que",
        "repatriation-without-migrants",
    ),
    # received returnees stranded in Libya (gloaming, NAN)
    (
        "classify_pool_gloaming_en.jsonl",
        "pool-glen-0015",
        "162 Nigerians stranded in Libya repatriated",
        "evacuation-context",
    ),
]


@pytest.mark.parametrize(("name", "item_id", "title", "veto"), MIGRANT_REPATRIATIONS)
def test_migrant_repatriation_is_not_vetoed_as_citizens_brought_home(
    rules: Classifier, name: str, item_id: str, title: str, veto: str
) -> None:
    summary = item_summary(name, item_id)
    assert veto not in fired_rules(rules, FLIGHTS, title, summary)
