"""Exactly once across restarts, on SQLite and PostgreSQL (the ``database_url`` fixture).

- A crash: a process killed between claiming a poll's items and publishing them leaves
  claims that nobody confirms. The next process must publish those items once the claims
  are stale, even when the feed (body, ETag) has not changed since. The crashing ingest
  is a real child process that dies (``os._exit``) inside its publish call.
- A clean restart of the real service against the real (Tansu) broker: every item is on
  the stream once.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import timedelta

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from pydantic import ValidationError
from sqlalchemy import update
from wirewatch_ingest import feedstore, itemclaims
from wirewatch_ingest.app import IngestService
from wirewatch_ingest.parsepool import OutgoingItem
from wirewatch_ingest.poller import FeedPoller
from wirewatch_ingest.settings import IngestSettings
from wirewatch_shared import streams
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import make_engine
from wirewatch_shared.events import FeedItem

from tests.ingest.conftest import ingest_settings
from tests.ingest.support import Collector, FeedServer, Route, rss, wait_until
from wirewatch.schema import upgrade

CRASH_EXIT = 37
STALE_S = 600.0


def _poll_and_crash_while_publishing(database_url: str) -> None:
    """Child process: poll every due feed; die the moment the items are to be published."""

    async def crash(_items: Sequence[OutgoingItem]) -> None:
        os._exit(CRASH_EXIT)

    async def main() -> None:
        engine = make_engine(database_url)
        # A short lease (the parent waits for it to run out) still outlives one poll.
        settings = ingest_settings(lease_s=2.0, fetch_total_timeout_s=1.0, parse_timeout_s=0.5)
        poller = FeedPoller(engine, settings, crash)
        await poller.run_until_idle()

    asyncio.run(main())


async def test_items_claimed_by_a_crashed_process_are_published_once(
    database_url: str, feed_server: FeedServer
) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    feed_server.routes["/f"] = Route(200, rss([("c1", "One"), ("c2", "Two")]), {"ETag": '"v1"'})
    feed = feedstore.add_feed(engine, feed_server.url("/f"))
    child = multiprocessing.get_context("spawn").Process(
        target=_poll_and_crash_while_publishing, args=(database_url,)
    )
    child.start()
    await asyncio.to_thread(child.join, 60)
    assert child.exitcode == CRASH_EXIT
    assert itemclaims.count_seen(engine) == 2  # claimed, never confirmed
    wait_until(  # the dead process's lease runs out
        lambda: all(f.lease_until is None or f.lease_until < utcnow()
                    for f in feedstore.list_feeds(engine))
    )  # fmt: skip

    collector = Collector()
    poller = FeedPoller(engine, ingest_settings(seen_claim_stale_s=STALE_S), collector)
    try:
        # The restarted ingest polls while the dead process's claims are still fresh.
        (outcome,) = await poller.run_until_idle()
        assert outcome.status == "200" and collector.ids == []
        # Later, once they are stale, the same document (same body, same ETag) comes.
        with engine.begin() as conn:
            conn.execute(
                update(itemclaims.SEEN).values(claimed_at=utcnow() - timedelta(seconds=STALE_S + 1))
            )
        feedstore.make_due(engine)
        await poller.run_until_idle()
        assert sorted(i.feed_item().title for i in collector.items) == ["One", "Two"]
        feedstore.make_due(engine)
        (outcome,) = await poller.run_until_idle()
        assert outcome.status in ("304", "unchanged") and len(collector.items) == 2
    finally:
        await poller.aclose()
        engine.dispose()
    assert feed.id is not None
    stored = feedstore.get_feed(engine, feed.id)
    assert stored is not None and stored.etag == '"v1"' and stored.items_seen == 2


async def _published(bootstrap: str, prefix: str) -> Counter[bytes]:
    """Every record on the items stream whose feed URL starts with ``prefix``, read from
    the start up to the end offsets (so nothing published can be missed), by key."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [
            TopicPartition(streams.ITEMS, p)
            for p in sorted(consumer.partitions_for_topic(streams.ITEMS) or ())
        ]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        keys: Counter[bytes] = Counter()
        while [tp for tp in partitions if await consumer.position(tp) < ends[tp]]:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    try:
                        item = FeedItem.model_validate_json(record.value or b"")
                    except ValidationError:  # another test's poison record on the session broker
                        continue
                    if item.feed_url.startswith(prefix) and record.key is not None:
                        keys[record.key] += 1
        return keys
    finally:
        await consumer.stop()


async def _run_service_until(settings: IngestSettings, done: Callable[[], bool]) -> None:
    service = IngestService(settings)
    await service.on_startup()
    await service.broker.start()
    await service.after_startup()
    try:
        await asyncio.to_thread(wait_until, done, 30)
    finally:
        await service.on_shutdown()
        await service.broker.stop()


@pytest.mark.integration
async def test_a_restarted_service_publishes_each_item_once(
    kafka_bootstrap: str, database_url: str, feed_server: FeedServer
) -> None:
    """Two runs of the real service (Tansu, SQLite or PostgreSQL), the feed re-polled
    after the restart with one new entry: every item is on the stream exactly once."""
    engine = make_engine(database_url)
    upgrade(engine)
    feed_server.routes["/r"] = Route(200, rss([("r1", "One"), ("r2", "Two")]))
    feed = feedstore.add_feed(engine, feed_server.url("/r"))
    assert feed.id is not None
    settings = IngestSettings(
        kafka_bootstrap=kafka_bootstrap, database_url=database_url, parse_workers=0,
        ingest_allow_private_networks=True, seed_default_feeds=False, poll_tick_s=0.05,
        host_min_gap_s=0,
    )  # fmt: skip

    def seen(count: int) -> Callable[[], bool]:
        def check() -> bool:
            stored = feedstore.get_feed(engine, feed.id or 0)
            return stored is not None and stored.items_seen == count and not stored.lease_owner

        return check

    try:
        await _run_service_until(settings, seen(2))
        feed_server.routes["/r"] = Route(200, rss([("r3", "Three"), ("r1", "One"), ("r2", "Two")]))
        feedstore.make_due(engine)
        await _run_service_until(settings, seen(3))
        keys = await _published(kafka_bootstrap, feed_server.url("/"))
    finally:
        engine.dispose()
    assert sorted(keys.values()) == [1, 1, 1]
