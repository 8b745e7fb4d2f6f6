"""The one place Kafka stream names (Kafka topics) and consumer group ids live.

Wirewatch calls its Kafka topics *streams* so that "topic" means one thing in the
code: a classification topic (``repatriation-flights``, ``border-policy``, a user
topic). Stream names carry the event schema's major version: a breaking change to
an event gets a new stream, so old and new consumers can run side by side.

A new service adds its stream here (a constant and an entry in ``ALL_STREAMS``), its
consumer group as ``GROUP_<NAME>``, and says in ``STREAM_INFO`` which event it carries,
what its key is, who writes and who reads it: the AsyncAPI document (``/asyncapi``,
``wirewatch asyncapi``) is generated from this module and the event models, so a new
stream shows up there by itself (a test fails while one is not described).
"""

from __future__ import annotations

from dataclasses import dataclass

ITEMS = "wirewatch.items.v1"
"""New, de-duplicated feed items (:class:`wirewatch_shared.events.FeedItem`), keyed by item id."""

CLASSIFIED = "wirewatch.classified.v1"
"""Items with topic matches (:class:`wirewatch_shared.events.ClassifiedItem`), keyed by item id."""

TOPIC_DEFINITIONS = "wirewatch.topic-definitions.v1"
"""User-defined classification topic definitions (control stream), keyed by topic name."""

DEAD_LETTER = "wirewatch.dead-letter.v1"
"""Messages a consumer could not decode, with the error, for an operator to inspect."""

STORIES = "wirewatch.stories.v1"
"""Story events (:class:`wirewatch_shared.events.StoryEvent`: opened, item added), keyed by
story id."""

FLIGHTS = "wirewatch.flights.v1"
"""Flight records created or changed (:class:`wirewatch_shared.events.FlightRecordEvent`),
keyed by record id."""

ALL_STREAMS: tuple[str, ...] = (
    ITEMS,
    CLASSIFIED,
    TOPIC_DEFINITIONS,
    DEAD_LETTER,
    STORIES,
    FLIGHTS,
)
"""Every stream Wirewatch creates on start-up and with ``wirewatch kafka-topics create``."""

GROUP_CLASSIFY = "wirewatch-classify"
GROUP_NOTIFY = "wirewatch-notify"
GROUP_STORIES = "wirewatch-stories"
GROUP_NOTIFY_STORIES = "wirewatch-notify-stories"
"""Notify's consumer group for story events (story-mode subscriptions)."""
GROUP_NOTIFY_FLIGHTS = "wirewatch-notify-flights"
"""Notify's consumer group for flight records (route subscriptions)."""
GROUP_FLIGHTS = "wirewatch-flights"
"""Consumer group of the flights stage (story events, or classified items)."""


@dataclass(frozen=True, slots=True)
class Consumer:
    """Who reads a stream: a service, in a consumer group (``None``: no group, every process
    reads every record)."""

    service: str
    group: str | None


@dataclass(frozen=True, slots=True)
class StreamInfo:
    """What a stream carries, for the AsyncAPI document."""

    event: str
    """Name of the event class in :mod:`wirewatch_shared.events` (the payload)."""
    key: str
    """What each record's key is."""
    producers: tuple[str, ...]
    consumers: tuple[Consumer, ...] = ()


STREAM_INFO: dict[str, StreamInfo] = {
    ITEMS: StreamInfo(
        "FeedItem",
        key="item_id (UTF-8): one item's records stay on one partition",
        producers=("ingest",),
        consumers=(Consumer("classify", GROUP_CLASSIFY),),
    ),
    CLASSIFIED: StreamInfo(
        "ClassifiedItem",
        key="item.item_id (UTF-8)",
        producers=("classify", "wirewatch reclassify"),
        consumers=(Consumer("notify", GROUP_NOTIFY), Consumer("stories", GROUP_STORIES)),
    ),
    TOPIC_DEFINITIONS: StreamInfo(
        "TopicDefinitionEvent",
        key="topic name (UTF-8)",
        producers=("wirewatch topics add/remove",),
        consumers=(Consumer("classify", None),),
    ),
    DEAD_LETTER: StreamInfo(
        "DeadLetter",
        key="none",
        producers=("classify", "notify", "stories", "flights"),
    ),
    STORIES: StreamInfo(
        "StoryEvent",
        key="story_id (UTF-8): one story's events stay in order",
        producers=("stories",),
        consumers=(
            Consumer("notify", GROUP_NOTIFY_STORIES),
            Consumer("flights", GROUP_FLIGHTS),
        ),
    ),
    FLIGHTS: StreamInfo(
        "FlightRecordEvent",
        key="record_id (UTF-8): one record's versions stay in order",
        producers=("flights",),
        consumers=(Consumer("notify", GROUP_NOTIFY_FLIGHTS),),
    ),
}
"""Every stream of ``ALL_STREAMS``, described (a test checks none is missing)."""
