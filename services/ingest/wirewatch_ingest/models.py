"""Tables owned by the ingest service."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import UtcDateTime


class Feed(SQLModel, table=True):
    __tablename__ = "ingest_feed"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, index=True, max_length=2048)
    title: str = Field(default="", max_length=512)
    enabled: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    # Conditional GET validators, sent back exactly as received.
    etag: str | None = Field(default=None, max_length=1024)
    last_modified: str | None = Field(default=None, max_length=256)
    content_hash: str | None = Field(default=None, max_length=64)
    # Scheduling.
    next_check_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UtcDateTime)
    interval_s: float | None = Field(
        default=None, description="Adaptive poll interval (None: the default)."
    )
    # Leases: one ingest process owns a due feed until it records the result.
    lease_owner: str | None = Field(default=None, max_length=128)
    lease_until: datetime | None = Field(default=None, sa_type=UtcDateTime)
    # Health.
    last_attempt_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_success_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_status: str | None = Field(default=None, max_length=64)
    consecutive_errors: int = 0
    last_error: str | None = Field(default=None, max_length=1024)
    parked: bool = False
    items_seen: int = 0
    # Permanent redirects (301/308): where the feed says it moved, seen in how many polls
    # in a row; after a few the URL above becomes that one (feedstore.move_feed).
    moved_to: str | None = Field(default=None, max_length=2048)
    moved_to_polls: int = 0
    id_url: str | None = Field(
        default=None,
        max_length=2048,
        description="The URL item ids are scoped to once the feed has moved (its first URL).",
    )

    @property
    def healthy(self) -> bool:
        return self.consecutive_errors == 0 and not self.parked

    @property
    def health(self) -> str:
        """One word for listings: new, ok, failing, parked or disabled."""
        if not self.enabled:
            return "disabled"
        if self.parked:
            return "parked"
        if self.consecutive_errors:
            return "failing"
        return "ok" if self.last_success_at else "new"


class SeenItem(SQLModel, table=True):
    """One row per item ever published: the de-duplication key, survives restarts.

    The primary key arbitrates between ingest processes: a process publishes
    only the items whose row it inserted (or re-claimed after a stale claim),
    and confirms them with ``published_at`` once the broker acknowledged.
    """

    __tablename__ = "ingest_seen_item"

    item_id: str = Field(primary_key=True, max_length=64)
    feed_id: int = Field(index=True)
    first_seen_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    claimed_by: str | None = Field(default=None, max_length=128)
    claimed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    published_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class LegacySeenItem(SQLModel, table=True):
    """Items seen before item ids were scoped per feed (schema revision 0006), under
    their old id and the feed that first claimed them.

    Claims treat an item whose old-formula id is here *for the same feed* as seen, so
    upgrading republishes nothing. Rows are only ever written by that migration.
    """

    __tablename__ = "ingest_legacy_seen_item"

    item_id: str = Field(primary_key=True, max_length=64)
    feed_id: int
