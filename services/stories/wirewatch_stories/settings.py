"""Stories stage settings (``WIREWATCH_`` environment variables)."""

from __future__ import annotations

from wirewatch_shared import streams
from wirewatch_shared.settings import (
    CommonSettings,
    batch_max_records_field,
    consumer_group_field,
    positive_field,
)


class StoriesSettings(CommonSettings):
    stories_window_hours: float = positive_field(
        72.0, "A story stays open for new items this long after its latest item (h).", le=24 * 60
    )
    stories_threshold: float = positive_field(
        0.14,
        "Similarity an item needs with a story to join it (higher: stricter; "
        "chosen on the four labelled sets; with the learned pair decision, 0.14 is even odds "
        "that a pair is one story: see docs/stories.md).",
        le=10,
    )
    stories_batch_max_records: int = batch_max_records_field(
        200, "Most classified items the stories stage takes from Kafka in one batch."
    )
    stories_consumer_group: str = consumer_group_field(streams.GROUP_STORIES, "the stories stage")
