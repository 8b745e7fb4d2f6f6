"""``wirewatch_shared.db.utc_now_field``: the stories and flights models' time columns (each
stage had its own copy of it until stop 54; the DDL of every table is the same with it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Column
from wirewatch_flights.models import FlightObservation, FlightRecord
from wirewatch_shared.db import UtcDateTime, utc_now_field
from wirewatch_stories.models import Story, StoryItem


def _column(field: object) -> Column[datetime]:
    column = getattr(field, "sa_column", None)
    assert isinstance(column, Column)
    return column


def test_a_utc_now_field_is_a_not_null_utc_column_defaulting_to_now() -> None:
    field = utc_now_field()
    column = _column(field)
    assert isinstance(column.type, UtcDateTime)
    assert column.nullable is False and not column.index
    assert _column(utc_now_field(index=True)).index is True
    factory = getattr(field, "default_factory", None)
    assert factory is not None
    now = factory()
    assert now.tzinfo is not None and now.utcoffset() == timedelta(0)
    assert abs(now - datetime.now(UTC)) < timedelta(minutes=1)
    # A column belongs to one table: every field gets its own.
    assert _column(utc_now_field()) is not column


def test_the_stories_and_flights_times_are_utc_now_fields() -> None:
    for model, name, indexed in [
        (Story, "first_seen", False),
        (Story, "updated_at", True),
        (StoryItem, "assigned_at", False),
        (FlightRecord, "created_at", False),
        (FlightRecord, "updated_at", True),
        (FlightObservation, "observed_at", False),
    ]:
        column = model.__table__.c[name]  # type: ignore[attr-defined]
        assert isinstance(column.type, UtcDateTime), (model, name)
        assert column.nullable is False and bool(column.index) is indexed, (model, name)
        assert model.model_fields[name].default_factory is not None, (model, name)
