"""The delivery worker: sends due deliveries, records each outcome, schedules retries.

Sending happens outside the Kafka handler, so a slow or failing endpoint never
blocks a partition: the handler only records deliveries (the outbox), this
worker drains it. It keeps up to ``delivery_concurrency`` sends in flight and
refills free slots as soon as any send finishes (no waiting for a whole batch),
with at most ``endpoint_concurrency`` per endpoint: one endpoint that times out
after 15 s ties up only its own slots, never the healthy endpoints' ones.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from wirewatch_shared.logging import get_logger

from wirewatch_notify import outbox
from wirewatch_notify.channels.base import (
    Channel,
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)
from wirewatch_notify.links import LinkSigner
from wirewatch_notify.models import Delivery, DeliveryKind, DeliveryStatus, Subscription, utcnow
from wirewatch_notify.outbox import Claimed, Outcome
from wirewatch_notify.recorder import OutcomeRecorder
from wirewatch_notify.release import release_held
from wirewatch_notify.rules import timing_of
from wirewatch_notify.secrets import SecretBox
from wirewatch_notify.settings import NotifySettings
from wirewatch_notify.timing import quiet_until

log = get_logger(__name__)

Clock = Callable[[], datetime]


def message_id(subscription_id: int, item_id: str) -> str:
    """Stable per (subscription, item): the receiver's de-duplication key."""
    digest = hashlib.sha256(f"{subscription_id}:{item_id}".encode()).hexdigest()[:26]
    return f"msg_{digest}"


class _Decrypted:
    """Decrypted secrets and targets, cached by ciphertext (Fernet is not free)."""

    def __init__(self, box: SecretBox, limit: int = 10_000) -> None:
        self.box = box
        self.limit = limit
        self._cache: dict[str, str] = {}

    def __call__(self, token: str) -> str:
        plain = self._cache.get(token)
        if plain is None:
            if len(self._cache) >= self.limit:
                self._cache.clear()
            plain = self._cache[token] = self.box.decrypt(token)
        return plain

    def target(self, sub: Subscription) -> str:
        return self(sub.target_encrypted) if sub.target_encrypted else sub.target

    def secrets(self, sub: Subscription, now: datetime) -> tuple[str, ...]:
        if sub.secret_encrypted is None:
            return ()
        current = self(sub.secret_encrypted)
        expires = sub.previous_secret_expires_at
        if sub.previous_secret_encrypted and expires is not None and expires > now:
            return (current, self(sub.previous_secret_encrypted))
        return (current,)


class DeliveryWorker:
    def __init__(
        self,
        engine: Engine,
        channels: Mapping[str, Channel],
        box: SecretBox,
        settings: NotifySettings,
        links: LinkSigner,
        *,
        clock: Clock = utcnow,
    ) -> None:
        self.engine = engine
        self.channels = channels
        self.box = box
        self.settings = settings
        self.links = links
        self.clock = clock
        self.wake = asyncio.Event()
        self.in_flight = 0
        self.recorder = OutcomeRecorder(engine)
        self._decrypted = _Decrypted(box)
        self._tasks: set[asyncio.Task[None]] = set()
        self._endpoint_load: Counter[str] = Counter()
        self._sub_load: Counter[int] = Counter()
        self._sub_endpoint: dict[int, str] = {}
        self._lease = timedelta(seconds=settings.claim_lease_s)
        self._send_deadline = max(1.0, settings.claim_lease_s - 1.0)
        self._min_claim = max(1, settings.delivery_concurrency // 8)

    def idle(self) -> bool:
        """Nothing being sent and nothing waiting to be sent (for tests and status)."""
        return self.in_flight == 0 and outbox.count_pending(self.engine) == 0

    # -- the loop ---------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        recorder_stop = asyncio.Event()
        recorder = asyncio.create_task(self.recorder.run(recorder_stop))
        next_release = 0.0
        try:
            while not stop.is_set():
                self.wake.clear()
                filled = False
                try:
                    if time.monotonic() >= next_release:
                        next_release = time.monotonic() + self.settings.delivery_tick_s
                        await asyncio.to_thread(
                            release_held,
                            self.engine,
                            self.clock(),
                            digest_max_items=self.settings.digest_max_items,
                        )
                    filled = await self._fill()
                except Exception:  # a DB hiccup must not kill the worker
                    log.exception("delivery round failed")
                if filled:
                    continue  # there may be more due right away
                await self._wait(stop)
        finally:
            await self._finish_in_flight()
            recorder_stop.set()
            await recorder

    async def _wait(self, stop: asyncio.Event) -> None:
        waiters = [asyncio.ensure_future(self.wake.wait()), asyncio.ensure_future(stop.wait())]
        await asyncio.wait(
            waiters, timeout=self.settings.delivery_tick_s, return_when=asyncio.FIRST_COMPLETED
        )
        for waiter in waiters:
            waiter.cancel()

    async def _finish_in_flight(self) -> None:
        """On shutdown, let sends finish (their outcome must be recorded), up to a limit."""
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=self._send_deadline)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)

    def _cap(self, channel: Channel | None) -> int:
        if channel is not None and channel.endpoint_concurrency is not None:
            return channel.endpoint_concurrency
        return self.settings.endpoint_concurrency

    def _endpoint(self, sub: Subscription | None) -> tuple[str, int]:
        if sub is None:
            return "", 1_000_000
        channel = self.channels.get(sub.channel)
        if channel is None:
            return "", 1_000_000
        key = f"{sub.channel}|{channel.endpoint_key(self._decrypted.target(sub))}"
        return key, self._cap(channel)

    async def _fill(self) -> bool:
        """Claim as many due deliveries as there are free slots; True if all were filled."""
        free = self.settings.delivery_concurrency - len(self._tasks)
        if free <= 0 or (free < self._min_claim and self._tasks):
            return False
        load = Counter(self._endpoint_load)
        caps: dict[str, int] = {}
        saturated_subs = [
            sub_id
            for sub_id, key in self._sub_endpoint.items()
            if self._sub_load[sub_id] and load[key] >= caps.setdefault(key, self._cap_of_key(key))
        ]
        chosen_keys: dict[int, str] = {}

        def accept(delivery_id: int, sub: Subscription | None) -> bool:
            key, cap = self._endpoint(sub)
            if key and load[key] >= cap:
                return False
            if key:
                load[key] += 1
            chosen_keys[delivery_id] = key
            return True

        claimed = await asyncio.to_thread(
            outbox.claim,
            self.engine,
            self.clock(),
            free,
            lease=self._lease,
            exclude_subscriptions=saturated_subs,
            accept=accept,
        )
        for item in claimed:
            assert item.delivery.id is not None
            self._start(item, chosen_keys.get(item.delivery.id, ""))
        return len(claimed) == free

    def _cap_of_key(self, key: str) -> int:
        return self._cap(self.channels.get(key.split("|", 1)[0]))

    def _start(self, item: Claimed, key: str) -> None:
        sub_id = item.delivery.subscription_id
        self.in_flight += 1
        self._endpoint_load[key] += 1
        self._sub_load[sub_id] += 1
        self._sub_endpoint[sub_id] = key
        task = asyncio.create_task(self._run_one(item))
        self._tasks.add(task)

        def done(finished: asyncio.Task[None]) -> None:
            self._tasks.discard(finished)
            self.in_flight -= 1
            self._endpoint_load[key] -= 1
            if self._endpoint_load[key] <= 0:
                del self._endpoint_load[key]
            self._sub_load[sub_id] -= 1
            if self._sub_load[sub_id] <= 0:
                del self._sub_load[sub_id]
                self._sub_endpoint.pop(sub_id, None)
            self.wake.set()

        task.add_done_callback(done)

    async def _run_one(self, item: Claimed) -> None:
        delivery = item.delivery
        bound = log.bind(
            delivery_id=delivery.id,
            subscription_id=delivery.subscription_id,
            item_id=delivery.item_id,
            kind=delivery.kind,
        )
        try:
            outcome = await self.attempt(item)
            await self.recorder.record(outcome)
        except Exception:
            # Not recorded: the claim's lease runs out and the delivery is tried again.
            bound.exception("delivery outcome not recorded")
            return
        if outcome.status == DeliveryStatus.SENT:
            bound.debug("delivered")
        elif outcome.status == DeliveryStatus.PENDING and outcome.attempts:
            bound.warning("delivery failed, will retry", error=outcome.error)
        elif outcome.status == DeliveryStatus.DEAD:
            bound.warning(
                "delivery dead-lettered",
                error=outcome.error,
                disabled=outcome.disable_subscription is not None,
            )
        else:
            bound.info("delivery not sent", status=outcome.status, reason=outcome.error)

    # -- one attempt --------------------------------------------------------------

    def _skip_reason(self, delivery: Delivery, sub: Subscription | None) -> str | None:
        if sub is None:
            return "subscription removed"
        if delivery.kind == DeliveryKind.CONFIRM:
            return "already confirmed" if sub.confirmed_at is not None else None
        if sub.awaiting_confirmation:
            return "awaiting email confirmation"
        if not sub.active and (delivery.kind != DeliveryKind.TEST or sub.channel == "email"):
            return f"subscription inactive: {sub.disabled_reason or 'paused'}"
        return None

    def request_for(self, delivery: Delivery, sub: Subscription, now: datetime) -> DeliveryRequest:
        assert sub.id is not None
        email = sub.channel == "email"
        confirm = delivery.kind == DeliveryKind.CONFIRM
        unsubscribe = email and not confirm
        return DeliveryRequest(
            message_id=message_id(delivery.subscription_id, delivery.item_id),
            target=self._decrypted.target(sub),
            envelope=json.loads(delivery.payload),
            body=delivery.payload.encode(),
            secrets=self._decrypted.secrets(sub, now),
            unsubscribe_url=(
                self.links.url("unsubscribe", sub.id, sub.link_key) if unsubscribe else None
            ),
            confirm_url=(
                self.links.url(
                    "confirm", sub.id, sub.link_key, ttl_s=self.settings.confirmation_ttl_s
                )
                if confirm
                else None
            ),
        )

    async def attempt(self, item: Claimed) -> Outcome:
        """Send one claimed delivery; the outcome to record (never raises for send errors)."""
        delivery, sub = item.delivery, item.subscription
        assert delivery.id is not None
        now = self.clock()
        skip = self._skip_reason(delivery, sub)
        if skip is not None:
            return Outcome(delivery.id, DeliveryStatus.CANCELLED, skip)
        assert sub is not None
        if delivery.kind in (DeliveryKind.ALERT, DeliveryKind.DIGEST):
            quiet_end = quiet_until(timing_of(sub), now)
            if quiet_end is not None:  # e.g. a retry falling into quiet hours
                held = (
                    DeliveryStatus.HELD
                    if delivery.kind == DeliveryKind.ALERT
                    else DeliveryStatus.PENDING
                )
                return Outcome(delivery.id, held, "quiet hours", next_attempt_at=quiet_end)
        channel = self.channels.get(sub.channel)
        if channel is None:
            return Outcome(delivery.id, DeliveryStatus.DEAD, f"no channel {sub.channel!r}")
        schedule = self.settings.retry_schedule_s
        try:
            request = self.request_for(delivery, sub, now)
            async with asyncio.timeout(self._send_deadline):
                await channel.send(request)
        except RetryableDeliveryError as exc:
            return outbox.failure_outcome(
                delivery,
                str(exc),
                schedule=schedule,
                now=self.clock(),
                retry_after_s=exc.retry_after_s,
                exact=exc.exact,
                counts=exc.counts,
            )
        except PermanentDeliveryError as exc:
            outcome = outbox.failure_outcome(
                delivery, str(exc), schedule=schedule, now=self.clock(), permanent=True
            )
            if exc.disable:
                return Outcome(
                    outcome.delivery_id,
                    outcome.status,
                    outcome.error,
                    outcome.attempts,
                    disable_subscription=sub.id,
                    disable_reason=str(exc),
                )
            return outcome
        except TimeoutError:
            return outbox.failure_outcome(
                delivery,
                f"send took longer than {self._send_deadline:g} s",
                schedule=schedule,
                now=self.clock(),
            )
        except Exception as exc:  # a channel bug: keep the delivery, retry later
            log.exception("channel crashed", subscription_id=sub.id, item_id=delivery.item_id)
            return outbox.failure_outcome(
                delivery, f"{type(exc).__name__}: {exc}", schedule=schedule, now=self.clock()
            )
        return Outcome(delivery.id, DeliveryStatus.SENT)
