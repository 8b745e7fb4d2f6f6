"""Durable delivery records: the idempotency key, reading them back, purging finished ones.

Deliveries are written here *before* the Kafka offset is committed, then sent by
the delivery worker. A redelivered message finds its rows already present and
adds nothing, so an alert is recorded once per (subscription, item). The worker
claims them (:mod:`.claims`) and records each attempt's outcome (:mod:`.outcomes`);
dead ones are replayed (:mod:`.dead_letters`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection, Engine
from sqlmodel import col, select
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import session_scope

from wirewatch_notify.models import Delivery, DeliveryKind, DeliveryStatus
from wirewatch_notify.payloads import dumps

_TABLE = Delivery.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class NewDelivery:
    subscription_id: int
    item_id: str
    envelope: dict[str, Any]
    hold_until: datetime | None = None  # quiet hours / digest period: held until then
    kind: str = DeliveryKind.ALERT
    cancelled: bool = False  # recorded only to take its key (never sent)


# SQLite's insert of a batch (PostgreSQL's: ``_ENQUEUE_POSTGRES``), built once: RETURNING
# tells the rows really inserted (rowcount is unreliable for multi-row inserts);
# conflicting rows return nothing.
_INSERT_SQLITE = (
    sqlite.insert(_TABLE)
    .on_conflict_do_nothing(index_elements=["subscription_id", "item_id"])
    .returning(_TABLE.c.subscription_id, _TABLE.c.item_id)
)


def delivery_rows(deliveries: Sequence[NewDelivery], now: datetime) -> list[dict[str, Any]]:
    return [
        {
            "subscription_id": d.subscription_id,
            "item_id": d.item_id,
            "kind": d.kind,
            "status": (
                DeliveryStatus.CANCELLED
                if d.cancelled
                else DeliveryStatus.HELD
                if d.hold_until
                else DeliveryStatus.PENDING
            ),
            "attempts": 0,
            "next_attempt_at": d.hold_until or now,
            "payload": dumps(d.envelope),
            "created_at": now,
            "updated_at": now,
        }
        for d in deliveries
    ]


def enqueue(engine: Engine, deliveries: Sequence[NewDelivery]) -> int:
    """Insert deliveries, ignoring (subscription, item) pairs already recorded.

    One transaction and one statement for the whole batch; returns how many were new."""
    if not deliveries:
        return 0
    with engine.begin() as conn:
        return insert_deliveries(conn, deliveries)


def insert_deliveries(conn: Connection, deliveries: Sequence[NewDelivery]) -> int:
    """:func:`enqueue` in the caller's transaction (``conn``); how many were new."""
    if not deliveries:
        return 0
    return len(_insert_rows(conn, delivery_rows(deliveries, utcnow())))


def take_keys(conn: Connection, keys: Iterable[tuple[int, str]]) -> set[tuple[int, str]]:
    """Record (subscription, key) pairs as cancelled rows that are never sent (in the
    caller's transaction); the pairs that were not taken before."""
    wanted = [
        NewDelivery(sub_id, key, {}, kind=DeliveryKind.KEY, cancelled=True)
        for sub_id, key in dict.fromkeys(keys)
    ]
    if not wanted:
        return set()
    return {(sub_id, key) for sub_id, key in _insert_rows(conn, delivery_rows(wanted, utcnow()))}


def _insert_rows(conn: Connection, rows: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """Insert, ignoring (subscription, item) pairs already recorded; the pairs inserted."""
    if conn.dialect.name == "postgresql":
        return _enqueue_postgres(conn, rows)
    result = conn.execute(_INSERT_SQLITE, rows)
    return [(int(sub_id), str(item_id)) for sub_id, item_id in result]


# The batch is one JSON array of rows, unpacked by PostgreSQL (as jsonb: parsed once;
# json would be re-parsed for every column read, twice the server's CPU): one
# statement, one parameter, one round trip. The driver waits for it without the GIL,
# so recording runs beside a busy event loop (the sender, the consumer). SQLAlchemy's
# multi-row VALUES insert is a new query text per batch size that psycopg parses in
# Python (~65 us of CPU per row), and an executemany, one round trip per row, has to
# take the GIL back after each of them: behind a busy event loop that is the
# interpreter's 5 ms switch interval per row (measured: ~2 ms per row, not 0.05).
_ENQUEUE_POSTGRES = """
INSERT INTO notify_delivery
    (subscription_id, item_id, kind, status, attempts, next_attempt_at, payload,
     created_at, updated_at)
SELECT (r ->> 0)::integer, r ->> 1, r ->> 2, r ->> 3, 0, (r ->> 4)::timestamptz, r ->> 5,
    %s, %s
FROM jsonb_array_elements(%s::jsonb) AS r
ON CONFLICT (subscription_id, item_id) DO NOTHING
RETURNING subscription_id, item_id
"""


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:  # as the UtcDateTime column type refuses it
        raise ValueError("naive datetime given to a UTC column")
    return value


def _enqueue_postgres(conn: Any, rows: list[dict[str, Any]]) -> list[tuple[int, str]]:
    now = rows[0]["created_at"]
    batch = json.dumps(
        [
            (
                r["subscription_id"],
                r["item_id"],
                r["kind"],
                r["status"],
                _aware(r["next_attempt_at"]).isoformat(),
                r["payload"],
            )
            for r in rows
        ],
        ensure_ascii=False,
    )
    result = conn.exec_driver_sql(_ENQUEUE_POSTGRES, (now, now, batch))
    return [(int(sub_id), str(item_id)) for sub_id, item_id in result]


# Finished for good: nothing reads them again but history (last alerts, alerts per hour).
_PURGEABLE = (DeliveryStatus.SENT, DeliveryStatus.CANCELLED)


PURGE_CHUNK = 5000


def purge_finished(engine: Engine, before: datetime, *, limit: int = PURGE_CHUNK) -> int:
    """Delete up to ``limit`` sent or cancelled deliveries last changed before ``before``
    (oldest first); returns how many. Dead, pending, held and batched rows are kept.

    In chunks, so one purge never holds a long lock on the outbox; call again while it
    returns ``limit``."""
    oldest = (
        select(Delivery.id)
        .where(col(Delivery.status).in_(_PURGEABLE), col(Delivery.updated_at) < before)
        .order_by(col(Delivery.id))
        .limit(limit)
    )
    with engine.begin() as conn:
        result = conn.execute(delete(_TABLE).where(_TABLE.c.id.in_(oldest.scalar_subquery())))
        return int(result.rowcount or 0)


def kind_and_status(engine: Engine, delivery_id: int) -> tuple[str, str] | None:
    """A delivery's kind and status, or None when there is no such delivery."""
    with engine.connect() as conn:
        row = conn.execute(
            select(_TABLE.c.kind, _TABLE.c.status).where(_TABLE.c.id == delivery_id)
        ).one_or_none()
    return None if row is None else (str(row.kind), str(row.status))


def count_pending(engine: Engine) -> int:
    with session_scope(engine) as session:
        return int(
            session.exec(
                select(func.count())
                .select_from(Delivery)
                .where(col(Delivery.status) == DeliveryStatus.PENDING)
            ).one()
        )


def count_by_status(engine: Engine, subscription_id: int | None = None) -> dict[str, int]:
    query = (
        select(Delivery.status, func.count())
        .where(col(Delivery.kind) != DeliveryKind.KEY)
        .group_by(col(Delivery.status))
    )
    if subscription_id is not None:
        query = query.where(col(Delivery.subscription_id) == subscription_id)
    with session_scope(engine) as session:
        return {status: int(n) for status, n in session.exec(query)}


def list_deliveries(
    engine: Engine,
    *,
    status: str | None = None,
    subscription_id: int | None = None,
    failed: bool = False,
    limit: int = 100,
) -> list[Delivery]:
    """Newest first. ``failed``: dead ones and pending ones that have failed before."""
    query = (
        select(Delivery)
        .where(col(Delivery.kind) != DeliveryKind.KEY)  # never sent: not a delivery
        .order_by(col(Delivery.id).desc())
        .limit(limit)
    )
    if status:
        query = query.where(col(Delivery.status) == status)
    if failed:
        query = query.where(
            (col(Delivery.status) == DeliveryStatus.DEAD)
            | (
                (col(Delivery.status) == DeliveryStatus.PENDING)
                & col(Delivery.last_error).is_not(None)
            )
        )
    if subscription_id is not None:
        query = query.where(col(Delivery.subscription_id) == subscription_id)
    with session_scope(engine) as session:
        return list(session.exec(query))
