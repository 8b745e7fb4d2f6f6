"""Read-only queries over the services' tables for metrics, `wirewatch status` and /status.

Aggregates run in the database (GROUP BY), so a scrape stays cheap with many feeds
or deliveries. A table that does not exist yet (a service never started) reads as
empty rather than failing.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, ParamSpec, TypeVar, cast
from urllib.parse import urlsplit

from sqlalchemy import Column, DateTime, case, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.sql.elements import ColumnElement
from wirewatch_ingest.models import Feed, SeenItem
from wirewatch_notify.models import Delivery, DeliveryStatus, Subscription
from wirewatch_shared.clock import as_utc

T = TypeVar("T")
P = ParamSpec("P")

FEED = Feed.__table__  # type: ignore[attr-defined]
SEEN = SeenItem.__table__  # type: ignore[attr-defined]
DELIVERY = Delivery.__table__  # type: ignore[attr-defined]
SUBSCRIPTION = Subscription.__table__  # type: ignore[attr-defined]

HEALTH_STATES = ("new", "ok", "failing", "parked", "disabled")

# Notify's schema grows (multi-topic subscriptions, delivery kinds): read what exists.
_SUB_TOPICS = SUBSCRIPTION.c.topics if "topics" in SUBSCRIPTION.c else SUBSCRIPTION.c.topic
_ALERT_KINDS = ("alert", "digest")


def _topics_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "?"
    if isinstance(value, str) and value.startswith("["):
        with contextlib.suppress(ValueError):
            return _topics_text(json.loads(value))
    return str(value or "?")


def _alerts_only() -> ColumnElement[bool] | None:
    return DELIVERY.c.kind.in_(_ALERT_KINDS) if "kind" in DELIVERY.c else None


def utc(value: datetime | None) -> datetime | None:
    """Stored times are UTC; SQLite (and `timestamp` columns) hand them back naive."""
    if value is None:
        return None
    if isinstance(value, str):  # SQLite through a raw column: ISO text
        value = datetime.fromisoformat(value)
    return as_utc(value)


class _MissingTable(Exception):
    pass


@contextmanager
def _connect(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        try:
            yield conn
        except (OperationalError, ProgrammingError) as exc:
            text = str(exc).lower()
            if "no such table" in text or "does not exist" in text or "undefined" in text:
                raise _MissingTable(str(exc)) from exc
            raise


def _or_empty(default: Callable[[], Any]) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """A query on a table that does not exist yet returns ``default()``."""

    def wrap(fn: Callable[P, T]) -> Callable[P, T]:
        def inner(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return fn(*args, **kwargs)
            except _MissingTable:
                return cast(T, default())

        inner.__name__ = fn.__name__
        inner.__doc__ = fn.__doc__
        return inner

    return wrap


# --- feeds ----------------------------------------------------------------------------


def _health(enabled: bool, parked: bool, failing: bool, succeeded: bool) -> str:
    """The feed's health word, computed by the ingest model itself."""
    feed = Feed(
        url="-",
        enabled=enabled,
        parked=parked,
        consecutive_errors=1 if failing else 0,
        last_success_at=datetime.now(UTC) if succeeded else None,
    )
    return str(feed.health)


@_or_empty(lambda: dict.fromkeys(HEALTH_STATES, 0))
def feeds_by_health(engine: Engine) -> dict[str, int]:
    """Number of feeds per health state (new, ok, failing, parked, disabled)."""
    failing = case((FEED.c.consecutive_errors > 0, True), else_=False)
    succeeded = case((FEED.c.last_success_at.is_not(None), True), else_=False)
    query = select(FEED.c.enabled, FEED.c.parked, failing, succeeded, func.count()).group_by(
        FEED.c.enabled, FEED.c.parked, failing, succeeded
    )
    counts = dict.fromkeys(HEALTH_STATES, 0)
    with _connect(engine) as conn:
        for enabled, parked, is_failing, ok, n in conn.execute(query):
            state = _health(bool(enabled), bool(parked), bool(is_failing), bool(ok))
            counts[state] = counts.get(state, 0) + int(n)
    return counts


@dataclass(frozen=True, slots=True)
class FailingFeed:
    id: int
    url: str
    title: str
    health: str
    consecutive_errors: int
    last_status: str | None
    last_error: str | None
    last_attempt_at: datetime | None
    last_success_at: datetime | None


@_or_empty(list)
def failing_feeds(engine: Engine, limit: int = 10) -> list[FailingFeed]:
    """The feeds failing longest (most consecutive errors first), with their last error."""
    query = (
        select(FEED)
        .where((FEED.c.consecutive_errors > 0) | FEED.c.parked.is_(True))
        .order_by(FEED.c.consecutive_errors.desc(), FEED.c.id)
        .limit(limit)
    )
    with _connect(engine) as conn:
        rows = list(conn.execute(query).mappings())
    return [
        FailingFeed(
            id=int(r["id"]),
            url=str(r["url"]),
            title=str(r["title"] or ""),
            health=_health(bool(r["enabled"]), bool(r["parked"]), True, False),
            consecutive_errors=int(r["consecutive_errors"]),
            last_status=r["last_status"],
            last_error=r["last_error"],
            last_attempt_at=utc(r["last_attempt_at"]),
            last_success_at=utc(r["last_success_at"]),
        )
        for r in rows
    ]


@_or_empty(lambda: 0)
def items_total(engine: Engine) -> int:
    with _connect(engine) as conn:
        return int(conn.execute(select(func.count()).select_from(SEEN)).scalar_one())


# --- deliveries -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeliveryStats:
    by_channel_status: dict[tuple[str, str], int] = field(default_factory=dict)
    retrying: int = 0
    oldest_pending_at: datetime | None = None

    def count(self, status: str) -> int:
        return sum(n for (_, s), n in self.by_channel_status.items() if s == status)

    @property
    def pending(self) -> int:
        return self.count(DeliveryStatus.PENDING)

    @property
    def dead(self) -> int:
        return self.count(DeliveryStatus.DEAD)

    @property
    def sent(self) -> int:
        return self.count(DeliveryStatus.SENT)

    def oldest_pending_age_s(self, now: datetime | None = None) -> float:
        if self.oldest_pending_at is None:
            return 0.0
        return max(0.0, ((now or datetime.now(UTC)) - self.oldest_pending_at).total_seconds())


@_or_empty(DeliveryStats)
def delivery_stats(engine: Engine) -> DeliveryStats:
    """Deliveries per (channel, status), retries pending and the oldest pending one."""
    channel = func.coalesce(SUBSCRIPTION.c.channel, "unknown")
    joined = DELIVERY.outerjoin(SUBSCRIPTION, SUBSCRIPTION.c.id == DELIVERY.c.subscription_id)
    by = select(channel, DELIVERY.c.status, func.count()).select_from(joined)
    by = by.group_by(channel, DELIVERY.c.status)
    pending = DELIVERY.c.status == DeliveryStatus.PENDING
    summary = select(
        func.count().filter(pending & (DELIVERY.c.attempts > 0)),
        func.min(DELIVERY.c.created_at).filter(pending),
    )
    with _connect(engine) as conn:
        counts = {(str(c), str(s)): int(n) for c, s, n in conn.execute(by)}
        retrying, oldest = conn.execute(summary).one()
    return DeliveryStats(counts, int(retrying or 0), utc(oldest))


@dataclass(frozen=True, slots=True)
class AlertRow:
    delivery_id: int
    sent_at: datetime | None
    topic: str
    channel: str
    target: str
    title: str
    link: str | None


def mask_target(channel: str, target: str) -> str:
    """Subscribers' addresses are private: show ``d…@example.org`` or the webhook host."""
    if channel == "email" and "@" in target:
        local, _, domain = target.partition("@")
        return f"{local[:1]}…@{domain}"
    host = urlsplit(target).hostname
    return host or "…"


def _title_and_link(payload: str) -> tuple[str, str | None]:
    try:
        item = json.loads(payload)["data"]["item"]
        return str(item.get("title") or "(untitled)"), item.get("link")
    except (ValueError, KeyError, TypeError):
        return "(unreadable payload)", None


@_or_empty(list)
def last_alerts(engine: Engine, limit: int = 10) -> list[AlertRow]:
    """The most recently delivered alerts (targets masked)."""
    joined = DELIVERY.outerjoin(SUBSCRIPTION, SUBSCRIPTION.c.id == DELIVERY.c.subscription_id)
    query = (
        select(
            DELIVERY.c.id,
            DELIVERY.c.sent_at,
            DELIVERY.c.payload,
            _SUB_TOPICS,
            SUBSCRIPTION.c.channel,
            SUBSCRIPTION.c.target,
        )
        .select_from(joined)
        .where(DELIVERY.c.status == DeliveryStatus.SENT)
        .order_by(DELIVERY.c.sent_at.desc(), DELIVERY.c.id.desc())
        .limit(limit)
    )
    if (kinds := _alerts_only()) is not None:
        query = query.where(kinds)
    with _connect(engine) as conn:
        rows = list(conn.execute(query))
    alerts = []
    for delivery_id, sent_at, payload, topic, channel, target in rows:
        title, link = _title_and_link(payload)
        alerts.append(
            AlertRow(
                delivery_id=int(delivery_id),
                sent_at=utc(sent_at),
                topic=_topics_text(topic),
                channel=str(channel or "?"),
                target=mask_target(str(channel or ""), str(target or "")),
                title=title,
                link=link,
            )
        )
    return alerts


# --- time series ----------------------------------------------------------------------


def _hour_bucket(engine: Engine, column: Column[Any]) -> ColumnElement[Any]:
    if engine.dialect.name == "postgresql":
        timezone_aware = isinstance(column.type, DateTime) and column.type.timezone
        impl = getattr(column.type, "impl", None)
        timezone_aware = timezone_aware or bool(getattr(impl, "timezone", False))
        moment = func.timezone("UTC", column) if timezone_aware else column
        return func.to_char(func.date_trunc("hour", moment), 'YYYY-MM-DD"T"HH24')
    return func.strftime("%Y-%m-%dT%H", column)


def _per_hour(
    engine: Engine,
    column: Column[Any],
    hours: int,
    now: datetime,
    where: ColumnElement[bool] | None = None,
) -> list[tuple[datetime, int]]:
    end = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    start = end - timedelta(hours=hours)
    bucket = _hour_bucket(engine, column)
    query = select(bucket, func.count()).where(column >= start)
    if where is not None:
        query = query.where(where)
    query = query.group_by(bucket)
    try:
        with _connect(engine) as conn:
            found = {str(b): int(n) for b, n in conn.execute(query) if b is not None}
    except _MissingTable:  # before the table's first migration: every hour counts 0
        found = {}
    series = []
    for i in range(hours):
        hour = start + timedelta(hours=i)
        series.append((hour, found.get(hour.strftime("%Y-%m-%dT%H"), 0)))
    return series


def alerts_per_hour(
    engine: Engine, hours: int = 24, now: datetime | None = None
) -> list[tuple[datetime, int]]:
    """Delivered alerts per hour over the last ``hours`` hours (oldest first)."""
    sent = DELIVERY.c.status == DeliveryStatus.SENT
    kinds = _alerts_only()
    where = sent if kinds is None else sent & kinds
    return _per_hour(engine, DELIVERY.c.sent_at, hours, now or datetime.now(UTC), where)


def items_per_hour(
    engine: Engine, hours: int = 24, now: datetime | None = None
) -> list[tuple[datetime, int]]:
    """New items ingested per hour over the last ``hours`` hours (oldest first)."""
    return _per_hour(engine, SEEN.c.first_seen_at, hours, now or datetime.now(UTC))
