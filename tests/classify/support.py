"""Helpers of the classify tests."""

from __future__ import annotations

from collections.abc import Mapping

from wirewatch_classify.engine import Classifier, _fire_rules
from wirewatch_classify.evaluation import Report


def fired_rules(rules: Classifier, topic: str, title: str, summary: str) -> set[str]:
    """Names of ``topic``'s rules that fire on an item (the model cannot hide them)."""
    groups = rules._scan(title, summary)
    return {rule.name for rule, _ in _fire_rules(rules._compiled[topic], groups)}


def below_floors(
    report: Report,
    topic_floors: Mapping[str, float],
    language_floors: Mapping[tuple[str, str], float],
) -> list[str]:
    """Every F1 of ``report`` under its floor, one readable line each (empty: all hold)."""
    low = [
        f"{topic}: F1 {report.per_topic[topic].f1:.3f} < {floor}"
        for topic, floor in sorted(topic_floors.items())
        if report.per_topic[topic].f1 < floor
    ]
    low += [
        f"{topic} ({lang}): F1 {report.per_language[(topic, lang)].f1:.3f} < {floor}"
        for (topic, lang), floor in sorted(language_floors.items())
        if report.per_language[(topic, lang)].f1 < floor
    ]
    return low
