"""One delivery attempt: whether to send at all, the request, the channel's send, the outcome.

A claimed delivery is not sent when its subscription is gone, inactive or awaiting
confirmation (cancelled, or kept dead for the operator: :mod:`.dead_letters`), or when it
is due in the subscriber's quiet hours (held until they end). Otherwise its channel sends
it within a deadline; a failure becomes a retry or a dead letter (:mod:`.outcomes`), and
what the send says of the endpoint's load steers the endpoint's limit
(:mod:`.endpoint_queues`).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import traceback
from collections.abc import Callable, Mapping
from datetime import datetime

from wirewatch_shared.logging import get_logger
from wirewatch_shared.metrics import record_delivery

from wirewatch_notify import dead_letters, outcomes
from wirewatch_notify.channels.base import (
    Channel,
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)
from wirewatch_notify.claims import Claimed
from wirewatch_notify.links import LinkSigner
from wirewatch_notify.models import (
    DeliveryFields,
    DeliveryKind,
    DeliveryStatus,
    SubscriptionFields,
)
from wirewatch_notify.outcomes import Outcome
from wirewatch_notify.rules import timing_of
from wirewatch_notify.secrets import SecretBox
from wirewatch_notify.settings import NotifySettings
from wirewatch_notify.timing import quiet_until

# The delivery worker's log (its events keep the logger name they had before the worker
# was split into modules).
log = get_logger("wirewatch_notify.worker")

Clock = Callable[[], datetime]


def message_id(subscription_id: int, item_id: str) -> str:
    """Stable per (subscription, item): the receiver's de-duplication key."""
    digest = hashlib.sha256(f"{subscription_id}:{item_id}".encode()).hexdigest()[:26]
    return f"msg_{digest}"


class Decrypted:
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


class Sender:
    """Sends one claimed delivery through its channel; the outcome to record."""

    def __init__(
        self,
        channels: Mapping[str, Channel],
        box: SecretBox,
        settings: NotifySettings,
        links: LinkSigner,
        *,
        clock: Clock,
    ) -> None:
        self.channels = channels
        self.settings = settings
        self.links = links
        self.clock = clock
        self.decrypted = Decrypted(box)
        self.send_deadline = max(1.0, settings.claim_lease_s - 1.0)

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
            target=self.decrypted.target(sub),
            envelope=json.loads(delivery.payload),
            body=delivery.payload.encode(),
            secrets=self.decrypted.secrets(sub, now),
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
        outcome, _ = await self.send(item, deadline_s=deadline_s)
        return outcome

    async def send(
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
        limit = min(deadline_s or self.send_deadline, self.send_deadline)
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
