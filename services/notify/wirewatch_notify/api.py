"""HTTP API for subscriptions (FastAPI router), mounted by `wirewatch up` and `wirewatch notify`."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel
from sqlalchemy.engine import Engine

from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.models import Subscription
from wirewatch_notify.secrets import SecretBox


class SubscriptionOut(BaseModel):
    id: int
    topic: str
    channel: str
    target: str
    min_score: float
    active: bool
    disabled_reason: str | None = None

    @classmethod
    def of(cls, sub: Subscription) -> SubscriptionOut:
        assert sub.id is not None
        return cls(
            id=sub.id,
            topic=sub.topic,
            channel=sub.channel,
            target=sub.target,
            min_score=sub.min_score,
            active=sub.active,
            disabled_reason=sub.disabled_reason,
        )


class SubscriptionCreated(SubscriptionOut):
    webhook_secret: str | None = None


def subscriptions_router(engine: Engine, box: SecretBox) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["subscriptions"])

    @router.get("/subscriptions")
    async def list_all() -> list[SubscriptionOut]:
        subs = await asyncio.to_thread(subscriptions.list_subscriptions, engine)
        return [SubscriptionOut.of(s) for s in subs]

    @router.post("/subscriptions", status_code=status.HTTP_201_CREATED)
    async def create(body: subscriptions.SubscriptionCreate) -> SubscriptionCreated:
        try:
            created = await asyncio.to_thread(subscriptions.create_subscription, engine, body, box)
        except subscriptions.SubscriptionError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from exc
        out = SubscriptionOut.of(created.subscription).model_dump()
        return SubscriptionCreated(**out, webhook_secret=created.webhook_secret)

    @router.get("/subscriptions/{subscription_id}")
    async def get_one(subscription_id: int) -> SubscriptionOut:
        sub = await asyncio.to_thread(subscriptions.get_subscription, engine, subscription_id)
        if sub is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such subscription")
        return SubscriptionOut.of(sub)

    @router.delete("/subscriptions/{subscription_id}", status_code=status.HTTP_204_NO_CONTENT)
    async def delete(subscription_id: int) -> None:
        if not await asyncio.to_thread(subscriptions.remove_subscription, engine, subscription_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such subscription")

    @router.get("/subscriptions/{subscription_id}/deliveries")
    async def deliveries(subscription_id: int) -> list[dict[str, Any]]:
        rows = await asyncio.to_thread(
            outbox.list_deliveries, engine, subscription_id=subscription_id
        )
        return [
            {
                "id": d.id,
                "item_id": d.item_id,
                "status": d.status,
                "attempts": d.attempts,
                "last_error": d.last_error,
                "created_at": d.created_at,
                "sent_at": d.sent_at,
            }
            for d in rows
        ]

    return router
