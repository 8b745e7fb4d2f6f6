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
    alert_mode: str = "item"  # "item": the classified stream; "story": story events
    followup_outlets: int = 0


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


class RuleIndex:
    """Live rules indexed by topic: an item is checked only against the subscriptions of
    the topics it matched, not against every subscription. Built once per change of the
    subscriptions (see :class:`~wirewatch_notify.rules.RuleCache`)."""

    def __init__(self, rules: Iterable[SubscriptionRule]) -> None:
        self.rules = list(rules)
        self.timings = {rule.subscription_id: rule.timing for rule in self.rules}
        self.by_id = {rule.subscription_id: rule for rule in self.rules}
        self._by_topic: dict[str, list[SubscriptionRule]] = {}
        for rule in self.rules:
            for topic in rule.topics:
                self._by_topic.setdefault(topic, []).append(rule)

    def candidates(self, classified: ClassifiedItem) -> list[SubscriptionRule]:
        """Rules subscribed to at least one of the item's matched topics (each once)."""
        if len(classified.matches) == 1:
            return self._by_topic.get(classified.matches[0].topic, [])
        seen: dict[int, SubscriptionRule] = {}
        for match in classified.matches:
            for rule in self._by_topic.get(match.topic, ()):
                seen.setdefault(rule.subscription_id, rule)
        return list(seen.values())

    def matches_for(self, classified: ClassifiedItem) -> dict[int, list[TopicMatch]]:
        return matches_for(classified, self.candidates(classified))
