"""Exactly once across a crash: a process killed between claiming a poll's items and
publishing them leaves claims that nobody confirms. The next process must publish those
items once the claims are stale, even when the feed (body, ETag) has not changed since.

Runs on SQLite and PostgreSQL (the ``database_url`` fixture); the crashing ingest is a
real child process that dies (``os._exit``) inside its publish call.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import update
from wirewatch_ingest import feedstore
from wirewatch_ingest.parsepool import OutgoingItem
from wirewatch_ingest.poller import FeedPoller
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import make_engine

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
        poller = FeedPoller(engine, ingest_settings(lease_s=0.5), crash)
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
    assert feedstore.count_seen(engine) == 2  # claimed, never confirmed
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
                update(feedstore.SEEN).values(claimed_at=utcnow() - timedelta(seconds=STALE_S + 1))
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
