"""Subscription service layer, shared by the CLI and the HTTP API."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, ValidationError, field_validator
from sqlalchemy.engine import Engine
from sqlmodel import col, select
from wirewatch_shared.db import session_scope

from wirewatch_notify.matching import SubscriptionRule
from wirewatch_notify.models import Subscription
from wirewatch_notify.secrets import SecretBox, generate_webhook_secret

TOPIC_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")


class SubscriptionError(ValueError):
    """A subscription request was refused; the message says why."""


class SubscriptionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topic: str = Field(description="Topic name, e.g. repatriation-flights.")
    channel: Literal["webhook", "email"]
    target: str = Field(description="Webhook URL (http/https) or email address.")
    min_score: float = Field(default=0.0, ge=0.0, le=1.0)

    @field_validator("topic")
    @classmethod
    def _topic_name(cls, value: str) -> str:
        value = value.strip().lower()
        if not TOPIC_NAME.match(value):
            raise ValueError("topic must be lowercase letters, digits, '.', '_' or '-'")
        return value


class _EmailTarget(BaseModel):
    address: EmailStr


def _validate_target(channel: str, target: str) -> str:
    target = target.strip()
    if channel == "email":
        try:
            return str(_EmailTarget(address=target).address)
        except ValidationError as exc:
            raise SubscriptionError(f"not a valid email address: {target!r}") from exc
    from urllib.parse import urlsplit

    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SubscriptionError(f"webhook URL must be http(s) with a host: {target!r}")
    return target


@dataclass(frozen=True, slots=True)
class CreatedSubscription:
    subscription: Subscription
    webhook_secret: str | None  # shown once, at creation


def create_subscription(
    engine: Engine, request: SubscriptionCreate, box: SecretBox
) -> CreatedSubscription:
    target = _validate_target(request.channel, request.target)
    secret = generate_webhook_secret() if request.channel == "webhook" else None
    sub = Subscription(
        topic=request.topic,
        channel=request.channel,
        target=target,
        min_score=request.min_score,
        secret_encrypted=box.encrypt(secret) if secret else None,
    )
    with session_scope(engine) as session:
        session.add(sub)
        session.flush()
        session.refresh(sub)
    return CreatedSubscription(sub, secret)


def parse_create(data: dict[str, object]) -> SubscriptionCreate:
    """Validate raw input; raises SubscriptionError with a readable reason."""
    try:
        return SubscriptionCreate.model_validate(data)
    except ValidationError as exc:
        reasons = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
            for err in exc.errors()
        )
        raise SubscriptionError(reasons) from exc


def list_subscriptions(engine: Engine) -> list[Subscription]:
    with session_scope(engine) as session:
        return list(session.exec(select(Subscription).order_by(col(Subscription.id))))


def get_subscription(engine: Engine, subscription_id: int) -> Subscription | None:
    with session_scope(engine) as session:
        return session.get(Subscription, subscription_id)


def remove_subscription(engine: Engine, subscription_id: int) -> bool:
    with session_scope(engine) as session:
        sub = session.get(Subscription, subscription_id)
        if sub is None:
            return False
        session.delete(sub)
        return True


def active_rules(engine: Engine) -> list[SubscriptionRule]:
    with session_scope(engine) as session:
        rows = session.exec(
            select(Subscription.id, Subscription.topic, Subscription.min_score).where(
                col(Subscription.active).is_(True)
            )
        )
        return [SubscriptionRule(int(i), t, m) for i, t, m in rows if i is not None]
