"""The one place Kafka stream names (Kafka topics) and consumer group ids live.

Wirewatch calls its Kafka topics *streams* so that "topic" means one thing in the
code: a classification topic (``repatriation-flights``, ``border-policy``, a user
topic). Stream names carry the event schema's major version: a breaking change to
an event gets a new stream, so old and new consumers can run side by side.

A new service adds its stream here (a constant and an entry in ``ALL_STREAMS``) and
its consumer group as ``GROUP_<NAME>``.
"""

from __future__ import annotations

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

ALL_STREAMS: tuple[str, ...] = (ITEMS, CLASSIFIED, TOPIC_DEFINITIONS, DEAD_LETTER, STORIES)
"""Every stream Wirewatch creates on start-up and with ``wirewatch kafka-topics create``."""

GROUP_CLASSIFY = "wirewatch-classify"
GROUP_NOTIFY = "wirewatch-notify"
GROUP_STORIES = "wirewatch-stories"
GROUP_NOTIFY_STORIES = "wirewatch-notify-stories"
"""Notify's consumer group for story events (story-mode subscriptions)."""
