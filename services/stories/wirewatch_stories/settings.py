"""Stories stage settings (``WIREWATCH_`` environment variables)."""

from __future__ import annotations

from pydantic import Field
from wirewatch_shared import streams
from wirewatch_shared.settings import CommonSettings


class StoriesSettings(CommonSettings):
    stories_window_hours: float = Field(
        default=72.0,
        gt=0,
        le=24 * 60,
        description="A story stays open for new items this long after its latest item (h).",
    )
    stories_threshold: float = Field(
        default=0.175,
        gt=0,
        le=10,
        description="Similarity an item needs with a story to join it (higher: stricter; "
        "tuned on the development set, see docs/stories.md).",
    )
    stories_batch_max_records: int = Field(
        default=200,
        ge=1,
        le=10_000,
        description="Most classified items the stories stage takes from Kafka in one batch.",
    )
    stories_consumer_group: str = Field(
        default=streams.GROUP_STORIES, description="Kafka consumer group of the stories stage."
    )
