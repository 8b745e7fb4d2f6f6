"""Tables owned by the notify service."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Subscription(SQLModel, table=True):
    __tablename__ = "notify_subscription"

    id: int | None = Field(default=None, primary_key=True)
    topic: str = Field(index=True, max_length=128)
    min_score: float = 0.0
    channel: str = Field(max_length=32)  # "webhook" | "email"
    target: str = Field(max_length=2048)
    secret_encrypted: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    active: bool = True
    disabled_reason: str | None = Field(default=None, max_length=512)
    created_at: datetime = Field(default_factory=utcnow)


class DeliveryStatus:
    PENDING = "pending"
    SENT = "sent"
    DEAD = "dead"


class Delivery(SQLModel, table=True):
    """One alert for one subscription: the idempotency key and the outbox row."""

    __tablename__ = "notify_delivery"
    __table_args__ = (UniqueConstraint("subscription_id", "item_id", name="uq_delivery_sub_item"),)

    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(index=True)
    item_id: str = Field(max_length=64)
    status: str = Field(default=DeliveryStatus.PENDING, index=True, max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, index=True)
    last_error: str | None = Field(default=None, max_length=1024)
    payload: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
