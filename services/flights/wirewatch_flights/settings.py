"""Flights stage settings (``WIREWATCH_`` environment variables)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from wirewatch_shared import streams
from wirewatch_shared.settings import (
    CommonSettings,
    batch_max_records_field,
    consumer_group_field,
    non_negative_field,
)


class FlightsSettings(CommonSettings):
    flights_source: Literal["stories", "classified"] = Field(
        default="stories",
        description="What the flights stage reads: `stories` (story events, one record per "
        "story) or `classified` (classified items, merged by route and date only).",
    )
    flights_topics: tuple[str, ...] = Field(
        default=("repatriation-flights",),
        description="Classification topics whose items are read for flight records (JSON list).",
    )
    flights_merge_window_days: int = non_negative_field(
        3,
        "Items of different stories are one flight when their route matches and "
        "their flight dates are this close (days; 1 when both dates are stated).",
        le=30,
    )
    flights_planned_window_days: int = non_negative_field(
        21,
        "An announced (planned) flight becomes the record of the first flight on "
        "its route reported up to this many days later.",
        le=120,
    )
    flights_batch_max_records: int = batch_max_records_field(
        200, "Most messages the flights stage takes from Kafka in one batch."
    )
    flights_consumer_group: str = consumer_group_field(streams.GROUP_FLIGHTS, "the flights stage")
