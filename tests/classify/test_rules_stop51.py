"""Stop 51's border-policy rules (issue 12: border policy described, not named), read on real
items with the rules alone.

Every title is copied verbatim and every lede read from the ``tests/data`` file and id cited
beside it: train items of the split or held-back sets read at earlier stops (the study sets of
``bench/classify_round51b/RULE.md``); never the test split, a judge or the midday check set. The
checks read the rules alone, so a retrained model cannot hide a rule that stopped firing.

Classes (border-policy v19): people who entered or tried to enter irregularly, turned back,
intercepted or refused, told with a verb ("intentaban entrar ilegalmente", "rechazados"); the
Spanish coast guard as a border; a route's measured flow; readmission agreements; entry barred
told by its effect ("bans citizens of 12 countries from entering"); the verb "shares" is no
business news."""

from __future__ import annotations

from wirewatch_classify.engine import Classifier

from tests.classify.support import fired_rules
from tests.classify.support_rules import POLICY, item_summary


def _fired(rules: Classifier, name: str, item_id: str, title: str) -> set[str]:
    return fired_rules(rules, POLICY, title, item_summary(name, item_id))


def test_people_refused_at_entry_are_enforcement(rules: Classifier) -> None:
    # rechazados que pretendieron ingresar irregularmente (terce, Diario Libre, 2011-04-29)
    title = "Cerca de 1,800 nicas fueron rechazados desde Costa Rica en Semana Santa"
    fired = _fired(rules, "classify_pool_terce_es.jsonl", "pool-tees-0010", title)
    assert "irregular-entry-turned-back" in fired


def test_migrants_intercepted_at_sea_are_enforcement(rules: Classifier) -> None:
    # intercepted off the Mediterranean coast (nones, The Boston Globe / AP, 2020-05-25)
    title = (
        "Libya’s coast guard intercepted about 400 Europe-bound migrants off the country’s "
        "Mediterranean coast over the past two days, and brought them to the capital of "
        "Tripoli, from where they were taken to a detention center, the United Nations "
        "migration agency said Monday."
    )
    fired = _fired(rules, "classify_pool_nones_en.jsonl", "pool-noen-0014", title)
    assert "irregular-entry-turned-back" in fired


def test_the_spanish_coast_guard_is_a_border(rules: Classifier) -> None:
    # balseros devueltos por el servicio de guardacostas (orison, Españoles de Cuba, 2015-06)
    title = "Devuelve 50 balseros a Cuba el servicio de guardacostas"
    fired = _fired(rules, "classify_pool_orison_es.jsonl", "pool-ores-0007", title)
    assert "border-and-migration" in fired


def test_a_route_flow_measured_is_route_control(rules: Classifier) -> None:
    # the Darién flow measured (nones, Venezuela Actualidad, 2025-02)
    title = "Flujo de migrantes por el Darién disminuyó un 94% en enero"
    fired = _fired(rules, "classify_pool_nones_es.jsonl", "pool-noes-0032", title)
    assert "route-flow-measured" in fired


def test_a_readmission_agreement_is_a_named_policy(rules: Classifier) -> None:
    # (lauds, Government Offices of Sweden, 2015-12)
    title = "Sweden and Afghanistan begin negotiations on readmission agreement"
    fired = _fired(rules, "classify_pool_lauds_en.jsonl", "pool-laen-0026", title)
    assert "named-policy" in fired


def test_entry_barred_told_by_its_effect_is_an_entry_ban(rules: Classifier) -> None:
    # (classify_pool_en, NBC Los Angeles / CNBC, 2025-06-04)
    title = "Trump bans citizens of 12 countries from entering the U.S."
    fired = _fired(rules, "classify_pool_en.jsonl", "pool-en-0468", title)
    assert "entry-ban-by-nationality" in fired


def test_the_verb_shares_is_no_business_news(rules: Classifier) -> None:
    # "the border crossings that Finland shares with Russia" (classify_pool_en, OODA Loop,
    # 2023-11-16)
    title = "Finland to close some crossing points on Russia border: PM"
    fired = _fired(rules, "classify_pool_en.jsonl", "pool-en-0158", title)
    assert "business-news" not in fired
    assert "border-policy-title" in fired
