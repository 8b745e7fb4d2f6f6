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
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import json
import logging
import math
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from wirewatch_shared import memory
from wirewatch_shared.clock import utcnow
from wirewatch_shared.logging import get_logger
from wirewatch_shared.metrics import record_delivery, record_endpoint_overload

from wirewatch_notify import claims, dead_letters, flight_alerts, outbox, outcomes, story_versions
from wirewatch_notify.channels.base import (
    Channel,
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)
from wirewatch_notify.claims import Claimed
from wirewatch_notify.endpoint_limits import EndpointLimits
from wirewatch_notify.links import LinkSigner
from wirewatch_notify.models import (
    DeliveryFields,
    DeliveryKind,
    DeliveryStatus,
    SubscriptionFields,
)
from wirewatch_notify.outcomes import Outcome
from wirewatch_notify.recorder import OutcomeRecorder
from wirewatch_notify.release import release_held
from wirewatch_notify.rules import timing_of
from wirewatch_notify.secrets import SecretBox
from wirewatch_notify.settings import NotifySettings
from wirewatch_notify.timing import quiet_until

log = get_logger(__name__)
_STDLIB_LOG = logging.getLogger(__name__)

Clock = Callable[[], datetime]
TRIM_AFTER_DELIVERIES = 50
PURGE_EVERY_S = 600.0  # finished deliveries past their retention are deleted this often
PURGE_MAX_CHUNKS = 20  # at most this many chunks per round: the rest waits for the next
QUEUE_GRACE_S = 0.5  # a claimed row waiting longer than this must still have a full send left


@functools.lru_cache(maxsize=10_000)
def _endpoint_id(channel: str, endpoint: str) -> str:
    """``channel|digest``: what the worker counts an endpoint by. Not the endpoint itself:
    a Slack or Apprise URL is a credential, and a console log shows the frames' variables
    (queued entries, endpoint counts) of an exception it logs."""
    return f"{channel}|{hashlib.sha256(endpoint.encode()).hexdigest()[:32]}"


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

    def target(self, sub: SubscriptionFields) -> str:
        return self(sub.target_encrypted) if sub.target_encrypted else sub.target

    def secrets(self, sub: SubscriptionFields, now: datetime) -> tuple[str, ...]:
        if sub.secret_encrypted is None:
            return ()
        current = self(sub.secret_encrypted)
        expires = sub.previous_secret_expires_at
        if sub.previous_secret_encrypted and expires is not None and expires > now:
            return (current, self(sub.previous_secret_encrypted))
        return (current,)


def _overloaded(exc: Exception) -> bool | None:
    """False (overloaded) for a failure that says the endpoint cannot keep up: a timeout
    or a counted retryable error (429, 5xx, connection trouble); None for the rest (the
    receiver refused the message, our own pacing held it back, a channel bug)."""
    if isinstance(exc, TimeoutError):
        return False
    if isinstance(exc, RetryableDeliveryError) and exc.counts:
        return False
    return None


def _give_back(delivery: DeliveryFields) -> Outcome:
    """Return a claim unused: claimed rows carry their lease end in ``next_attempt_at``."""
    assert delivery.id is not None
    return Outcome(
        delivery.id, DeliveryStatus.PENDING, release=True, next_attempt_at=delivery.next_attempt_at
    )


def _held_for_quiet_hours(
    delivery: DeliveryFields, sub: SubscriptionFields, now: datetime
) -> Outcome | None:
    """An alert or digest due in the subscriber's quiet hours (e.g. a retry) waits for
    their end: an alert is held, a digest stays pending."""
    if delivery.kind not in (DeliveryKind.ALERT, DeliveryKind.DIGEST):
        return None
    quiet_end = quiet_until(timing_of(sub), now)
    if quiet_end is None:
        return None
    assert delivery.id is not None
    held = DeliveryStatus.HELD if delivery.kind == DeliveryKind.ALERT else DeliveryStatus.PENDING
    return Outcome(delivery.id, held, "quiet hours", next_attempt_at=quiet_end)


@dataclass(slots=True)
class _Queued:
    item: Claimed
    key: str  # endpoint key ("" = no endpoint: skipped or unknown channel)
    claimed_at: float  # time.monotonic() before the claim: its lease started no earlier
    ready_at: float  # time.monotonic() once claimed: from then on it waits in our queue
    sending: bool = False
    unsent: bool = True  # still counted in its endpoint's claimed-and-unsent rows
    window: int = 0  # its endpoint limit's window when the send started
    at_limit: bool = False  # the send took its endpoint's last free slot


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
        self._decrypted = _Decrypted(box)
        self._tasks: set[asyncio.Task[None]] = set()
        self._queues: dict[str, deque[_Queued]] = {}
        self._queued = 0
        self._sending: Counter[str] = Counter()  # requests in progress per endpoint
        # Queued + sending per endpoint: what its claim cap counts. A row whose outcome is
        # being recorded no longer holds its endpoint, or the commit would pace the sends.
        self._unsent: Counter[str] = Counter()
        self._limits = EndpointLimits()
        self._sub_load: Counter[int] = Counter()
        self._sub_endpoint: dict[int, str] = {}
        self._lease = timedelta(seconds=settings.claim_lease_s)
        self._lease_s = settings.claim_lease_s
        self._send_deadline = max(1.0, settings.claim_lease_s - 1.0)
        # Longest a send can take (the channels' own timeouts): a queued row is only
        # started while this still fits in what is left of its lease.
        self._longest_send_s = max(settings.webhook_timeout_s, settings.smtp_timeout_s)
        self._min_claim = max(1, settings.delivery_concurrency // 8)
        self._room_starved = False  # a claim found no room: wake once outcomes free some
        # Endpoints whose due rows the last claim left behind (at their cap): a send to
        # one of them ending wakes the claim. Other sends end without one: after a claim
        # that took every due row, a claim per finished send found nothing (half the
        # claims at 100 alerts/s); new rows wake the worker when they are recorded.
        self._left_behind: set[str] = set()
        self._accepting = False
        # Subscriptions an outcome is disabling: sub id -> when that was committed
        # (inf while being written). Rows whose claim began before then may carry a
        # stale "active" snapshot; they are given back, and claimed again, see the
        # subscription off.
        self._disabling: dict[int, float] = {}
        self._done_since_trim = 0
        self._next_purge = 0.0  # the first release round purges, then every PURGE_EVERY_S

    def idle(self) -> bool:
        """Nothing being sent and nothing waiting to be sent (for tests and status)."""
        return self.in_flight == 0 and outbox.count_pending(self.engine) == 0

    def endpoint_limit(self, channel: str, target: str) -> int | None:
        """How many sends this process makes at once to that endpoint now (None: none
        sent to it lately)."""
        endpoint = self.channels.get(channel)
        if endpoint is None:
            return None
        limit = self._limits.get(_endpoint_id(channel, endpoint.endpoint_key(target)))
        return None if limit is None else limit.limit

    def notify_recorded(self) -> None:
        """New deliveries were committed: look for due rows now, not at the next tick."""
        self.wake.set()

    # -- the loop ---------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        recorder_stop = asyncio.Event()
        recorder = asyncio.create_task(self.recorder.run(recorder_stop))
        # Held alerts (quiet hours, digests) are released on the tick by their own task,
        # so a release query never sits between new deliveries and their claim.
        releaser = asyncio.create_task(self._release_loop(stop))
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

    async def _release_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                released = await asyncio.to_thread(
                    release_held,
                    self.engine,
                    self.clock(),
                    digest_max_items=self.settings.digest_max_items,
                )
                if released:
                    self.wake.set()
            except Exception:  # a DB hiccup must not stop releases
                log.exception("releasing held deliveries failed")
            if time.monotonic() >= self._next_purge:
                self._next_purge = time.monotonic() + PURGE_EVERY_S
                await self.purge_expired()
            if self._done_since_trim >= TRIM_AFTER_DELIVERIES:
                self._done_since_trim = 0
                memory.trim()  # after a burst of sends, hand freed heap back
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.settings.delivery_tick_s)

    async def purge_expired(self) -> int:
        """Delete sent and cancelled deliveries older than the retention (a few chunks
        per call); returns how many. Never raises: the outbox keeps them until next time."""
        days = self.settings.delivery_retention_days
        if days <= 0:
            return 0
        before = self.clock() - timedelta(days=days)
        purged = 0
        forgotten = stories_forgotten = 0
        try:
            for _ in range(PURGE_MAX_CHUNKS):
                n = await asyncio.to_thread(outbox.purge_finished, self.engine, before)
                purged += n
                if n < outbox.PURGE_CHUNK:
                    break
            # Flight records none of whose versions was read within the retention: their
            # alerts and keys have just gone the same way.
            for _ in range(PURGE_MAX_CHUNKS):
                n = await asyncio.to_thread(flight_alerts.purge_versions, self.engine, before)
                forgotten += n
                if n < outbox.PURGE_CHUNK:  # purge_versions's chunk too
                    break
            # Stories none of whose events was read within the retention, likewise.
            for _ in range(PURGE_MAX_CHUNKS):
                n = await asyncio.to_thread(story_versions.purge_states, self.engine, before)
                stories_forgotten += n
                if n < outbox.PURGE_CHUNK:  # purge_states's chunk too
                    break
        except Exception:  # a DB hiccup: the next round tries again
            log.exception("purging finished deliveries failed", purged=purged)
            return purged
        if purged or forgotten or stories_forgotten:
            log.info(
                "finished deliveries purged",
                purged=purged,
                flight_records_forgotten=forgotten,
                stories_forgotten=stories_forgotten,
                retention_days=days,
            )
        return purged

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
        queued = [entry for queue in self._queues.values() for entry in queue]
        self._queues.clear()
        self._queued = 0
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
        _, pending = await asyncio.wait(set(self._tasks), timeout=self._send_deadline)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)

    def _bounds(self, channel: Channel | None) -> tuple[int, int]:
        """An endpoint's (initial, maximum) limit: fixed where the channel says so."""
        if channel is not None and channel.endpoint_concurrency is not None:
            return channel.endpoint_concurrency, channel.endpoint_concurrency
        return self.settings.endpoint_concurrency, self.settings.endpoint_concurrency_max

    def _endpoint(self, sub: SubscriptionFields | None) -> str:
        if sub is None:
            return ""
        channel = self.channels.get(sub.channel)
        if channel is None:
            return ""
        return _endpoint_id(sub.channel, channel.endpoint_key(self._decrypted.target(sub)))

    def _cap_of_key(self, key: str) -> int:
        """Sends at once to this endpoint now (read by the claim's thread too: no writes)."""
        if not key:
            return 1_000_000
        limit = self._limits.get(key)
        if limit is not None:
            return limit.limit
        return self._bounds(self.channels.get(key.split("|", 1)[0]))[0]

    def _learn(self, entry: _Queued, load: bool | None) -> None:
        """What a send says of its endpoint's load: True went through, False overloaded."""
        limit = self._limits.get(entry.key) if entry.key else None
        if limit is None or load is None:
            return
        if load:
            limit.succeeded(at_limit=entry.at_limit)
        else:
            before = limit.limit
            limit.overloaded(window=entry.window)
            if limit.limit != before:
                record_endpoint_overload(entry.key.split("|", 1)[0])
                log.info(
                    "endpoint overloaded: fewer sends at once",
                    endpoint=entry.key,
                    limit=limit.limit,
                    was=before,
                )

    def _claim_cap(self, key: str) -> int:
        """Rows one endpoint may hold claimed: a round being sent and one more waiting."""
        return 2 * self._cap_of_key(key)

    async def _fill(self) -> bool:
        """Claim due deliveries for the free room; True if the room was filled."""
        room = self._room()
        if room <= 0 or (room < self._min_claim and self.in_flight):
            self._room_starved = True
            return False
        load = Counter(self._unsent)
        saturated_subs = [
            sub_id
            for sub_id, key in self._sub_endpoint.items()
            if self._sub_load[sub_id] and load[key] >= self._claim_cap(key)
        ]
        # Excluded (saturated) endpoints may have rows due that this claim will not see.
        left_behind = {self._sub_endpoint[sub_id] for sub_id in saturated_subs}
        chosen: dict[int, str] = {}

        def accept(delivery_id: int, sub: SubscriptionFields | None) -> bool:
            key = self._endpoint(sub)
            if key and load[key] >= self._claim_cap(key):
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
            if mark < claimed_at and not self._sub_load.get(sub_id):
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
        self._left_behind = left_behind
        for item in claimed:
            assert item.delivery.id is not None
            key = chosen.get(item.delivery.id, "")
            if key:
                self._limits.of(key, *self._bounds(self.channels.get(key.split("|", 1)[0])))
            self._enqueue(_Queued(item, key, claimed_at, ready_at))
        self._dispatch()
        # Sends that ended while the claim ran did not wake it: an endpoint left behind
        # that has room again is claimed for now.
        if any(self._unsent.get(key, 0) <= self._cap_of_key(key) for key in left_behind):
            self.wake.set()
        return len(claimed) == room

    def _room(self) -> int:
        """Rows this process may still claim: in flight includes outcomes being recorded."""
        return 2 * self.settings.delivery_concurrency - self.in_flight

    def _enqueue(self, entry: _Queued) -> None:
        sub_id = entry.item.delivery.subscription_id
        self.in_flight += 1
        self._queued += 1
        self._unsent[entry.key] += 1
        self._sub_load[sub_id] += 1
        self._sub_endpoint[sub_id] = entry.key
        self._queues.setdefault(entry.key, deque()).append(entry)

    def _forget(self, entry: _Queued) -> None:
        """``entry`` is done with (recorded, or given back): free its accounting."""
        sub_id = entry.item.delivery.subscription_id
        self.in_flight -= 1
        self._free_endpoint(entry)
        self._sub_load[sub_id] -= 1
        if self._sub_load[sub_id] <= 0:
            del self._sub_load[sub_id]
            self._sub_endpoint.pop(sub_id, None)

    def _dispatch(self) -> None:
        """Start queued deliveries wherever their endpoint has a free slot."""
        if not self._accepting:
            return
        limit = self.settings.delivery_concurrency
        for key in list(self._queues):
            queue = self._queues[key]
            cap = self._cap_of_key(key)
            while queue and self._sending[key] < cap and len(self._tasks) < limit:
                self._start(queue.popleft())
            if not queue:
                del self._queues[key]

    def _start(self, entry: _Queued) -> None:
        self._queued -= 1
        self._sending[entry.key] += 1
        entry.sending = True
        limit = self._limits.get(entry.key)
        if limit is not None:
            entry.window = limit.window
            entry.at_limit = self._sending[entry.key] >= limit.limit
        task = asyncio.create_task(self._run_one(entry))
        self._tasks.add(task)

        def done(finished: asyncio.Task[None]) -> None:
            self._done_since_trim += 1
            self._tasks.discard(finished)
            self._send_done(entry)  # if the task was cancelled before it ran
            self._forget(entry)
            self._dispatch()
            if self._room_starved and self._room() >= self._min_claim:
                self._room_starved = False
                self.wake.set()

        task.add_done_callback(done)

    def _send_done(self, entry: _Queued) -> None:
        if not entry.sending:
            return
        entry.sending = False
        self._sending[entry.key] -= 1
        if self._sending[entry.key] <= 0:
            del self._sending[entry.key]
        self._free_endpoint(entry)
        self._dispatch()

    def _free_endpoint(self, entry: _Queued) -> None:
        """``entry`` no longer holds its endpoint (sent, or given back unsent)."""
        if not entry.unsent:
            return
        entry.unsent = False
        key = entry.key
        self._unsent[key] -= 1
        if self._unsent[key] <= 0:
            del self._unsent[key]
        # Refill once this endpoint's waiting round is used up (not on every send), if the
        # last claim left due rows of it behind.
        if key in self._left_behind and self._unsent.get(key, 0) <= self._cap_of_key(key):
            self.wake.set()

    async def _run_one(self, entry: _Queued) -> None:
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
                    outcome, load = await self._attempt(item, deadline_s=left)
                    self._learn(entry, load)
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

    # -- one attempt --------------------------------------------------------------

    def _skip_reason(self, delivery: DeliveryFields, sub: SubscriptionFields | None) -> str | None:
        if sub is None:
            return "subscription removed"
        if delivery.kind == DeliveryKind.CONFIRM:
            return "already confirmed" if sub.confirmed_at is not None else None
        if sub.awaiting_confirmation:
            return "awaiting email confirmation"
        if not sub.active and (delivery.kind != DeliveryKind.TEST or sub.channel == "email"):
            return f"subscription inactive: {sub.disabled_reason or 'paused'}"
        return None

    def _skipped(
        self, delivery: DeliveryFields, sub: SubscriptionFields | None, reason: str
    ) -> Outcome:
        """A delivery not sent: cancelled, except an alert of a subscription notify
        disabled, which is dead: replayed once the operator turns it back on."""
        assert delivery.id is not None
        if sub is not None and dead_letters.held_for_operator(sub, delivery.kind):
            return Outcome(delivery.id, DeliveryStatus.DEAD, reason)
        return Outcome(delivery.id, DeliveryStatus.CANCELLED, reason)

    def request_for(
        self, delivery: DeliveryFields, sub: SubscriptionFields, now: datetime
    ) -> DeliveryRequest:
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

    async def attempt(self, item: Claimed, *, deadline_s: float | None = None) -> Outcome:
        """Send one claimed delivery; the outcome to record (never raises for send errors).

        ``deadline_s`` bounds the send (default: the claim lease less a second)."""
        outcome, _ = await self._attempt(item, deadline_s=deadline_s)
        return outcome

    async def _attempt(
        self, item: Claimed, *, deadline_s: float | None = None
    ) -> tuple[Outcome, bool | None]:
        """:meth:`attempt`, and what it says of the endpoint's load: True the send went
        through, False the endpoint is overloaded (timed out, 429, 5xx, connection
        trouble), None nothing (not sent, or refused for what it carries)."""
        delivery, sub = item.delivery, item.subscription
        assert delivery.id is not None
        now = self.clock()
        skip = self._skip_reason(delivery, sub)
        if skip is not None:
            return self._skipped(delivery, sub, skip), None
        assert sub is not None
        held = _held_for_quiet_hours(delivery, sub, now)
        if held is not None:
            return held, None
        channel = self.channels.get(sub.channel)
        if channel is None:
            return Outcome(delivery.id, DeliveryStatus.DEAD, f"no channel {sub.channel!r}"), None
        limit = min(deadline_s or self._send_deadline, self._send_deadline)
        try:
            request = self.request_for(delivery, sub, now)
            async with asyncio.timeout(limit):
                await channel.send(request)
        except Exception as exc:
            failed = self._send_failure(delivery, sub, exc, limit)
            # Counted here: whether the delivery will be retried is known only now.
            dead = failed.status == DeliveryStatus.DEAD
            record_delivery(sub.channel, "dead" if dead else "retry")
            return failed, _overloaded(exc)
        return Outcome(delivery.id, DeliveryStatus.SENT), True

    def _send_failure(
        self, delivery: DeliveryFields, sub: SubscriptionFields, exc: Exception, limit: float
    ) -> Outcome:
        """The outcome of a failed send (called while handling ``exc``): a retry, or dead,
        with the subscription disabled when the receiver says so."""
        schedule = self.settings.retry_schedule_s
        if isinstance(exc, RetryableDeliveryError):
            return outcomes.failure_outcome(
                delivery,
                str(exc),
                schedule=schedule,
                now=self.clock(),
                retry_after_s=exc.retry_after_s,
                exact=exc.exact,
                counts=exc.counts,
            )
        if isinstance(exc, PermanentDeliveryError):
            outcome = outcomes.failure_outcome(
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
        if isinstance(exc, TimeoutError):
            return outcomes.failure_outcome(
                delivery,
                f"send took longer than {limit:g} s",
                schedule=schedule,
                now=self.clock(),
            )
        # A channel bug: keep the delivery, retry later. Logged with the plain stack: a
        # console log renders an exception's frames with their variables (rich), and
        # these frames hold the decrypted target and the signing secrets.
        log.error(
            "channel crashed",
            subscription_id=sub.id,
            item_id=delivery.item_id,
            exception="".join(traceback.format_exception(exc)),
        )
        return outcomes.failure_outcome(
            delivery, f"{type(exc).__name__}: {exc}", schedule=schedule, now=self.clock()
        )
