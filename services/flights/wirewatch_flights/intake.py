"""From an incoming event (a story event or a classified item) to an observation. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from wirewatch_shared.events import ClassifiedItem, StoryEvent

from wirewatch_flights.extract import extract
from wirewatch_flights.merge import Observation
from wirewatch_flights.model import SourceInfo


@dataclass(frozen=True, slots=True)
class Intake:
    observation: Observation
    source: SourceInfo


def _outlet(classified: ClassifiedItem) -> str:
    item = classified.item
    if item.source_name:  # an aggregator's item: the outlet it names, not the aggregator
        return item.source_name
    if item.feed_title:
        return item.feed_title
    host = urlsplit(item.link or item.feed_url).hostname
    return host or item.feed_url


def observe(
    classified: ClassifiedItem, story_id: str | None, topics: Iterable[str]
) -> Intake | None:
    """The item's flight observation when it is tagged with one of ``topics`` and reports
    a flight, else None."""
    wanted = set(topics)
    tagged = tuple(m.topic for m in classified.matches if m.topic in wanted)
    if not tagged:
        return None
    item = classified.item
    flight = extract(item.title, item.summary, item.published.date())
    if flight is None:
        return None
    source = SourceInfo(
        outlet=_outlet(classified),
        title=item.title,
        link=item.link,
        language=item.language,
        topics=tuple(m.topic for m in classified.matches),
    )
    return Intake(Observation(item.item_id, item.published, flight, story_id), source)


def observe_story_event(event: StoryEvent, topics: Iterable[str]) -> Intake | None:
    return observe(event.item, event.story_id, topics)
