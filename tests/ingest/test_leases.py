"""Scale-out: two ingest pollers against one database split the feeds — none polled twice.

Runs on SQLite and PostgreSQL (the ``engine`` fixture). Each poller has its own engine
(its own connection pool), as two processes would.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore
from wirewatch_ingest.poller import FeedPoller
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import make_engine

from tests.ingest.conftest import ingest_settings
from tests.ingest.support import Collector, FeedServer, Route, rss
from wirewatch.schema import upgrade

FEEDS = 40


@pytest.fixture
def db(engine: Engine) -> Engine:
    upgrade(engine)
    return engine


async def test_two_workers_poll_every_due_feed_once(db: Engine, feed_server: FeedServer) -> None:
    shared = "https://example.org/story-in-every-feed"
    for n in range(FEEDS):
        feed_server.routes[f"/f{n}"] = Route(
            200, rss([(f"own-{n}", f"Story {n}"), (shared, "Shared story")]),
            {"ETag": f'"{n}"'}, delay_s=0.02,
        )  # fmt: skip
        feedstore.add_feed(db, feed_server.url(f"/f{n}"))
    url = db.url.render_as_string(hide_password=False)
    engines = [make_engine(url), make_engine(url)]
    collectors = [Collector(), Collector()]
    settings = ingest_settings(max_concurrent_fetches=8)
    pollers = [
        FeedPoller(eng, settings, col, owner=f"worker-{i}")
        for i, (eng, col) in enumerate(zip(engines, collectors, strict=True))
    ]
    try:
        first = await asyncio.gather(*(p.run_until_idle() for p in pollers))
        assert all(outcomes for outcomes in first), "both workers took a share"
        polled = Counter(o.feed_id for outcomes in first for o in outcomes)
        assert len(polled) == FEEDS and set(polled.values()) == {1}
        assert set(feed_server.hits.values()) == {1} and len(feed_server.hits) == FEEDS
        # Every item published exactly once across both workers; identity is per feed,
        # so the shared story is one item in each feed.
        ids = collectors[0].ids + collectors[1].ids
        assert len(ids) == len(set(ids)) == 2 * FEEDS
        # Nothing is due now: another round polls nothing.
        again = await asyncio.gather(*(p.run_until_idle() for p in pollers))
        assert again == [[], []]
        # Next interval (made due now): each feed polled once more, all 304.
        feedstore.make_due(db)
        second = await asyncio.gather(*(p.run_until_idle() for p in pollers))
        polled = Counter(o.feed_id for outcomes in second for o in outcomes)
        assert len(polled) == FEEDS and set(polled.values()) == {1}
        assert {o.status for outcomes in second for o in outcomes} == {"304"}
        assert set(feed_server.hits.values()) == {2}
        feeds = feedstore.list_feeds(db)
        assert all(f.lease_owner is None and f.health == "ok" for f in feeds)
        assert all(f.next_check_at > utcnow() + timedelta(minutes=4) for f in feeds)
    finally:
        for poller in pollers:
            await poller.aclose()
        for eng in engines:
            eng.dispose()


async def test_a_dead_workers_leases_are_taken_over(db: Engine, feed_server: FeedServer) -> None:
    feed_server.routes["/f"] = Route(200, rss([("x", "X")]))
    feedstore.add_feed(db, feed_server.url("/f"))
    # A worker claims the feed and dies without recording anything.
    (lease,) = feedstore.claim_due_feeds(
        db, owner="dead", now=utcnow() + timedelta(seconds=1), limit=10, lease_s=600
    )
    poller = FeedPoller(db, ingest_settings(), Collector(), owner="alive")
    try:
        assert await poller.run_until_idle() == []  # leased: not polled
        # Time passes: the dead worker's lease runs out.
        with db.begin() as conn:
            conn.execute(update(feedstore.FEED).values(lease_until=utcnow() - timedelta(seconds=1)))
        (outcome,) = await poller.run_until_idle()
        assert outcome.feed_id == lease.id and outcome.status == "200"
        assert feedstore.list_feeds(db)[0].lease_owner is None
    finally:
        await poller.aclose()
