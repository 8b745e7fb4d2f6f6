"""Releasing held alerts: after quiet hours one by one, at the end of a digest period as one.

Held rows carry their release time in ``next_attempt_at``. For a digest
subscription the due held alerts become one ``digest`` delivery (an ordinary
outbox row: claimed, retried, dead-lettered and replayed like any other) and are
marked ``batched`` into it; they turn ``sent`` together with it. The digest's
item id is derived from its period and first member, so two notify processes
releasing at once collide on the unique key instead of sending twice.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from wirewatch_shared.db import session_scope
from wirewatch_shared.logging import get_logger

from wirewatch_notify.dead_letters import held_for_operator
from wirewatch_notify.models import Delivery, DeliveryKind, DeliveryStatus, Subscription
from wirewatch_notify.payloads import digest_envelope, dumps
from wirewatch_notify.rules import timing_of
from wirewatch_notify.timing import quiet_until

log = get_logger(__name__)
_TABLE = Delivery.__table__  # type: ignore[attr-defined]
SCAN_LIMIT = 5000


def _set(session: Any, ids: list[int], **values: Any) -> None:
    session.execute(update(_TABLE).where(_TABLE.c.id.in_(ids)).values(**values))


def release_held(engine: Engine, now: datetime, *, digest_max_items: int = 200) -> int:
    """Release every held delivery that is due; returns how many rows changed state."""
    query = (
        select(Delivery, Subscription)
        .join(Subscription, col(Subscription.id) == col(Delivery.subscription_id), isouter=True)
        .where(col(Delivery.status) == DeliveryStatus.HELD, col(Delivery.next_attempt_at) <= now)
        .order_by(col(Delivery.id))
        .limit(SCAN_LIMIT)
    )
    try:
        with session_scope(engine) as session:
            groups: dict[int, list[Delivery]] = defaultdict(list)
            subs: dict[int, Subscription | None] = {}
            for delivery, sub in session.exec(query):
                groups[delivery.subscription_id].append(delivery)
                subs[delivery.subscription_id] = sub
            changed = 0
            for sub_id, members in groups.items():
                changed += _release_one(session, subs[sub_id], members, now, digest_max_items)
            return changed
    except IntegrityError:  # another notify process released the same digest first
        log.info("digest already released by another process")
        return 0


def _release_one(
    session: Any,
    sub: Subscription | None,
    members: list[Delivery],
    now: datetime,
    digest_max_items: int,
) -> int:
    ids = [m.id for m in members if m.id is not None]
    if sub is not None and held_for_operator(sub, DeliveryKind.ALERT):
        # Disabled by notify: dead, replayed once the operator turns it back on.
        reason = f"subscription inactive: {sub.disabled_reason}"
        _set(session, ids, status=DeliveryStatus.DEAD, last_error=reason, updated_at=now)
        return len(ids)
    if sub is None or not sub.active:
        reason = "subscription removed" if sub is None else "subscription inactive"
        _set(session, ids, status=DeliveryStatus.CANCELLED, last_error=reason, updated_at=now)
        return len(ids)
    timing = timing_of(sub)
    quiet_end = quiet_until(timing, now)
    if quiet_end is not None:  # quiet hours changed or still on: hold on
        _set(session, ids, next_attempt_at=quiet_end, updated_at=now)
        return 0
    if sub.mode != "digest":
        _set(session, ids, status=DeliveryStatus.PENDING, next_attempt_at=now, updated_at=now)
        return len(ids)
    assert sub.id is not None
    for start in range(0, len(members), digest_max_items):
        chunk = members[start : start + digest_max_items]
        period_end = chunk[0].next_attempt_at
        envelope = digest_envelope(
            [json.loads(m.payload) for m in chunk], period_end=period_end, now=now
        )
        digest = Delivery(
            subscription_id=sub.id,
            item_id=f"digest:{period_end.strftime('%Y%m%dT%H%M%SZ')}:{chunk[0].id}",
            kind=DeliveryKind.DIGEST,
            status=DeliveryStatus.PENDING,
            next_attempt_at=now,
            payload=dumps(envelope),
            created_at=now,
            updated_at=now,
        )
        session.add(digest)
        session.flush()
        _set(
            session,
            [m.id for m in chunk if m.id is not None],
            status=DeliveryStatus.BATCHED,
            batch_id=digest.id,
            updated_at=now,
        )
    return len(ids)
