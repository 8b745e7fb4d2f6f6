"""The ingest service against the real (Tansu) broker: items arrive as FeedItem JSON keyed by id."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import pytest
from faststream.kafka import KafkaBroker, KafkaMessage
from wirewatch_ingest import feedstore
from wirewatch_ingest.app import IngestService, create_app
from wirewatch_ingest.settings import IngestSettings
from wirewatch_shared import streams
from wirewatch_shared.events import FeedItem

from tests.ingest.support import FeedServer, Route, rss
from wirewatch.schema import upgrade


@pytest.mark.integration
async def test_service_publishes_feed_items(
    kafka_bootstrap: str, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.routes["/a"] = Route(200, rss([("a1", "Alpha one"), ("a2", "Alpha two")]))
    feed_server.routes["/b"] = Route(200, rss([("b1", "Beta")]))
    feed_server.routes["/broken"] = Route(500, b"")
    settings = IngestSettings(
        kafka_bootstrap=kafka_bootstrap,
        database_url=f"sqlite:///{tmp_path / 'app.db'}",
        ingest_allow_private_networks=True,
        parse_workers=1,
        seed_default_feeds=False,
        poll_tick_s=0.1,
        host_min_gap_s=0,
    )
    service = IngestService(settings)
    upgrade(service.engine)
    for path in ("/a", "/b", "/broken"):
        feedstore.add_feed(service.engine, feed_server.url(path))

    received: list[tuple[FeedItem, bytes | None]] = []
    correlation: dict[str, str] = {}
    consumer = KafkaBroker(kafka_bootstrap)

    # Tansu holds a group join for half the session timeout: keep it short.
    @consumer.subscriber(streams.ITEMS, group_id=f"test-{uuid.uuid4().hex[:8]}",
                         auto_offset_reset="earliest", session_timeout_ms=2000,
                         heartbeat_interval_ms=500, fetch_max_wait_ms=30)  # fmt: skip
    async def collect(item: FeedItem, message: KafkaMessage) -> None:
        # The session broker also carries other tests' items: keep only this server's.
        if item.feed_url.startswith(feed_server.url("/")):
            received.append((item, message.raw_message.key))  # type: ignore[union-attr]
            # Batched per partition by the KeyedProducer, with a FastStream publish's headers.
            assert message.content_type == "application/json"
            correlation[item.item_id] = message.correlation_id

    await service.on_startup()
    await service.broker.start()
    await consumer.start()
    await service.after_startup()
    try:
        deadline = time.monotonic() + 30
        while len(received) < 3 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
    finally:
        await service.on_shutdown()
        await service.broker.stop()
        await consumer.stop()
    titles = sorted(item.title for item, _ in received)
    assert titles == ["Alpha one", "Alpha two", "Beta"]
    assert all(key == item.item_id.encode() for item, key in received)
    assert correlation == {item.item_id: item.item_id for item, _ in received}
    health = {f.url.rsplit("/", 1)[1]: f.health for f in feedstore.list_feeds(service.engine)}
    assert health == {"a": "ok", "b": "ok", "broken": "failing"}
    assert all(f.lease_owner is None for f in feedstore.list_feeds(service.engine))


def test_create_app_builds_a_faststream_app(tmp_path: Path) -> None:
    settings = IngestSettings(
        kafka_bootstrap="127.0.0.1:9", database_url=f"sqlite:///{tmp_path / 'x.db'}"
    )
    app = create_app(settings)
    assert app.broker is not None
