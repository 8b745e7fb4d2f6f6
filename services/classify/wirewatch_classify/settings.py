"""Classify service settings (``WIREWATCH_`` environment variables)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from wirewatch_shared import streams
from wirewatch_shared.settings import (
    CommonSettings,
    batch_max_records_field,
    consumer_group_field,
    count_field,
    positive_field,
)


class ClassifySettings(CommonSettings):
    classify_topics_dir: Path | None = Field(
        default=None,
        description="Directory of topic YAML files that replace (same `topic` name) or add to "
        "the topic files shipped with the classify service.",
    )
    classify_batch_max_records: int = batch_max_records_field(
        500, "Most items the classify service takes from Kafka in one batch."
    )
    classify_store_items: bool = Field(
        default=True,
        description="Keep every classified item in the `classify_item` table so "
        "`wirewatch reclassify` can re-run new topic definitions over it.",
    )
    classify_workers: int = Field(
        default=0,
        ge=0,
        le=32,
        description="Worker processes that classify while the event loop publishes "
        "(0: classify in the service process). One per spare core raises throughput.",
    )
    classify_worker_chunk: int = count_field(
        100, "Items per chunk handed to a classify worker process."
    )
    classify_user_topics_poll_s: float = positive_field(
        3.0,
        "How often the classify service re-reads the user-topic table (s); "
        "definitions announced on the control topic apply within a second.",
    )
    classify_consumer_group: str = consumer_group_field(
        streams.GROUP_CLASSIFY, "the classify service"
    )
