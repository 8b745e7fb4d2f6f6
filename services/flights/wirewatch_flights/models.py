"""Tables owned by the flights stage."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Date, Index
from sqlmodel import Field, SQLModel
from wirewatch_shared.db import UtcDateTime, utc_now_field


class FlightRecord(SQLModel, table=True):
    """One deportation or repatriation flight (or flight programme), merged over its sources."""

    __tablename__ = "flights_record"
    __table_args__ = (Index("ix_flights_record_route", "destination", "flight_date"),)

    id: str = Field(primary_key=True, max_length=64)
    version: int = 1
    origin: str | None = Field(default=None, max_length=2, index=True)
    destination: str | None = Field(default=None, max_length=2)
    people: int | None = None
    flights: int | None = None
    status: str = Field(max_length=16, index=True)
    previous_status: str | None = Field(default=None, max_length=16)
    flight_date: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    flight_date_stated: bool = False
    operator: str | None = Field(default=None, max_length=200)
    conflicts: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    story_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    source_count: int = 1
    created_at: datetime = utc_now_field()
    updated_at: datetime = utc_now_field(index=True)


class FlightObservation(SQLModel, table=True):
    """What one item said about a flight, and the record it went into."""

    __tablename__ = "flights_observation"

    item_id: str = Field(primary_key=True, max_length=512)
    record_id: str = Field(index=True, max_length=64)
    story_id: str | None = Field(default=None, index=True, max_length=64)
    published: datetime = Field(sa_column=Column(UtcDateTime(), nullable=False))
    facts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    source: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    observed_at: datetime = utc_now_field()
