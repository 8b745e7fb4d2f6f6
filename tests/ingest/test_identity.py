"""Item identity is scoped per feed, on SQLite and PostgreSQL (the ``engine`` fixture):
a feed cannot suppress another's item by reusing its guid, and upgrading from the
unscoped ids (revision 0005) republishes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import column, table
from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore, itemclaims
from wirewatch_ingest.poller import FeedPoller
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import UtcDateTime

from tests.ingest.conftest import ingest_settings
from tests.ingest.support import Collector, FeedServer, Route, rss
from wirewatch.schema import upgrade

SHARED = "https://example.org/shared-story"


def _old_id(basis: str) -> str:
    """The id formula before revision 0006 (written out here on purpose)."""
    return hashlib.sha256(basis.encode()).hexdigest()[:32]


def _add_feed_at_0005(engine: Engine, url: str) -> int:
    """A feed row as the code of revision 0005 wrote it (the model has columns since)."""
    now = utcnow()
    feeds = table(
        "ingest_feed",
        *(column(name) for name in ("id", "url", "title", "enabled", "consecutive_errors")),
        *(column(name) for name in ("parked", "items_seen")),
        column("created_at", UtcDateTime()),
        column("next_check_at", UtcDateTime()),
    )
    values = {"url": url, "title": "", "enabled": True, "consecutive_errors": 0}
    values |= {"parked": False, "items_seen": 0, "created_at": now, "next_check_at": now}
    with engine.begin() as conn:
        return int(conn.execute(feeds.insert().values(values).returning(feeds.c.id)).scalar_one())


@asynccontextmanager
async def polling(engine: Engine, collector: Collector) -> AsyncIterator[FeedPoller]:
    """A poller on ``engine`` (the ``make_poller`` fixture's SQLite file is the
    ``engine`` fixture's, already at the newest revision)."""
    poller = FeedPoller(engine, ingest_settings(), collector)
    try:
        yield poller
    finally:
        await poller.aclose()


async def test_three_feeds_sharing_a_guid_keep_three_items(
    engine: Engine, feed_server: FeedServer
) -> None:
    upgrade(engine)
    for name in ("a", "b", "c"):
        feed_server.routes[f"/{name}"] = Route(200, rss([(SHARED, f"Shared in {name}")]))
        feedstore.add_feed(engine, feed_server.url(f"/{name}"))
    collector = Collector()
    async with polling(engine, collector) as poller:
        await poller.run_until_idle()
        assert len(collector.ids) == len(set(collector.ids)) == 3
        paths = sorted(item.feed_item().feed_url.rsplit("/", 1)[1] for item in collector.items)
        assert paths == ["a", "b", "c"]
        assert all(len(item_id) == 32 for item_id in collector.ids)
        # Re-polled (a changed body, the same entries): nothing new.
        for name in ("a", "b", "c"):
            feed_server.routes[f"/{name}"] = Route(200, rss([(SHARED, "Shared")], extra=" "))
        feedstore.make_due(engine)
        outcomes = await poller.run_until_idle()
    assert [o.new_items for o in outcomes] == [0, 0, 0] and len(collector.ids) == 3


async def test_upgrade_keeps_items_seen_under_the_old_ids(
    engine: Engine, feed_server: FeedServer
) -> None:
    upgrade(engine, "0005")  # the revision before 0006
    url = feed_server.url("/old")
    feed_server.routes["/old"] = Route(200, rss([(SHARED, "Shared"), ("opaque-1", "Opaque")]))
    feed_server.routes["/other"] = Route(200, rss([(SHARED, "Shared elsewhere")]))
    old_id = _add_feed_at_0005(engine, url)
    other_id = _add_feed_at_0005(engine, feed_server.url("/other"))
    now = utcnow()
    seen = {"first_seen_at": now, "claimed_by": "old", "claimed_at": now, "published_at": now}
    with engine.begin() as conn:  # what the old code wrote: one row per id, first feed wins
        conn.execute(
            itemclaims.SEEN.insert(),
            [
                {"item_id": _old_id(f"url:{SHARED}"), "feed_id": old_id, **seen},
                {"item_id": _old_id(f"guid:{url}\nopaque-1"), "feed_id": old_id, **seen},
            ],
        )
    upgrade(engine)
    collector = Collector()
    async with polling(engine, collector) as poller:
        await poller.run_until_idle()
        # The feed that saw both items publishes nothing again; the feed whose copy of
        # the shared story the old ids suppressed publishes it now.
        assert [item.feed_item().feed_id for item in collector.items] == [other_id]
        entries = [(SHARED, "Shared"), ("opaque-1", "Opaque"), ("opaque-2", "New")]
        feed_server.routes["/old"] = Route(200, rss(entries))
        feedstore.make_due(engine, [old_id])
        await poller.run_until_idle()
        assert len(collector.items) == 2
        new = collector.items[1].feed_item()
        assert new.title == "New" and len(new.item_id) == 32
        assert new.item_id != _old_id(f"guid:{url}\nopaque-2")
        feedstore.make_due(engine)
        outcomes = await poller.run_until_idle()
    assert [o.new_items for o in outcomes] == [0, 0] and len(collector.items) == 2


def _guidless(entries: list[tuple[str, str, str]]) -> bytes:
    """RSS whose items have no guid: (link, title, description); empty parts left out."""
    items = "".join(
        "<item>"
        + (f"<link>{link}</link>" if link else "")
        + (f"<title>{title}</title>" if title else "")
        + f"<description>{text}</description></item>"
        for link, title, text in entries
    )
    return f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


async def test_entries_sharing_a_link_or_without_any_id_are_all_published(
    engine: Engine, feed_server: FeedServer
) -> None:
    """No guid and one link for every entry (as NixOS News does: 99 items, all
    https://nixos.org/news.html), or neither guid, link, title nor date (the RSS 0.92
    spec sample): each entry is its own item, stable from poll to poll."""
    upgrade(engine)
    page = "https://example.org/news.html"
    same_link = [(page, f"Release {n}", f"Notes {n}") for n in (3, 2, 1)]
    untitled = [("", "", f"Song {n} of the day") for n in (3, 2, 1)]
    feed_server.routes["/same-link"] = Route(200, _guidless(same_link))
    feed_server.routes["/untitled"] = Route(200, _guidless(untitled))
    feedstore.add_feed(engine, feed_server.url("/same-link"))
    feedstore.add_feed(engine, feed_server.url("/untitled"))
    collector = Collector()
    async with polling(engine, collector) as poller:
        await poller.run_until_idle()
        assert len(collector.ids) == len(set(collector.ids)) == 6
        newer_link = [(page, "Release 4", ""), *same_link]
        feed_server.routes["/same-link"] = Route(200, _guidless(newer_link))
        feed_server.routes["/untitled"] = Route(200, _guidless([("", "", "Song 4"), *untitled]))
        feedstore.make_due(engine)
        outcomes = await poller.run_until_idle()
        assert sorted(o.new_items for o in outcomes) == [1, 1]
        assert {i.feed_item().title or i.feed_item().summary for i in collector.items[6:]} == {
            "Release 4", "Song 4",
        }  # fmt: skip
        feedstore.make_due(engine)
        oldest_gone = [("", "", "Song 4"), *untitled[:2]]
        feed_server.routes["/untitled"] = Route(200, _guidless(oldest_gone))
        outcomes = await poller.run_until_idle()
    assert [o.new_items for o in outcomes] == [0, 0] and len(collector.ids) == 8
