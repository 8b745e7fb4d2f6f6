"""Health, readiness and metrics of one process: a lone service or all of `wirewatch up`.

The services need no wiring for this: the runner hands each service's broker and
engine to :class:`ProcessOps`, which adds FastStream's Prometheus middleware to the
broker, registers readiness checks and the database collectors, and provides the
``/healthz``, ``/readyz`` and ``/metrics`` routes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from faststream.asgi.types import ASGIApp
from faststream.kafka import KafkaBroker
from prometheus_client.registry import Collector
from sqlalchemy.engine import Engine
from wirewatch_shared.health import (
    Heartbeat,
    Readiness,
    broker_check,
    consumer_groups_check,
    database_check,
)
from wirewatch_shared.http import ops_routes
from wirewatch_shared.lag import LagCollector
from wirewatch_shared.metrics import instrument_broker, register_collector, unregister_collector

from wirewatch.ops.collectors import FeedHealthCollector, OutboxCollector
from wirewatch.ops.probes import ServiceStatus

ServiceKind = Literal["ingest", "classify", "notify", "stories", "flights"]


class Service(Protocol):
    @property
    def broker(self) -> KafkaBroker: ...

    @property
    def engine(self) -> Engine: ...


class ProcessOps:
    """Readiness checks, heartbeat and collectors of one process."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.readiness = Readiness(name)
        self.heartbeat = Heartbeat()
        self.lag = LagCollector()
        self._collectors: list[Collector] = [self.lag]
        self._engines: list[Engine] = []

    def watch(self, kind: ServiceKind, service: Service, *, prefixed: bool = False) -> None:
        """Instrument one service's broker and add its checks and database gauges."""
        prefix = f"{kind}." if prefixed else ""
        instrument_broker(service.broker, kind)
        self.readiness.add(f"{prefix}kafka", broker_check(service.broker))
        if service.broker.subscribers:
            self.readiness.add(f"{prefix}consumers", consumer_groups_check(service.broker))
        self.lag.watch(kind, service.broker)
        if all(service.engine is not e for e in self._engines):
            self._engines.append(service.engine)
            name = "database" if len(self._engines) == 1 else f"database.{kind}"
            self.readiness.add(name, database_check(service.engine))
        if kind == "ingest":
            self._collectors.append(FeedHealthCollector(service.engine))
        elif kind == "notify":
            self._collectors.append(OutboxCollector(service.engine))

    async def local_status(self) -> list[ServiceStatus]:
        """This process's readiness as a row of the status table."""
        report = await self.readiness.evaluate()
        reason = report.as_json().get("reason")
        checks = {name: c.as_json() for name, c in report.checks.items()}
        return [ServiceStatus(self.name, report.ready, reason, "in process", checks)]

    def routes(self) -> list[tuple[str, ASGIApp]]:
        return ops_routes(self.readiness, self.heartbeat, [self.lag.refresh])

    @property
    def collectors(self) -> Sequence[Collector]:
        return tuple(self._collectors)

    def start(self) -> None:
        """Start the heartbeat and expose the collectors (before the services start)."""
        self.heartbeat.start()
        for collector in self._collectors:
            register_collector(collector)

    def mark_started(self) -> None:
        self.readiness.started = True

    async def stop(self) -> None:
        self.readiness.started = False
        await self.heartbeat.stop()
        for collector in self._collectors:
            unregister_collector(collector)
