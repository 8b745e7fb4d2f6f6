"""Tables owned by the classify service."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import UtcDateTime


class UserTopicRow(SQLModel, table=True):
    """A subscriber-defined topic: a boolean query or a phrase list."""

    __tablename__ = "classify_user_topic"

    name: str = Field(primary_key=True, max_length=64)
    kind: str = Field(max_length=16, description="'query' or 'phrases'")
    query: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    phrases_json: str = Field(default="[]", sa_column=Column(Text, nullable=False, default="[]"))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class StoredItem(SQLModel, table=True):
    """Every item the service classified, kept for `wirewatch reclassify`."""

    __tablename__ = "classify_item"

    item_id: str = Field(primary_key=True, max_length=512)
    published: datetime = Field(index=True, sa_type=UtcDateTime)
    fetched_at: datetime = Field(sa_type=UtcDateTime)
    item_json: str = Field(sa_column=Column(Text, nullable=False))
    matches_json: str = Field(
        default="[]",
        sa_column=Column(Text, nullable=False, default="[]"),
        description="The matches last published for the item (JSON list of TopicMatch).",
    )
    classified_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
