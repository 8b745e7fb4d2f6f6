"""Which subscriptions does a classified item match? (pure)

A subscription matches when at least one of its topics matched with at least its
minimum score, and every filter it sets holds (each filter is any-of):
feeds (feed id), languages (primary language tag: ``en`` matches ``en-GB``),
countries (ISO codes found in the item) and entities (names of countries,
agencies or places found in the item, case-insensitive).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from wirewatch_shared.events import ClassifiedItem, TopicMatch

from wirewatch_notify.timing import Timing


@dataclass(frozen=True, slots=True)
class SubscriptionRule:
    """The matching-relevant part of a subscription."""

    subscription_id: int
    topics: frozenset[str]
    min_score: float = 0.0
    feeds: frozenset[int] = frozenset()
    languages: frozenset[str] = frozenset()  # lowercase primary tags
    countries: frozenset[str] = frozenset()  # uppercase ISO 3166-1 alpha-2
    entities: frozenset[str] = frozenset()  # casefolded names
    timing: Timing = field(default_factory=Timing)


def primary_language(tag: str | None) -> str | None:
    if not tag:
        return None
    return tag.replace("_", "-").split("-", 1)[0].lower() or None


def _filters_pass(rule: SubscriptionRule, classified: ClassifiedItem) -> bool:
    item = classified.item
    if rule.feeds and item.feed_id not in rule.feeds:
        return False
    if rule.languages and primary_language(item.language) not in rule.languages:
        return False
    entities = classified.entities
    if rule.countries and not rule.countries.intersection(c.upper() for c in entities.countries):
        return False
    if rule.entities:
        names = {n.casefold() for n in (*entities.countries, *entities.agencies, *entities.places)}
        if not rule.entities.intersection(names):
            return False
    return True


def matches_for(
    classified: ClassifiedItem, rules: Iterable[SubscriptionRule]
) -> dict[int, list[TopicMatch]]:
    """Map subscription id -> the item's topic matches that satisfy it."""
    result: dict[int, list[TopicMatch]] = {}
    if not classified.matches:
        return result
    for rule in rules:
        hits = [
            m for m in classified.matches if m.topic in rule.topics and m.score >= rule.min_score
        ]
        if hits and _filters_pass(rule, classified):
            result[rule.subscription_id] = hits
    return result
