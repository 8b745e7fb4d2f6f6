"""Outcomes of delivery attempts: sent, retried on the schedule, dead, cancelled, given back.

:func:`failure_outcome` decides what a failed attempt becomes; :func:`record_outcomes`
writes many outcomes in one transaction (the delivery worker's group commit,
:mod:`.recorder`), and disables a subscription when its receiver said so.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, update
from sqlalchemy.engine import Connection, Engine
from wirewatch_shared.clock import utcnow

from wirewatch_notify.models import (
    Delivery,
    DeliveryFields,
    DeliveryKind,
    DeliveryStatus,
    Subscription,
)

_TABLE = Delivery.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one attempt, written by :func:`record_outcomes`."""

    delivery_id: int
    status: str  # sent | pending (retry) | dead | cancelled
    error: str | None = None
    attempts: int | None = None  # None: unchanged (an attempt that was not made)
    next_attempt_at: datetime | None = None
    disable_subscription: int | None = None
    disable_reason: str | None = None
    # Not attempted at all: give the claim back (due again now, nothing else changes).
    # ``next_attempt_at`` is then the claim being given back (its lease end): a row
    # claimed since by someone else is left alone.
    release: bool = False


def retry_delay(attempt: int, schedule: Sequence[float], retry_after_s: float | None) -> float:
    """Delay before retry number ``attempt`` (1-based): the schedule with ±20 % jitter,
    never shorter than the receiver's Retry-After."""
    base = schedule[min(attempt, len(schedule)) - 1]
    delay = base * random.uniform(0.8, 1.2)
    if retry_after_s is not None:
        delay = max(delay, retry_after_s)
    return delay


def failure_outcome(
    delivery: DeliveryFields,
    error: str,
    *,
    schedule: Sequence[float],
    now: datetime,
    permanent: bool = False,
    retry_after_s: float | None = None,
    exact: bool = False,
    counts: bool = True,
) -> Outcome:
    """Next state after a failed attempt: retry on the schedule, or dead."""
    assert delivery.id is not None
    attempts = delivery.attempts + 1 if counts else delivery.attempts
    if permanent or attempts > len(schedule):
        return Outcome(delivery.id, DeliveryStatus.DEAD, error, attempts)
    if exact and retry_after_s is not None:
        delay = retry_after_s
    else:
        delay = retry_delay(max(attempts, 1), schedule, retry_after_s)
    return Outcome(
        delivery.id,
        DeliveryStatus.PENDING,
        error,
        attempts,
        next_attempt_at=now + timedelta(seconds=delay),
    )


# The sent outcomes of a group commit: built once (they run for every commit), the ids
# one expanding parameter. The first returns each row's kind, so the digests' alerts are
# only looked for when a digest was sent.
_NOW = bindparam("now", type_=_TABLE.c.updated_at.type)
_MARK_SENT = (
    update(_TABLE)
    .where(_TABLE.c.id.in_(bindparam("ids", expanding=True)))
    .values(
        status=DeliveryStatus.SENT,
        sent_at=_NOW,
        updated_at=_NOW,
        last_error=None,
        attempts=_TABLE.c.attempts + 1,
    )
    .returning(_TABLE.c.id, _TABLE.c.kind)
)
_MARK_BATCHED_SENT = (
    update(_TABLE)
    .where(
        _TABLE.c.batch_id.in_(bindparam("ids", expanding=True)),
        _TABLE.c.status == DeliveryStatus.BATCHED,
    )
    .values(status=DeliveryStatus.SENT, sent_at=_NOW, updated_at=_NOW)
)


def record_outcomes(engine: Engine, outcomes: Sequence[Outcome]) -> None:
    """Write many outcomes in one transaction (one commit: the worker's group commit)."""
    if not outcomes:
        return
    now = utcnow()
    sent = [o.delivery_id for o in outcomes if o.status == DeliveryStatus.SENT]
    with engine.begin() as conn:
        if sent:
            _mark_sent(conn, sent, now)
        for outcome in outcomes:
            if outcome.release:
                _release(conn, outcome, now)
        for outcome in outcomes:
            if outcome.status != DeliveryStatus.SENT and not outcome.release:
                _record_failure(conn, outcome, now)
        for outcome in outcomes:
            if outcome.disable_subscription is not None:
                _disable(conn, outcome.disable_subscription, outcome.disable_reason or "disabled")


def _mark_sent(conn: Connection, sent: list[int], now: datetime) -> None:
    kinds = conn.execute(_MARK_SENT, {"ids": sent, "now": now}).all()
    digests = [row.id for row in kinds if row.kind == DeliveryKind.DIGEST]
    if digests:  # a sent digest delivers every alert batched into it
        conn.execute(_MARK_BATCHED_SENT, {"ids": digests, "now": now})


def _release(conn: Connection, outcome: Outcome, now: datetime) -> None:
    """A row given back unsent is due again now (unless a newer attempt moved it)."""
    stmt = update(_TABLE).where(
        _TABLE.c.id == outcome.delivery_id,
        _TABLE.c.status == DeliveryStatus.PENDING,
    )
    if outcome.next_attempt_at is not None:
        stmt = stmt.where(_TABLE.c.next_attempt_at == outcome.next_attempt_at)
    conn.execute(stmt.values(next_attempt_at=now))


def _record_failure(conn: Connection, outcome: Outcome, now: datetime) -> None:
    values: dict[str, Any] = {
        "status": outcome.status,
        "last_error": (outcome.error or "")[:1024] or None,
        "updated_at": now,
    }
    if outcome.attempts is not None:
        values["attempts"] = outcome.attempts
    if outcome.next_attempt_at is not None:
        values["next_attempt_at"] = outcome.next_attempt_at
    conn.execute(update(_TABLE).where(_TABLE.c.id == outcome.delivery_id).values(values))
    if outcome.status == DeliveryStatus.CANCELLED:  # a digest's alerts go with it
        conn.execute(
            update(_TABLE)
            .where(
                _TABLE.c.batch_id == outcome.delivery_id,
                _TABLE.c.status == DeliveryStatus.BATCHED,
            )
            .values(
                status=DeliveryStatus.CANCELLED, last_error=values["last_error"], updated_at=now
            )
        )


def _disable(conn: Any, subscription_id: int, reason: str) -> None:
    table = Subscription.__table__  # type: ignore[attr-defined]
    conn.execute(
        update(table)
        .where(table.c.id == subscription_id, table.c.active.is_(True))
        .values(active=False, disabled_reason=reason[:512], updated_at=utcnow())
    )


def disable_subscription(engine: Engine, subscription_id: int, reason: str) -> None:
    with engine.begin() as conn:
        _disable(conn, subscription_id, reason)


def mark_sent(engine: Engine, delivery_id: int) -> None:
    record_outcomes(engine, [Outcome(delivery_id, DeliveryStatus.SENT)])


def mark_failed(
    engine: Engine,
    delivery: DeliveryFields,
    error: str,
    *,
    schedule: Sequence[float],
    permanent: bool = False,
    retry_after_s: float | None = None,
) -> str:
    """Record a failed attempt; returns the new status (pending again, or dead)."""
    outcome = failure_outcome(
        delivery,
        error,
        schedule=schedule,
        now=utcnow(),
        permanent=permanent,
        retry_after_s=retry_after_s,
    )
    record_outcomes(engine, [outcome])
    return outcome.status
