"""Test sends: a sample alert delivered right now through the subscription's channel.

The attempt is recorded in the delivery log (kind ``test``) like any other, but
is never retried: the caller sees the endpoint's answer straight away.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

from sqlalchemy.engine import Engine
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import session_scope

from wirewatch_notify.claims import Claimed
from wirewatch_notify.models import Delivery, DeliveryKind, DeliveryStatus
from wirewatch_notify.outcomes import Outcome, record_outcomes
from wirewatch_notify.payloads import dumps, sample_envelope
from wirewatch_notify.schemas import TestSendResult
from wirewatch_notify.subscriptions import SubscriptionError, get_subscription
from wirewatch_notify.worker import DeliveryWorker


def _record_attempt(engine: Engine, subscription_id: int, payload: str, lease_s: float) -> Delivery:
    delivery = Delivery(
        subscription_id=subscription_id,
        item_id=f"test:{uuid.uuid4().hex}",
        kind=DeliveryKind.TEST,
        status=DeliveryStatus.PENDING,
        # Claimed by us from the start: the background worker leaves it alone.
        next_attempt_at=utcnow() + timedelta(seconds=lease_s),
        payload=payload,
    )
    with session_scope(engine) as session:
        session.add(delivery)
        session.flush()
        session.refresh(delivery)
    return delivery


async def send_test(
    engine: Engine, worker: DeliveryWorker, subscription_id: int, owner: str | None = None
) -> TestSendResult | None:
    """None when there is no such subscription (for this owner)."""
    sub = await asyncio.to_thread(get_subscription, engine, subscription_id, owner)
    if sub is None:
        return None
    if sub.channel == "email" and (sub.awaiting_confirmation or not sub.active):
        raise SubscriptionError(
            "nothing is sent to this address until it confirms its subscription"
            if sub.awaiting_confirmation
            else "this email subscription is inactive (unsubscribed or disabled)"
        )
    payload = dumps(sample_envelope(sub.topics, now=utcnow()))
    delivery = await asyncio.to_thread(
        _record_attempt, engine, subscription_id, payload, worker.settings.claim_lease_s
    )
    assert delivery.id is not None
    outcome = await worker.sender.attempt(Claimed(delivery, sub))
    if outcome.status not in (DeliveryStatus.SENT, DeliveryStatus.DEAD, DeliveryStatus.CANCELLED):
        # A test is not retried: report the failure now.
        outcome = Outcome(
            delivery.id,
            DeliveryStatus.DEAD,
            outcome.error,
            outcome.attempts or 1,
            disable_subscription=outcome.disable_subscription,
            disable_reason=outcome.disable_reason,
        )
    await asyncio.to_thread(record_outcomes, engine, [outcome])
    return TestSendResult(
        delivered=outcome.status == DeliveryStatus.SENT,
        delivery_id=delivery.id,
        error=outcome.error,
    )
