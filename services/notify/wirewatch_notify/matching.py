"""Which subscriptions does a classified item match? (pure)"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wirewatch_shared.events import ClassifiedItem, TopicMatch


@dataclass(frozen=True, slots=True)
class SubscriptionRule:
    """The matching-relevant part of a subscription."""

    subscription_id: int
    topic: str
    min_score: float = 0.0


def matches_for(
    classified: ClassifiedItem, rules: Iterable[SubscriptionRule]
) -> dict[int, list[TopicMatch]]:
    """Map subscription id -> the item's topic matches that satisfy it."""
    by_topic = {match.topic: match for match in classified.matches}
    result: dict[int, list[TopicMatch]] = {}
    for rule in rules:
        match = by_topic.get(rule.topic)
        if match is not None and match.score >= rule.min_score:
            result.setdefault(rule.subscription_id, []).append(match)
    return result
