"""The delivery worker: sends due deliveries, records each outcome, schedules retries.

Sending happens outside the Kafka handler, so a slow or failing endpoint never
blocks a partition: the handler only records deliveries (the outbox) and wakes
this worker, which drains it.

- **Concurrent**: up to ``delivery_concurrency`` deliveries in flight (being sent,
  or sent and waiting for their outcome to be committed), at most
  requests at once to one endpoint (1 per Slack URL): a limit that starts at
  ``endpoint_concurrency``, grows towards ``endpoint_concurrency_max`` while the endpoint
  keeps up and halves when it times out or answers 429/5xx (:mod:`.endpoint_limits`).
  One endpoint that times out after 15 s ties up only its own slots.
- **Batched**: rows are claimed many at a time (one transaction) into a small
  per-endpoint queue (at most one more round of sends per endpoint), and outcomes
  are group-committed (:mod:`.recorder`); an endpoint's slot, and its share of
  the claim, are freed as soon as its HTTP exchange ends, so the next send and
  the next claim start while the previous outcome is still being written.
  Neither claims nor commits sit between two sends.
- **Lease-safe**: a claimed row that waited in the queue too long to be sent
  within its claim lease is given back (due again now) instead of being sent, so
  no other process can claim it while it is still being sent.

Its parts: the per-endpoint queues and limits (:mod:`.endpoint_queues`), one attempt
(:mod:`.sender`), releases, purges and memory trims on the tick (:mod:`.housekeeping`).
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import Counter
from collections.abc import Mapping
from datetime import timedelta

from sqlalchemy.engine import Engine
from wirewatch_shared.clock import utcnow
from wirewatch_shared.logging import get_logger

from wirewatch_notify import claims, outbox
from wirewatch_notify.channels.base import Channel
from wirewatch_notify.endpoint_queues import EndpointQueues, Queued
from wirewatch_notify.housekeeping import Housekeeping
from wirewatch_notify.links import LinkSigner
from wirewatch_notify.models import DeliveryFields, DeliveryStatus, SubscriptionFields
from wirewatch_notify.outcomes import Outcome
from wirewatch_notify.recorder import OutcomeRecorder
from wirewatch_notify.secrets import SecretBox
from wirewatch_notify.sender import Clock, Sender
from wirewatch_notify.settings import NotifySettings

log = get_logger(__name__)
_STDLIB_LOG = logging.getLogger(__name__)

QUEUE_GRACE_S = 0.5  # a claimed row waiting longer than this must still have a full send left


def _give_back(delivery: DeliveryFields) -> Outcome:
    """Return a claim unused: claimed rows carry their lease end in ``next_attempt_at``."""
    assert delivery.id is not None
    return Outcome(
        delivery.id, DeliveryStatus.PENDING, release=True, next_attempt_at=delivery.next_attempt_at
    )


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
        self.in_flight = 0  # claimed and not yet recorded (queued, sending or recording)
        self.recorder = OutcomeRecorder(engine)
        # Its parts read the worker's clock at each call (tests and the app set it).
        self.sender = Sender(channels, box, settings, links, clock=lambda: self.clock())
        self.endpoints = EndpointQueues(channels, settings, self.sender.decrypted, self.wake)
        self.housekeeping = Housekeeping(engine, settings, self.wake, clock=lambda: self.clock())
        self._tasks: set[asyncio.Task[None]] = set()
        self._lease = timedelta(seconds=settings.claim_lease_s)
        self._lease_s = settings.claim_lease_s
        # Longest a send can take (the channels' own timeouts): a queued row is only
        # started while this still fits in what is left of its lease.
        self._longest_send_s = max(settings.webhook_timeout_s, settings.smtp_timeout_s)
        self._min_claim = max(1, settings.delivery_concurrency // 8)
        self._room_starved = False  # a claim found no room: wake once outcomes free some
        self._accepting = False
        # Subscriptions an outcome is disabling: sub id -> when that was committed
        # (inf while being written). Rows whose claim began before then may carry a
        # stale "active" snapshot; they are given back, and claimed again, see the
        # subscription off.
        self._disabling: dict[int, float] = {}

    def idle(self) -> bool:
        """Nothing being sent and nothing waiting to be sent (for tests and status)."""
        return self.in_flight == 0 and outbox.count_pending(self.engine) == 0

    def notify_recorded(self) -> None:
        """New deliveries were committed: look for due rows now, not at the next tick."""
        self.wake.set()

    # -- the loop ---------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        recorder_stop = asyncio.Event()
        recorder = asyncio.create_task(self.recorder.run(recorder_stop))
        # Held alerts (quiet hours, digests) are released on the tick by their own task,
        # so a release query never sits between new deliveries and their claim.
        releaser = asyncio.create_task(self.housekeeping.run(stop))
        self._accepting = True
        try:
            while not stop.is_set():
                self.wake.clear()
                filled = False
                try:
                    filled = await self._fill()
                except Exception:  # a DB hiccup must not kill the worker
                    log.exception("delivery round failed")
                if filled:
                    continue  # there may be more due right away
                await self._wait(stop)
        finally:
            self._accepting = False
            await releaser
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
        """On shutdown: give back what was claimed but not started, and let sends finish
        (their outcome must be recorded), up to a limit."""
        queued = self.endpoints.drain()
        if queued:
            released = [_give_back(e.item.delivery) for e in queued]
            try:
                await self.recorder.record_many(released)
            except Exception:  # the leases run out and the rows are claimed again
                log.exception("could not give back queued deliveries")
            for entry in queued:
                self._forget(entry)
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=self.sender.send_deadline)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)

    # -- claiming and starting sends ----------------------------------------------

    async def _fill(self) -> bool:
        """Claim due deliveries for the free room; True if the room was filled."""
        room = self._room()
        if room <= 0 or (room < self._min_claim and self.in_flight):
            self._room_starved = True
            return False
        queues = self.endpoints
        load = Counter(queues.unsent)
        saturated_subs = [
            sub_id
            for sub_id, key in queues.sub_endpoint.items()
            if queues.sub_load[sub_id] and load[key] >= queues.claim_cap(key)
        ]
        # Excluded (saturated) endpoints may have rows due that this claim will not see.
        left_behind = {queues.sub_endpoint[sub_id] for sub_id in saturated_subs}
        chosen: dict[int, str] = {}

        def accept(delivery_id: int, sub: SubscriptionFields | None) -> bool:
            key = queues.key_of(sub)
            if key and load[key] >= queues.claim_cap(key):
                left_behind.add(key)
                return False
            if key:
                load[key] += 1
            chosen[delivery_id] = key
            return True

        claimed_at = time.monotonic()
        # A disabling mark is needed while rows claimed before it may still be waiting;
        # claims run one at a time, so none is in progress here.
        for sub_id, mark in list(self._disabling.items()):
            if mark < claimed_at and not queues.sub_load.get(sub_id):
                del self._disabling[sub_id]
        claimed = await asyncio.to_thread(
            claims.claim,
            self.engine,
            self.clock(),
            room,
            lease=self._lease,
            exclude_subscriptions=saturated_subs,
            accept=accept,
        )
        ready_at = time.monotonic()
        queues.left_behind = left_behind
        for item in claimed:
            assert item.delivery.id is not None
            key = chosen.get(item.delivery.id, "")
            if key:
                queues.track(key)
            self._enqueue(Queued(item, key, claimed_at, ready_at))
        self._dispatch()
        # Sends that ended while the claim ran did not wake it: an endpoint left behind
        # that has room again is claimed for now.
        if any(queues.unsent.get(key, 0) <= queues.cap(key) for key in left_behind):
            self.wake.set()
        return len(claimed) == room

    def _room(self) -> int:
        """Rows this process may still claim: in flight includes outcomes being recorded."""
        return 2 * self.settings.delivery_concurrency - self.in_flight

    def _enqueue(self, entry: Queued) -> None:
        self.in_flight += 1
        self.endpoints.add(entry)

    def _forget(self, entry: Queued) -> None:
        """``entry`` is done with (recorded, or given back): free its accounting."""
        self.in_flight -= 1
        self.endpoints.forget(entry)

    def _dispatch(self) -> None:
        """Start queued deliveries wherever their endpoint has a free slot."""
        if not self._accepting:
            return
        for entry in self.endpoints.take(self.settings.delivery_concurrency - len(self._tasks)):
            self._start(entry)

    def _start(self, entry: Queued) -> None:
        task = asyncio.create_task(self._run_one(entry))
        self._tasks.add(task)

        def done(finished: asyncio.Task[None]) -> None:
            self.housekeeping.sends_done += 1
            self._tasks.discard(finished)
            self._send_done(entry)  # if the task was cancelled before it ran
            self._forget(entry)
            self._dispatch()
            if self._room_starved and self._room() >= self._min_claim:
                self._room_starved = False
                self.wake.set()

        task.add_done_callback(done)

    def _send_done(self, entry: Queued) -> None:
        if self.endpoints.send_done(entry):
            self._dispatch()

    async def _run_one(self, entry: Queued) -> None:
        item = entry.item
        delivery = item.delivery
        bound = log.bind(
            delivery_id=delivery.id,
            subscription_id=delivery.subscription_id,
            item_id=delivery.item_id,
            kind=delivery.kind,
        )
        sub_id = delivery.subscription_id
        try:
            try:
                now = time.monotonic()
                left = self._lease_s - (now - entry.claimed_at) - 1.0
                if entry.claimed_at < self._disabling.get(sub_id, -math.inf):
                    # Claimed before its subscription was disabled: look again.
                    outcome = _give_back(delivery)
                elif left < 1.0 or (
                    now - entry.ready_at > QUEUE_GRACE_S and left < self._longest_send_s
                ):
                    # Waited so long in the queue that a send could outlive the claim
                    # (or be cut short by it): give the row back instead.
                    outcome = _give_back(delivery)
                else:
                    outcome, load = await self.sender.send(item, deadline_s=left)
                    self.endpoints.learn(entry, load)
            finally:
                self._send_done(entry)  # the endpoint's slot: free for the next send
            disabling = outcome.disable_subscription
            if disabling is not None:
                self._disabling[disabling] = math.inf
            try:
                await self.recorder.record(outcome)
            except Exception:
                if disabling is not None:
                    self._disabling.pop(disabling, None)
                raise
            if disabling is not None:
                self._disabling[disabling] = time.monotonic()
            if outcome.release:
                self.wake.set()  # the row given back is due again now
        except Exception:
            # Not recorded: the claim's lease runs out and the delivery is tried again.
            bound.exception("delivery outcome not recorded")
            return
        if outcome.release:
            bound.info("delivery given back unsent (claim too old, or subscription disabled)")
        elif outcome.status == DeliveryStatus.SENT:
            if _STDLIB_LOG.isEnabledFor(logging.DEBUG):  # per alert: structlog's processors
                bound.debug("delivered")  # (context, timestamp) ran before the level filter
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
