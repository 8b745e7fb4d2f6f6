"""The one place Kafka topic names and consumer group ids live.

Topic names carry the event schema's major version: a breaking change to an
event gets a new topic, so old and new consumers can run side by side.
"""

from __future__ import annotations

ITEMS = "wirewatch.items.v1"
"""New, de-duplicated feed items (:class:`wirewatch_shared.events.FeedItem`), keyed by item id."""

CLASSIFIED = "wirewatch.classified.v1"
"""Items with topic matches (:class:`wirewatch_shared.events.ClassifiedItem`), keyed by item id."""

TOPIC_DEFINITIONS = "wirewatch.topic-definitions.v1"
"""User-defined topic definitions (control topic), keyed by topic name."""

DEAD_LETTER = "wirewatch.dead-letter.v1"
"""Messages a consumer could not decode, with the error, for an operator to inspect."""

STORIES = "wirewatch.stories.v1"
"""Story events (:class:`wirewatch_shared.events.StoryEvent`: opened, item added), keyed by
story id."""

ALL_TOPICS: tuple[str, ...] = (ITEMS, CLASSIFIED, TOPIC_DEFINITIONS, DEAD_LETTER, STORIES)

GROUP_CLASSIFY = "wirewatch-classify"
GROUP_NOTIFY = "wirewatch-notify"
GROUP_STORIES = "wirewatch-stories"
GROUP_NOTIFY_STORIES = "wirewatch-notify-stories"
"""Notify's consumer group for story events (story-mode subscriptions)."""
