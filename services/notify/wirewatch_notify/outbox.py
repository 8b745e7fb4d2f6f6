"""Durable delivery records: the idempotency key, claims, outcomes, retries, dead letters.

Deliveries are written here *before* the Kafka offset is committed, then sent by
the delivery worker. A redelivered message finds its rows already present and
adds nothing, so an alert is recorded once per (subscription, item).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam, delete, func, insert, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlmodel import col, select
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import session_scope

from wirewatch_notify.models import (
    Delivery,
    DeliveryFields,
    DeliveryKind,
    DeliveryStatus,
    Subscription,
    SubscriptionFields,
)
from wirewatch_notify.payloads import dumps

CLAIM_LEASE = timedelta(seconds=60)
_TABLE = Delivery.__table__  # type: ignore[attr-defined]
_SUBSCRIPTIONS = Subscription.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class NewDelivery:
    subscription_id: int
    item_id: str
    envelope: dict[str, Any]
    hold_until: datetime | None = None  # quiet hours / digest period: held until then
    kind: str = DeliveryKind.ALERT
    cancelled: bool = False  # recorded only to take its key (never sent)


def _insert_ignoring_duplicates(conn: Connection) -> Any:
    dialect = conn.dialect.name
    if dialect == "postgresql":
        return postgresql.insert(_TABLE).on_conflict_do_nothing(
            index_elements=["subscription_id", "item_id"]
        )
    if dialect == "sqlite":
        return sqlite.insert(_TABLE).on_conflict_do_nothing(
            index_elements=["subscription_id", "item_id"]
        )
    return insert(_TABLE)  # pragma: no cover - other databases are not supported targets


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
    stmt = _insert_ignoring_duplicates(conn)
    # RETURNING tells the rows really inserted (rowcount is unreliable for
    # multi-row inserts); conflicting rows return nothing.
    result = conn.execute(stmt.returning(_TABLE.c.subscription_id, _TABLE.c.item_id), rows)
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


@dataclass(frozen=True, slots=True)
class ClaimedDelivery:
    """A claimed delivery: the columns sending it reads (:class:`DeliveryFields`)."""

    id: int
    subscription_id: int
    item_id: str
    kind: str
    attempts: int
    next_attempt_at: datetime  # the claim's lease end
    payload: str


@dataclass(frozen=True, slots=True)
class ClaimedSubscription:
    """A claimed delivery's subscription as the claim read it: the columns sending reads
    (:class:`SubscriptionFields`)."""

    id: int
    channel: str
    target: str
    target_encrypted: str | None
    secret_encrypted: str | None
    previous_secret_encrypted: str | None
    previous_secret_expires_at: datetime | None
    mode: str
    digest_interval_minutes: int | None
    timezone: str
    quiet_start: str | None
    quiet_end: str | None
    active: bool
    disabled_reason: str | None
    requires_confirmation: bool
    confirmed_at: datetime | None
    link_key: str

    @property
    def awaiting_confirmation(self) -> bool:
        return self.requires_confirmation and self.confirmed_at is None


@dataclass(frozen=True, slots=True)
class Claimed:
    delivery: DeliveryFields
    subscription: SubscriptionFields | None


Accept = Callable[[int, SubscriptionFields | None], bool]


def claim(
    engine: Engine,
    now: datetime,
    limit: int,
    *,
    lease: timedelta = CLAIM_LEASE,
    exclude_subscriptions: Iterable[int] = (),
    accept: Accept | None = None,
) -> list[Claimed]:
    """Claim due pending deliveries (with their subscription) by pushing their due time
    past a lease.

    The conditional UPDATE makes the claim atomic per row, so two notify processes
    (or a slow previous attempt) never send the same row at once. ``accept`` may
    skip candidates (e.g. endpoints at their concurrency cap); skipped rows stay due.
    Candidates are read without their payload; only the claimed rows are loaded.
    Core statements, no ORM session: the rows come back as :class:`ClaimedDelivery` and
    :class:`ClaimedSubscription` (what a send reads; loading them as models cost a third
    of the claim's CPU, measured).
    """
    excluded = list(exclude_subscriptions)
    # Over-fetch when candidates may be skipped, so enough remain to fill ``limit``.
    fetch = limit * 4 if accept or excluded else limit
    with engine.begin() as conn:
        candidates = _due_candidates(conn, now, fetch, excluded)
        if not candidates:
            return []
        sub_ids = sorted({sub_id for _, sub_id in candidates})
        subs = {
            row[0]: ClaimedSubscription(*row)
            for row in conn.execute(_SUBSCRIPTIONS_OF, {"ids": sub_ids})
        }
        chosen = [
            delivery_id
            for delivery_id, sub_id in candidates
            if accept is None or accept(delivery_id, subs.get(sub_id))
        ][:limit]
        if not chosen:
            return []
        claimed = _claim_rows(conn, chosen, now, now + lease)
    return [Claimed(d, subs.get(d.subscription_id)) for d in claimed]


# The claimed rows' subscriptions, the columns a send reads: built once, like the
# statements below (building it per claim cost about as much CPU as running it).
_SUBSCRIPTIONS_OF = sa.select(
    *(_SUBSCRIPTIONS.c[name] for name in ClaimedSubscription.__dataclass_fields__)
).where(_SUBSCRIPTIONS.c.id.in_(bindparam("ids", expanding=True)))

# The due candidates: Core statements built once (every claim runs one, most of them
# finding nothing).
_DUE = (
    sa.select(_TABLE.c.id, _TABLE.c.subscription_id)
    .where(
        _TABLE.c.status == DeliveryStatus.PENDING,
        _TABLE.c.next_attempt_at <= bindparam("now", type_=_TABLE.c.next_attempt_at.type),
    )
    .order_by(_TABLE.c.next_attempt_at)
    .limit(bindparam("limit", type_=sa.Integer))
)
_DUE_EXCLUDING = _DUE.where(_TABLE.c.subscription_id.not_in(bindparam("excluded", expanding=True)))


def _due_candidates(
    conn: Connection, now: datetime, limit: int, excluded: list[int]
) -> list[tuple[int, int]]:
    """Ids and subscriptions of the first ``limit`` due pending deliveries, soonest first."""
    params: dict[str, Any] = {"now": now, "limit": limit}
    if excluded:
        params["excluded"] = excluded
    rows = conn.execute(_DUE_EXCLUDING if excluded else _DUE, params)
    return [(int(delivery_id), int(sub_id)) for delivery_id, sub_id in rows]


def _claim_rows(
    conn: Connection, chosen: list[int], now: datetime, until: datetime
) -> list[ClaimedDelivery]:
    """Claim the ``chosen`` deliveries still due, until ``until``: the rows won, in order.

    One statement claims and reads the rows (UPDATE ... RETURNING, SQLite and
    PostgreSQL): rows another process claimed first simply do not come back.
    """
    won = [
        ClaimedDelivery(*row)
        for row in conn.execute(_CLAIM, {"ids": chosen, "now": now, "until": until})
    ]
    order = {delivery_id: n for n, delivery_id in enumerate(chosen)}
    return sorted(won, key=lambda d: order[d.id])


# The claim: a prebuilt Core UPDATE … RETURNING the columns a send reads (not an ORM bulk
# UPDATE built per claim: its statement and synchronisation machinery cost ~0.3-0.5 ms
# of CPU per claim more, measured; nor its rows loaded as models).
_CLAIM = (
    update(_TABLE)
    .where(
        _TABLE.c.id.in_(bindparam("ids", expanding=True)),
        _TABLE.c.status == DeliveryStatus.PENDING,
        _TABLE.c.next_attempt_at <= bindparam("now", type_=_TABLE.c.next_attempt_at.type),
    )
    .values(next_attempt_at=bindparam("until", type_=_TABLE.c.next_attempt_at.type))
    .returning(*(_TABLE.c[name] for name in ClaimedDelivery.__dataclass_fields__))
)


def claim_due(
    engine: Engine, now: datetime, limit: int, *, lease: timedelta = CLAIM_LEASE
) -> list[DeliveryFields]:
    """:func:`claim` without the subscriptions."""
    return [c.delivery for c in claim(engine, now, limit, lease=lease)]


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


def status_of_delivery(engine: Engine, delivery_id: int) -> str | None:
    """A delivery's status, or None when there is no such delivery."""
    found = kind_and_status(engine, delivery_id)
    return None if found is None else found[1]


def kind_and_status(engine: Engine, delivery_id: int) -> tuple[str, str] | None:
    """A delivery's kind and status, or None when there is no such delivery."""
    with engine.connect() as conn:
        row = conn.execute(
            select(_TABLE.c.kind, _TABLE.c.status).where(_TABLE.c.id == delivery_id)
        ).one_or_none()
    return None if row is None else (str(row.kind), str(row.status))


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
