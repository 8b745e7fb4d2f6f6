"""Tables owned by the stories stage."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Text
from sqlmodel import Field, SQLModel
from wirewatch_shared.db import utc_now_field


def _json() -> Any:
    return Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Story(SQLModel, table=True):
    """One real-world event: the items of every outlet that reported it."""

    __tablename__ = "stories_story"
    __table_args__ = (Index("ix_stories_story_last", "last_published"),)

    id: str = Field(primary_key=True, max_length=32)
    title: str = Field(default="", sa_column=Column(Text, nullable=False))
    topics: list[str] = _json()
    first_seen: datetime = utc_now_field()  # publication time of the earliest item
    last_published: datetime = utc_now_field()
    item_count: int = 0
    outlets: list[str] = _json()  # names, one per distinct outlet (host), first reporter first
    outlet_keys: list[str] = _json()
    languages: list[str] = _json()
    items: list[dict[str, Any]] = _json()  # the first STORY_MAX_ITEMS item references
    evidence: list[str] = _json()  # cues that tied its items together
    created_at: datetime = utc_now_field()
    updated_at: datetime = utc_now_field(index=True)


class StoryItem(SQLModel, table=True):
    """One item's assignment, in the global order decisions were made (``seq``)."""

    __tablename__ = "stories_item"

    seq: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    item_id: str = Field(max_length=512, unique=True)
    story_id: str = Field(max_length=32, index=True)
    position: int
    published: datetime = utc_now_field()
    cues: str = Field(sa_column=Column(Text, nullable=False))  # store.cues_text
    event: str = Field(sa_column=Column(Text, nullable=False))  # the StoryEvent as published
    assigned_at: datetime = utc_now_field()


class StoriesLock(SQLModel, table=True):
    """One row: taking it (UPDATE) serialises assignments across processes; ``seq`` is the
    last decision's number."""

    __tablename__ = "stories_lock"

    id: int = Field(primary_key=True)
    seq: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    clock: float | None = None  # the clusterer's clock after decision ``seq`` (epoch s)
