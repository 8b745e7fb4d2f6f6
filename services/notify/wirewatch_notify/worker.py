"""The delivery worker: sends due deliveries, records each outcome, schedules retries.

Sending happens outside the Kafka handler, so a slow or failing endpoint never
blocks a partition: the handler only records deliveries (the outbox), this
worker drains it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Mapping

from sqlalchemy.engine import Engine
from wirewatch_shared.db import session_scope
from wirewatch_shared.logging import get_logger

from wirewatch_notify import outbox
from wirewatch_notify.channels.base import (
    Channel,
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)
from wirewatch_notify.models import Delivery, Subscription, utcnow
from wirewatch_notify.secrets import SecretBox
from wirewatch_notify.settings import NotifySettings

log = get_logger(__name__)


def message_id(subscription_id: int, item_id: str) -> str:
    """Stable per (subscription, item): the receiver's de-duplication key."""
    digest = hashlib.sha256(f"{subscription_id}:{item_id}".encode()).hexdigest()[:26]
    return f"msg_{digest}"


class DeliveryWorker:
    def __init__(
        self,
        engine: Engine,
        channels: Mapping[str, Channel],
        box: SecretBox,
        settings: NotifySettings,
    ) -> None:
        self.engine = engine
        self.channels = channels
        self.box = box
        self.settings = settings
        self.wake = asyncio.Event()
        self.in_flight = 0

    def idle(self) -> bool:
        """Nothing being sent and nothing waiting to be sent (for tests and status)."""
        return self.in_flight == 0 and outbox.count_pending(self.engine) == 0

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                sent_any = await self.drain_once()
            except Exception:  # a DB hiccup must not kill the worker
                log.exception("delivery round failed")
                sent_any = False
            if sent_any:
                continue  # there may be more due right away
            self.wake.clear()
            waits = [asyncio.ensure_future(self.wake.wait()), asyncio.ensure_future(stop.wait())]
            await asyncio.wait(
                waits, timeout=self.settings.delivery_tick_s, return_when=asyncio.FIRST_COMPLETED
            )
            for waiter in waits:
                waiter.cancel()

    async def drain_once(self) -> bool:
        """Send one batch of due deliveries; True when there was anything to do."""
        batch = await asyncio.to_thread(
            outbox.claim_due, self.engine, utcnow(), self.settings.delivery_concurrency
        )
        if not batch:
            return False
        subscriptions = await asyncio.to_thread(
            _load_subscriptions, self.engine, {d.subscription_id for d in batch}
        )
        self.in_flight += len(batch)
        try:
            await asyncio.gather(
                *(self._deliver(d, subscriptions.get(d.subscription_id)) for d in batch)
            )
        finally:
            self.in_flight -= len(batch)
        return True

    async def _deliver(self, delivery: Delivery, sub: Subscription | None) -> None:
        assert delivery.id is not None
        bound = log.bind(
            delivery_id=delivery.id,
            subscription_id=delivery.subscription_id,
            item_id=delivery.item_id,
        )
        schedule = self.settings.retry_schedule_s
        if sub is None or not sub.active:
            reason = "subscription removed" if sub is None else "subscription inactive"
            await asyncio.to_thread(
                outbox.mark_failed, self.engine, delivery, reason, schedule=schedule, permanent=True
            )
            return
        channel = self.channels.get(sub.channel)
        if channel is None:
            await asyncio.to_thread(
                outbox.mark_failed,
                self.engine,
                delivery,
                f"no channel {sub.channel!r}",
                schedule=schedule,
                permanent=True,
            )
            return
        request = DeliveryRequest(
            message_id=message_id(delivery.subscription_id, delivery.item_id),
            target=sub.target,
            envelope=json.loads(delivery.payload),
            secret=self.box.decrypt(sub.secret_encrypted) if sub.secret_encrypted else None,
        )
        try:
            await channel.send(request)
        except RetryableDeliveryError as exc:
            status = await asyncio.to_thread(
                outbox.mark_failed,
                self.engine,
                delivery,
                str(exc),
                schedule=schedule,
                retry_after_s=exc.retry_after_s,
            )
            bound.warning(
                "delivery failed", error=str(exc), status=status, attempts=delivery.attempts + 1
            )
            return
        except PermanentDeliveryError as exc:
            await asyncio.to_thread(
                outbox.mark_failed,
                self.engine,
                delivery,
                str(exc),
                schedule=schedule,
                permanent=True,
            )
            if exc.disable:
                await asyncio.to_thread(
                    outbox.disable_subscription, self.engine, delivery.subscription_id, str(exc)
                )
            bound.warning("delivery dead", error=str(exc), disabled=exc.disable)
            return
        except Exception as exc:  # a channel bug: keep the delivery, retry later
            await asyncio.to_thread(
                outbox.mark_failed,
                self.engine,
                delivery,
                f"{type(exc).__name__}: {exc}",
                schedule=schedule,
            )
            bound.exception("delivery crashed")
            return
        await asyncio.to_thread(outbox.mark_sent, self.engine, delivery.id)
        bound.info("delivered", channel=sub.channel)


def _load_subscriptions(engine: Engine, ids: set[int]) -> dict[int, Subscription]:
    with session_scope(engine) as session:
        return {i: s for i in ids if (s := session.get(Subscription, i)) is not None}
