"""Ingest service: a FastStream app that polls feeds and publishes new items.

Run alone with ``wirewatch ingest`` or
``faststream run wirewatch_ingest.app:create_app --factory``. Several ingest
processes may run against one database: feed leases split the work.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from aiokafka import AIOKafkaProducer
from faststream import FastStream
from faststream.kafka import KafkaBroker
from sqlalchemy.engine import Engine
from wirewatch_shared import streams
from wirewatch_shared.broker import ensure_service_streams, make_broker
from wirewatch_shared.db import make_engine
from wirewatch_shared.events import FeedItem
from wirewatch_shared.logging import configure_logging, get_logger
from wirewatch_shared.producer import send_keyed, start_batch_producer

from wirewatch_ingest import store
from wirewatch_ingest.parsepool import OutgoingItem
from wirewatch_ingest.poller import FeedPoller
from wirewatch_ingest.settings import IngestSettings

log = get_logger(__name__)

JSON_HEADERS = {"content-type": "application/json"}


class IngestService:
    """Owns the broker, the poller (HTTP client, parser processes) and its loop task."""

    def __init__(self, settings: IngestSettings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or make_engine(settings.database_url)
        self.broker: KafkaBroker = make_broker(settings, client_suffix="ingest")
        self.items_publisher = self.broker.publisher(
            streams.ITEMS, title="items", description="New, de-duplicated feed items"
        )
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        # Items go out through a producer of our own, in one record batch per partition
        # (see send_keyed); the FastStream publisher above documents the topic (AsyncAPI)
        # and is the fallback before startup.
        self._producer: AIOKafkaProducer | None = None
        self.poller = FeedPoller(self.engine, settings, self.publish_items)

    async def publish_items(self, items: Sequence[OutgoingItem | FeedItem]) -> None:
        """Publish every item keyed by item id; return once the broker acked them all."""
        outgoing = [
            OutgoingItem.from_item(entry) if isinstance(entry, FeedItem) else entry
            for entry in items
        ]
        if not outgoing:
            return
        if self._producer is not None:
            records = [(item.item_id.encode(), item.payload) for item in outgoing]
            await asyncio.gather(*await send_keyed(self._producer, streams.ITEMS, records))
            return
        pending = []
        for item in outgoing:
            # Keyed by item id: one item always lands on the same partition. The
            # payload is the FeedItem JSON, serialised by the parser process.
            pending.append(
                await self.items_publisher.publish(
                    item.payload,
                    key=item.item_id.encode(),
                    headers=JSON_HEADERS,
                    # The item id traces the item through classify and notify (and
                    # spares a uuid4 per message).
                    correlation_id=item.item_id,
                    no_confirm=True,
                )
            )
        await asyncio.gather(*pending)

    async def on_startup(self) -> None:
        await ensure_service_streams(self.settings)
        await asyncio.to_thread(store.create_ingest_tables, self.engine)
        if self.settings.seed_default_feeds:
            added = await asyncio.to_thread(
                store.seed_feeds, self.engine, self.settings.default_feeds
            )
            if added:
                log.info("default feeds added", count=added)
        if self._producer is None:
            self._producer = await start_batch_producer(self.settings, client_suffix="ingest-items")
        await self.poller.start()

    async def after_startup(self) -> None:
        self._stop.clear()
        self._task = asyncio.create_task(self.poller.run(self._stop))

    async def on_shutdown(self) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task
            self._task = None
        await self.poller.aclose()
        if self._producer is not None:  # every poll has finished: nothing is in flight
            producer, self._producer = self._producer, None
            await producer.stop()

    def build_app(self) -> FastStream:
        return FastStream(
            self.broker,
            on_startup=[self.on_startup],
            after_startup=[self.after_startup],
            on_shutdown=[self.on_shutdown],
        )


def create_app(settings: IngestSettings | None = None) -> FastStream:
    settings = settings or IngestSettings()
    configure_logging(settings.log_level, json=settings.log_json)
    return IngestService(settings).build_app()
