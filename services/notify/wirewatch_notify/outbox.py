"""Durable delivery records: the idempotency key, the retry schedule, the dead letters.

Deliveries are written here *before* the Kafka offset is committed, then sent by
the delivery worker. A redelivered message finds its rows already present and
adds nothing, so an alert is never sent twice for the same (subscription, item).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import col, select
from wirewatch_shared.db import session_scope

from wirewatch_notify.models import Delivery, DeliveryStatus, Subscription, utcnow

CLAIM_LEASE = timedelta(seconds=120)


@dataclass(frozen=True, slots=True)
class NewDelivery:
    subscription_id: int
    item_id: str
    envelope: dict[str, Any]


def enqueue(engine: Engine, deliveries: Sequence[NewDelivery]) -> int:
    """Insert deliveries, ignoring (subscription, item) pairs already recorded."""
    if not deliveries:
        return 0
    now = utcnow()
    rows = [
        {
            "subscription_id": d.subscription_id,
            "item_id": d.item_id,
            "status": DeliveryStatus.PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "payload": json.dumps(d.envelope, ensure_ascii=False),
            "created_at": now,
            "updated_at": now,
        }
        for d in deliveries
    ]
    table = Delivery.__table__  # type: ignore[attr-defined]
    dialect = engine.dialect.name
    stmt: Any
    if dialect == "postgresql":
        stmt = postgresql.insert(table).on_conflict_do_nothing(
            index_elements=["subscription_id", "item_id"]
        )
    elif dialect == "sqlite":
        stmt = sqlite.insert(table).on_conflict_do_nothing(
            index_elements=["subscription_id", "item_id"]
        )
    else:  # pragma: no cover - other databases are not supported targets
        stmt = insert(table)
    with engine.begin() as conn:
        # RETURNING counts the rows really inserted (rowcount is unreliable for
        # multi-row inserts); conflicting rows return nothing.
        result = conn.execute(stmt.returning(table.c.id), rows)
        return len(result.all())


def claim_due(engine: Engine, now: datetime, limit: int) -> list[Delivery]:
    """Claim due pending deliveries by pushing their due time past a lease.

    The conditional UPDATE makes the claim atomic per row, so two notify
    processes (or a slow previous attempt) never send the same row at once.
    """
    with session_scope(engine) as session:
        candidates = list(
            session.exec(
                select(Delivery)
                .where(
                    col(Delivery.status) == DeliveryStatus.PENDING,
                    col(Delivery.next_attempt_at) <= now,
                )
                .order_by(col(Delivery.next_attempt_at))
                .limit(limit)
            )
        )
        claimed: list[Delivery] = []
        for delivery in candidates:
            result = session.execute(
                update(Delivery)
                .where(
                    col(Delivery.id) == delivery.id,
                    col(Delivery.status) == DeliveryStatus.PENDING,
                    col(Delivery.next_attempt_at) == delivery.next_attempt_at,
                )
                .values(next_attempt_at=now + CLAIM_LEASE)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                claimed.append(delivery)
        return claimed


def mark_sent(engine: Engine, delivery_id: int) -> None:
    now = utcnow()
    with session_scope(engine) as session:
        session.execute(
            update(Delivery)
            .where(col(Delivery.id) == delivery_id)
            .values(
                status=DeliveryStatus.SENT,
                sent_at=now,
                updated_at=now,
                last_error=None,
                attempts=Delivery.attempts + 1,  # type: ignore[operator]
            )
        )


def retry_delay(attempt: int, schedule: Sequence[float], retry_after_s: float | None) -> float:
    """Delay before retry number ``attempt`` (1-based): the schedule with ±20 % jitter,
    never shorter than the receiver's Retry-After."""
    base = schedule[min(attempt, len(schedule)) - 1]
    delay = base * random.uniform(0.8, 1.2)
    if retry_after_s is not None:
        delay = max(delay, retry_after_s)
    return delay


def mark_failed(
    engine: Engine,
    delivery: Delivery,
    error: str,
    *,
    schedule: Sequence[float],
    permanent: bool = False,
    retry_after_s: float | None = None,
) -> str:
    """Record a failed attempt; returns the new status (pending again, or dead)."""
    now = utcnow()
    attempts = delivery.attempts + 1
    dead = permanent or attempts > len(schedule)
    values: dict[str, Any] = {
        "attempts": attempts,
        "last_error": error[:1024],
        "updated_at": now,
    }
    if dead:
        values["status"] = DeliveryStatus.DEAD
    else:
        values["next_attempt_at"] = now + timedelta(
            seconds=retry_delay(attempts, schedule, retry_after_s)
        )
    with session_scope(engine) as session:
        session.execute(update(Delivery).where(col(Delivery.id) == delivery.id).values(**values))
    return DeliveryStatus.DEAD if dead else DeliveryStatus.PENDING


def replay(engine: Engine, delivery_ids: Sequence[int] | None = None) -> int:
    """Put dead deliveries back in the queue (all of them when ``delivery_ids`` is None)."""
    now = utcnow()
    stmt = update(Delivery).where(col(Delivery.status) == DeliveryStatus.DEAD)
    if delivery_ids is not None:
        stmt = stmt.where(col(Delivery.id).in_(delivery_ids))
    with session_scope(engine) as session:
        result = session.execute(
            stmt.values(
                status=DeliveryStatus.PENDING, next_attempt_at=now, attempts=0, updated_at=now
            )
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


def count_pending(engine: Engine) -> int:
    with session_scope(engine) as session:
        return int(
            session.exec(
                select(func.count())
                .select_from(Delivery)
                .where(col(Delivery.status) == DeliveryStatus.PENDING)
            ).one()
        )


def list_deliveries(
    engine: Engine,
    *,
    status: str | None = None,
    subscription_id: int | None = None,
    limit: int = 100,
) -> list[Delivery]:
    query = select(Delivery).order_by(col(Delivery.id).desc()).limit(limit)
    if status:
        query = query.where(col(Delivery.status) == status)
    if subscription_id is not None:
        query = query.where(col(Delivery.subscription_id) == subscription_id)
    with session_scope(engine) as session:
        return list(session.exec(query))


def disable_subscription(engine: Engine, subscription_id: int, reason: str) -> None:
    with session_scope(engine) as session:
        session.execute(
            update(Subscription)
            .where(col(Subscription.id) == subscription_id)
            .values(active=False, disabled_reason=reason[:512])
        )
