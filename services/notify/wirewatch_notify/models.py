"""Tables owned by the notify service."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import UtcDateTime

LOCAL_OWNER = "local"
"""Owner of subscriptions created with the CLI (the operator); API tokens own their own."""


def _utc_column(*, nullable: bool = False, index: bool = False) -> Any:
    if nullable:
        return Field(default=None, sa_type=UtcDateTime, index=index)
    return Field(default_factory=utcnow, sa_type=UtcDateTime, index=index)


def new_link_key() -> str:
    return secrets.token_urlsafe(12)


class Subscription(SQLModel, table=True):
    """One channel target subscribed to one or more topics, with filters and timing."""

    __tablename__ = "notify_subscription"
    __table_args__ = {"sqlite_autoincrement": True}  # ids of removed subscriptions never return

    id: int | None = Field(default=None, primary_key=True)
    owner: str = Field(default=LOCAL_OWNER, index=True, max_length=64)
    topics: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    channel: str = Field(max_length=32)  # a name in channels.registry
    target: str = Field(max_length=2048)  # shown to users (credentials redacted)
    target_encrypted: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    secret_encrypted: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    previous_secret_encrypted: str | None = Field(
        default=None, sa_column=Column(Text, nullable=True)
    )
    previous_secret_expires_at: datetime | None = _utc_column(nullable=True)
    min_score: float = 0.0
    countries: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    entities: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    feeds: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    mode: str = Field(default="instant", max_length=16)  # "instant" | "digest"
    # "story": one alert per story (+ one follow-up), "item": one alert per item. Tables
    # made before story mode get "item" (migration 0004).
    alert_mode: str = Field(default="story", max_length=8)
    followup_outlets: int = 3  # story mode: one follow-up at this many outlets (0: none)
    digest_interval_minutes: int | None = None
    timezone: str = Field(default="UTC", max_length=64)
    quiet_start: str | None = Field(default=None, max_length=5)  # "HH:MM" local time
    quiet_end: str | None = Field(default=None, max_length=5)
    active: bool = True
    disabled_reason: str | None = Field(default=None, max_length=512)
    requires_confirmation: bool = False
    confirmed_at: datetime | None = _utc_column(nullable=True)
    link_key: str = Field(default_factory=new_link_key, max_length=32)
    created_at: datetime = _utc_column()
    updated_at: datetime = _utc_column()

    @property
    def awaiting_confirmation(self) -> bool:
        return self.requires_confirmation and self.confirmed_at is None


class SubscriptionFields(Protocol):
    """What sending a delivery reads of its subscription: a claimed delivery's
    (``claims.ClaimedSubscription``, only these columns) or the model itself."""

    @property
    def id(self) -> int | None: ...
    @property
    def channel(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def target_encrypted(self) -> str | None: ...
    @property
    def secret_encrypted(self) -> str | None: ...
    @property
    def previous_secret_encrypted(self) -> str | None: ...
    @property
    def previous_secret_expires_at(self) -> datetime | None: ...
    @property
    def mode(self) -> str: ...
    @property
    def digest_interval_minutes(self) -> int | None: ...
    @property
    def timezone(self) -> str: ...
    @property
    def quiet_start(self) -> str | None: ...
    @property
    def quiet_end(self) -> str | None: ...
    @property
    def active(self) -> bool: ...
    @property
    def disabled_reason(self) -> str | None: ...
    @property
    def confirmed_at(self) -> datetime | None: ...
    @property
    def link_key(self) -> str: ...
    @property
    def awaiting_confirmation(self) -> bool: ...


class DeliveryStatus:
    PENDING = "pending"  # due at next_attempt_at
    HELD = "held"  # quiet hours or digest period: released at next_attempt_at
    BATCHED = "batched"  # part of the digest delivery batch_id
    SENT = "sent"
    DEAD = "dead"  # retries exhausted or permanent failure: replayable
    CANCELLED = "cancelled"  # subscription removed, paused or unconfirmed: never sent


class DeliveryKind:
    ALERT = "alert"
    DIGEST = "digest"
    CONFIRM = "confirm"
    TEST = "test"
    # Never sent: a cancelled row that only takes a de-duplication key (an item alert's
    # link and headline); not listed in the delivery log.
    KEY = "key"


class Delivery(SQLModel, table=True):
    """One message for one subscription: the idempotency key and the outbox row."""

    __tablename__ = "notify_delivery"
    __table_args__ = (
        UniqueConstraint("subscription_id", "item_id", name="uq_delivery_sub_item"),
        Index("ix_delivery_due", "status", "next_attempt_at"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(index=True)
    item_id: str = Field(max_length=160)
    kind: str = Field(default=DeliveryKind.ALERT, max_length=16)
    status: str = Field(default=DeliveryStatus.PENDING, max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = _utc_column()
    last_error: str | None = Field(default=None, max_length=1024)
    payload: str = Field(sa_column=Column(Text, nullable=False))
    batch_id: int | None = Field(default=None, index=True)
    created_at: datetime = _utc_column()
    updated_at: datetime = _utc_column()
    sent_at: datetime | None = _utc_column(nullable=True)


class DeliveryFields(Protocol):
    """What sending a delivery reads of it: a claimed row (``claims.ClaimedDelivery``,
    only these columns) or the model itself."""

    @property
    def id(self) -> int | None: ...
    @property
    def subscription_id(self) -> int: ...
    @property
    def item_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def attempts(self) -> int: ...
    @property
    def next_attempt_at(self) -> datetime: ...
    @property
    def payload(self) -> str: ...


class ApiToken(SQLModel, table=True):
    """An API token: only a SHA-256 of it is stored; it owns the subscriptions it creates."""

    __tablename__ = "notify_api_token"

    id: int | None = Field(default=None, primary_key=True)
    key_id: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=128)
    token_hash: str = Field(max_length=64)
    created_at: datetime = _utc_column()
    revoked_at: datetime | None = _utc_column(nullable=True)

    @property
    def owner(self) -> str:
        return f"token:{self.key_id}"


class FlightRoute(SQLModel, table=True):
    """A route filter of a subscription on flight records ("every flight to Guatemala").

    A subscription with routes gets one alert per flight record on any of its routes
    (from the ``wirewatch.flights.v1`` events) instead of item alerts. ``None`` in a
    column matches any country."""

    __tablename__ = "notify_flight_route"

    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(index=True)
    origin: str | None = Field(default=None, max_length=2)
    destination: str | None = Field(default=None, max_length=2)


class FlightRecordVersion(SQLModel, table=True):
    """The newest version of a flight record that notify has read, and when it last read
    one of the record's events.

    Route alerts skip an event older than this (a late version: a flights-stage
    rebalance, a replay), whether or not a route alert recorded the newer one: it may
    have matched no route, or its alert may have been purged. Rows not read for the
    delivery retention may be purged (``flight_alerts.purge_versions``)."""

    __tablename__ = "notify_flight_record_version"

    record_id: str = Field(primary_key=True, max_length=64)
    version: int
    updated_at: datetime = _utc_column(index=True)


class StoryState(SQLModel, table=True):
    """A story's newest state that notify has read: the highest ``position`` of its events
    and that event's story fields (``story_versions.STORY_FIELDS``, as JSON), and when it
    last read one of the story's events.

    A later read of an older event (two stories processes publishing one story's events
    out of order) shows the story as this says, whichever notify process read the newer
    one. A row is bounded by the story event's own bounds (12 items, 100 outlets, 32
    topics, 16 languages: ~1-3 KB, 45 KB at most); rows not read for the delivery
    retention may be purged (``story_versions.purge_states``)."""

    __tablename__ = "notify_story_state"

    story_id: str = Field(primary_key=True, max_length=64)
    position: int
    # JSON text, as a delivery's payload: pydantic writes it (the JSON type's json.dumps
    # was a third of the step), and it is parsed only for a late event.
    story: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime = _utc_column(index=True)
