"""Ingest service: a FastStream app that polls feeds and publishes new items.

Run alone with ``wirewatch ingest`` or
``faststream run wirewatch_ingest.app:create_app --factory``. Several ingest
processes may run against one database: feed leases split the work.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from faststream import FastStream
from sqlalchemy.engine import Engine
from wirewatch_shared import streams
from wirewatch_shared.events import FeedItem
from wirewatch_shared.logging import get_logger
from wirewatch_shared.producer import KeyedProducer
from wirewatch_shared.service import ServiceBase, service_app

from wirewatch_ingest import feedstore
from wirewatch_ingest.parsepool import OutgoingItem
from wirewatch_ingest.poller import FeedPoller
from wirewatch_ingest.settings import IngestSettings

log = get_logger(__name__)


class IngestService(ServiceBase[IngestSettings]):
    """Owns the broker, the poller (HTTP client, parser processes) and its loop task."""

    def __init__(self, settings: IngestSettings, engine: Engine | None = None) -> None:
        super().__init__(settings, engine, client="ingest")
        # New items go out in one record batch per partition (the one publish path).
        self.producer = KeyedProducer(settings, client_suffix="ingest-items")
        self.poller = FeedPoller(self.engine, settings, self.publish_items)
        self.run_while_up(self.poller.run)

    async def publish_items(self, items: Sequence[OutgoingItem | FeedItem]) -> None:
        """Publish every item keyed by item id; return once the broker acked them all."""
        outgoing = [
            OutgoingItem.from_item(entry) if isinstance(entry, FeedItem) else entry
            for entry in items
        ]
        if not outgoing:
            return
        records = [(item.item_id.encode(), item.payload) for item in outgoing]
        await self.producer.publish(streams.ITEMS, records)

    async def on_startup(self) -> None:
        await super().on_startup()  # the streams
        if self.settings.seed_default_feeds:
            added = await asyncio.to_thread(
                feedstore.seed_feeds, self.engine, self.settings.default_feeds
            )
            if added:
                log.info("default feeds added", count=added)
        await self.producer.start()
        await self.poller.start()

    async def on_shutdown(self) -> None:
        await super().on_shutdown()  # the poll loop has ended
        await self.poller.aclose()
        await self.producer.stop()  # every poll has finished: nothing is in flight


def create_app(settings: IngestSettings | None = None) -> FastStream:
    return service_app(IngestService, settings or IngestSettings())
