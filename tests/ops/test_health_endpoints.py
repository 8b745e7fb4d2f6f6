"""/healthz, /readyz and /metrics of a process, against a real broker and PostgreSQL.

Readiness follows the dependencies: 503 with a JSON reason while starting, when the
database is dropped and when the broker is stopped; 200 again once each is back.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from faststream import FastStream
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from sqlalchemy.engine import Engine
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.health import (
    Heartbeat,
    Readiness,
    broker_check,
    consumer_groups_check,
    database_check,
    group_subscriber,
)
from wirewatch_shared.http import ops_asgi_app, ops_routes
from wirewatch_shared.kafka_admin import ensure_streams
from wirewatch_shared.lag import LagCollector
from wirewatch_shared.metrics import instrument_broker, register_collector, unregister_collector
from wirewatch_shared.settings import CommonSettings

from tests.ops.conftest import PostgresDatabase
from tests.ops.support import get, value, wait_until
from wirewatch.ops.server import HttpServer

pytestmark = pytest.mark.integration

GROUP = "wirewatch-ops-test"


@dataclass
class Probe:
    broker: KafkaBroker
    embedded: EmbeddedBroker
    engine: Engine
    readiness: Readiness
    http: HttpServer
    app: FastStream
    received: list[KafkaMessage]

    @property
    def url(self) -> str:
        return self.http.url


@pytest.fixture
async def probe(postgres_database: PostgresDatabase) -> AsyncIterator[Probe]:
    embedded = EmbeddedBroker().start()
    await ensure_streams(embedded.bootstrap, [streams.ITEMS], partitions=3)
    broker = KafkaBroker(embedded.bootstrap, linger_ms=5)
    received: list[KafkaMessage] = []

    async def handle(message: KafkaMessage) -> None:
        received.append(message)

    options = CommonSettings().consumer_options()
    group_subscriber(broker, streams.ITEMS, group_id=GROUP, **options)(handle)

    instrument_broker(broker, "probe")
    engine = make_engine(postgres_database.url)
    readiness = Readiness("probe")
    readiness.add("kafka", broker_check(broker))
    readiness.add("consumers", consumer_groups_check(broker))
    readiness.add("database", database_check(engine))
    heartbeat = Heartbeat()
    lag = LagCollector()
    lag.watch("probe", broker)
    register_collector(lag)
    heartbeat.start()
    http = HttpServer(ops_asgi_app(ops_routes(readiness, heartbeat, [lag.refresh])), "127.0.0.1", 0)
    await http.start()
    app = FastStream(broker)
    probe = Probe(broker, embedded, engine, readiness, http, app, received)
    try:
        yield probe
    finally:
        try:
            await http.stop()
            await heartbeat.stop()
            unregister_collector(lag)
            engine.dispose()
            # After a broker restart aiokafka may wait on a coordinator that is gone:
            # bound the stop so a teardown can never hang the suite.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(app.stop(), timeout=15)
        finally:
            probe.embedded.stop()  # the test may have replaced it (broker restart)
            embedded.stop()


async def _ready(url: str) -> bool:
    return (await get(f"{url}/readyz")).status_code == 200


async def _reason(url: str) -> str:
    response = await get(f"{url}/readyz")
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["status"] == "not ready"
    return str(body["reason"])


async def test_starting_then_ready_then_metrics(probe: Probe) -> None:
    live = await get(f"{probe.url}/healthz")
    assert live.status_code == 200 and live.json()["status"] == "ok"
    assert "starting" in await _reason(probe.url)

    await probe.app.start()
    probe.readiness.started = True
    await wait_until(lambda: _ready(probe.url), message="never became ready")
    body = (await get(f"{probe.url}/readyz")).json()
    assert body["checks"]["consumers"]["groups"][GROUP]["partitions"] == 3

    for i in range(20):
        await probe.broker.publish(b"{}", streams.ITEMS, key=f"item-{i}".encode())
    await wait_until(lambda: len(probe.received) >= 20)
    # The item id (message key) travels as the correlation id.
    assert {m.correlation_id for m in probe.received} == {f"item-{i}" for i in range(20)}

    metrics = await get(f"{probe.url}/metrics")
    assert metrics.status_code == 200
    assert metrics.headers["content-type"].startswith("text/plain")
    text = metrics.text
    received = value(
        text, "faststream_received_messages_total", app_name="probe", handler=streams.ITEMS
    )
    assert received is not None and received >= 20
    published = value(
        text, "faststream_published_messages_total", app_name="probe", destination=streams.ITEMS
    )
    assert published is not None and published >= 20
    assert (
        value(
            text, "faststream_received_processed_messages_duration_seconds_count", app_name="probe"
        )
        is not None
    )

    # Lag counts from the group's commit: this probe's consumer auto-commits (every 5 s).
    async def caught_up() -> bool:
        found = (await get(f"{probe.url}/metrics")).text
        labels = {"service": "probe", "group": GROUP, "topic": streams.ITEMS}
        return value(found, "wirewatch_consumer_lag_messages", **labels) == 0

    await wait_until(caught_up, timeout=30, message="lag never 0")
    assert value(text, "wirewatch_ready", service="probe", check="database") == 1
    assert value(text, "process_resident_memory_bytes") is not None


async def test_readiness_follows_database_and_broker_outages(
    probe: Probe, postgres_database: PostgresDatabase
) -> None:
    await probe.app.start()
    probe.readiness.started = True
    await wait_until(lambda: _ready(probe.url), message="never became ready")

    postgres_database.drop()
    assert "database" in await _reason(probe.url)
    postgres_database.create()
    await wait_until(lambda: _ready(probe.url), message="not ready after the database returned")

    probe.embedded.stop()
    reason = await _reason(probe.url)
    assert "kafka" in reason and "unreachable" in reason
    # Liveness is unaffected: the process itself is fine.
    assert (await get(f"{probe.url}/healthz")).status_code == 200
    probe.embedded = EmbeddedBroker(port=probe.embedded.port).start()
    # A memory-only broker restarts empty: re-create the topic as a service start would.
    await ensure_streams(probe.embedded.bootstrap, [streams.ITEMS], partitions=3)
    await wait_until(
        lambda: _ready(probe.url), timeout=30, message="not ready after broker restart"
    )
