"""Dead letters: which dead deliveries replay takes, which unsent alerts stay dead, replay.

A delivery is dead once its retries are used up or its receiver refused it for good. The
unsent alerts of a subscription notify disabled are kept dead too, and replayed once the
operator turns it back on; a failed test send is never replayed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import select
from wirewatch_shared.clock import utcnow

from wirewatch_notify.models import (
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    Subscription,
    SubscriptionFields,
)

_TABLE = Delivery.__table__  # type: ignore[attr-defined]


# Dead and replayable: a failed test send is not retried, ever (sent later it would
# be a stale "test alert"; `subscriptions test` sends a new one).
_REPLAYABLE = sa.and_(_TABLE.c.status == DeliveryStatus.DEAD, _TABLE.c.kind != DeliveryKind.TEST)


def dead_ids(engine: Engine, subscription_id: int | None = None) -> list[int]:
    """Ids of every dead delivery that replay takes (of one subscription), oldest first
    (for a replay in chunks)."""
    query = select(_TABLE.c.id).where(_REPLAYABLE)
    if subscription_id is not None:
        query = query.where(_TABLE.c.subscription_id == subscription_id)
    with engine.connect() as conn:
        return [int(row[0]) for row in conn.execute(query.order_by(_TABLE.c.id))]


UNSUBSCRIBED_REASON = "unsubscribed by the recipient (List-Unsubscribe)"
_REPLAYABLE_KINDS = frozenset({DeliveryKind.ALERT, DeliveryKind.DIGEST})


def held_for_operator(sub: SubscriptionFields, kind: str) -> bool:
    """Whether an unsent ``kind`` delivery of inactive ``sub`` is kept dead (replayed once
    it is turned back on) rather than cancelled: the alerts of a subscription notify
    disabled (410, a refused address). A paused or unsubscribed one's are cancelled."""
    disabled = not sub.active and sub.disabled_reason not in (None, UNSUBSCRIBED_REASON)
    return disabled and kind in _REPLAYABLE_KINDS


def replay(engine: Engine, delivery_ids: Sequence[int] | None = None) -> int:
    """Put dead deliveries back in the queue (all of them when ``delivery_ids`` is None);
    how many. Those of a paused or disabled subscription stay dead until it is active
    again: sent now, they would only be cancelled (and lost once it is re-enabled)."""
    now = utcnow()
    subs = Subscription.__table__  # type: ignore[attr-defined]
    active = sa.select(subs.c.id).where(subs.c.active.is_(True))
    stmt = update(_TABLE).where(_REPLAYABLE, _TABLE.c.subscription_id.in_(active))
    if delivery_ids is not None:
        stmt = stmt.where(_TABLE.c.id.in_(delivery_ids))
    with engine.begin() as conn:
        result = conn.execute(
            stmt.values(
                status=DeliveryStatus.PENDING, next_attempt_at=now, attempts=0, updated_at=now
            )
        )
        return int(result.rowcount)
