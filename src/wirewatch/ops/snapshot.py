"""Everything `wirewatch status` and the /status page show, gathered in one place."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.engine import Engine
from wirewatch_shared.kafka_admin import GroupLag, group_lag

from wirewatch.ops import dbstats
from wirewatch.ops.deadletters import DeadLetterView, read_dead_letters
from wirewatch.ops.probes import ServiceStatus, probe_all

STUCK_PENDING_S = 900.0
"""A pending delivery older than this means the outbox is not draining."""

Series = list[tuple[datetime, int]]


@dataclass(frozen=True, slots=True)
class DatabaseView:
    feeds: dict[str, int] = field(default_factory=dict)
    failing_feeds: list[dbstats.FailingFeed] = field(default_factory=list)
    deliveries: dbstats.DeliveryStats = field(default_factory=dbstats.DeliveryStats)
    alerts: list[dbstats.AlertRow] = field(default_factory=list)
    alerts_per_hour: Series = field(default_factory=list)
    items_per_hour: Series = field(default_factory=list)
    items_total: int = 0


def read_database(engine: Engine, *, hours: int = 24, limit: int = 10) -> DatabaseView:
    """All database figures (blocking: call from a thread)."""
    return DatabaseView(
        feeds=dbstats.feeds_by_health(engine),
        failing_feeds=dbstats.failing_feeds(engine, limit),
        deliveries=dbstats.delivery_stats(engine),
        alerts=dbstats.last_alerts(engine, limit),
        alerts_per_hour=dbstats.alerts_per_hour(engine, hours),
        items_per_hour=dbstats.items_per_hour(engine, hours),
        items_total=dbstats.items_total(engine),
    )


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    generated_at: datetime
    services: Sequence[ServiceStatus]
    lag: Sequence[GroupLag]
    lag_error: str | None
    database: DatabaseView
    database_error: str | None
    dead_letters: DeadLetterView = field(default_factory=DeadLetterView)
    dead_letters_error: str | None = None

    @property
    def problems(self) -> list[str]:
        """What makes the system unhealthy (non-zero exit of `wirewatch status`)."""
        found = [
            f"{s.name} not ready: {s.reason or 'unknown'}" for s in self.services if not s.ready
        ]
        if self.lag_error:
            found.append(f"Kafka: {self.lag_error}")
        if self.database_error:
            found.append(f"database: {self.database_error}")
        age = self.database.deliveries.oldest_pending_age_s(self.generated_at)
        if age > STUCK_PENDING_S:
            found.append(f"oldest pending delivery is {age / 60:.0f} min old: outbox not draining")
        return found

    @property
    def warnings(self) -> list[str]:
        found = []
        dead = self.database.deliveries.dead
        if dead:
            noun = "delivery" if dead == 1 else "deliveries"
            found.append(f"{dead} dead {noun} (wirewatch deliveries replay --all-dead)")
        failing = self.database.feeds.get("failing", 0) + self.database.feeds.get("parked", 0)
        if failing:
            found.append(f"{failing} feed{'s' if failing > 1 else ''} failing or parked")
        return found

    @property
    def healthy(self) -> bool:
        return not self.problems

    def group_totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for row in self.lag:
            totals[row.group] = totals.get(row.group, 0) + (row.lag or 0)
        return totals


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


async def collect_snapshot(
    engine: Engine,
    bootstrap: str | None,
    *,
    probe_urls: Mapping[str, str] | None = None,
    local: Callable[[], Awaitable[Sequence[ServiceStatus]]] | None = None,
    hours: int = 24,
) -> StatusSnapshot:
    """Probe the services, read the database, the consumer lag and the dead-letter topic,
    concurrently."""

    async def services() -> list[ServiceStatus]:
        found = list(await local()) if local is not None else []
        return found + await probe_all(probe_urls or {})

    async def lag() -> tuple[list[GroupLag], str | None]:
        if not bootstrap:
            return [], "WIREWATCH_KAFKA_BOOTSTRAP is not set"
        try:
            return await group_lag(bootstrap, timeout_s=3.0), None
        except Exception as exc:
            return [], _one_line(exc)

    async def dead_letters() -> tuple[DeadLetterView, str | None]:
        if not bootstrap:
            return DeadLetterView(), None  # said once, by the lag
        try:
            return await read_dead_letters(bootstrap, timeout_s=3.0), None
        except Exception as exc:
            return DeadLetterView(), _one_line(exc)

    async def database() -> tuple[DatabaseView, str | None]:
        try:
            return await asyncio.to_thread(read_database, engine, hours=hours), None
        except Exception as exc:
            return DatabaseView(), _one_line(exc)

    found, (lag_rows, lag_error), (view, db_error), (letters, letters_error) = await asyncio.gather(
        services(), lag(), database(), dead_letters()
    )
    return StatusSnapshot(
        datetime.now(UTC), found, lag_rows, lag_error, view, db_error, letters, letters_error
    )
