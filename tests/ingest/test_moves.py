"""Permanent redirects: a feed answered with 301/308 (to a URL that serves the feed) in
MOVE_AFTER_POLLS polls in a row takes the new URL, keeps its id and its items' ids (no
re-alerts), and logs one line; 302/307, a failed poll in between, a target that is not
a feed, a target already another feed's, and a target the SSRF guard refuses never move
it. Real HTTP servers on 127.0.0.1, SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
import structlog
from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore, processor
from wirewatch_ingest.fetcher import Fetcher, make_http_client
from wirewatch_ingest.models import Feed
from wirewatch_ingest.parsing import parse_feed
from wirewatch_ingest.poller import FeedPoller
from wirewatch_ingest.processor import MOVE_AFTER_POLLS
from wirewatch_shared.clock import utcnow

from tests.ingest.conftest import PollerFactory, ingest_settings
from tests.ingest.support import Collector, FeedServer, Route, rss
from tests.ingest.test_ssrf import CanaryBackend
from tests.support.ssrf import PUBLIC_IP
from wirewatch.schema import upgrade

FEED = rss([("g1", "Flight lands"), ("g2", "Second flight")])


@pytest.fixture
def fresh_log(monkeypatch: pytest.MonkeyPatch) -> None:
    """A processor logger not cached yet: one an earlier test bound
    (``cache_logger_on_first_use``) would bypass ``capture_logs``."""
    monkeypatch.setattr(processor, "log", structlog.get_logger(processor.__name__))


@pytest.fixture
def engine(engine: Engine) -> Engine:
    """The suite's engine, upgraded."""
    upgrade(engine)
    return engine


def _feed(engine: Engine, feed_id: int) -> Feed:
    feed = feedstore.get_feed(engine, feed_id)
    assert feed is not None
    return feed


async def _polls(poller: FeedPoller, engine: Engine, times: int) -> list[Any]:
    outcomes = []
    for _ in range(times):
        feedstore.make_due(engine)
        outcomes += await poller.run_until_idle()
    return outcomes


@pytest.mark.usefixtures("fresh_log")
@pytest.mark.parametrize("status", [301, 308])
async def test_a_feed_moved_for_good_takes_its_new_url_and_keeps_its_items(
    status: int, feed_server: FeedServer, engine: Engine, make_poller: PollerFactory
) -> None:
    old, new = feed_server.url("/old.xml"), feed_server.url("/new.xml")
    feed_server.routes["/old.xml"] = Route(status, b"", {"Location": "/new.xml"})
    feed_server.routes["/new.xml"] = Route(200, FEED, {"ETag": '"v1"'})
    feed_id = feedstore.add_feed(engine, old).id
    assert feed_id is not None
    collector = Collector()
    poller = make_poller(collector, engine=engine)
    with structlog.testing.capture_logs() as logs:
        await _polls(poller, engine, MOVE_AFTER_POLLS - 1)
        assert _feed(engine, feed_id).url == old  # not yet: the move must be consistent
        await _polls(poller, engine, 1)
    feed = _feed(engine, feed_id)
    assert (feed.url, feed.id_url, feed.moved_to, feed.moved_to_polls) == (new, old, None, 0)
    moves = [line for line in logs if line["event"] == "feed moved"]
    assert [(m["feed_id"], m["old_url"], m["new_url"]) for m in moves] == [(feed_id, old, new)]
    first_ids = sorted(collector.ids)
    assert len(first_ids) == 2

    # From now on the new URL is asked directly, the old one never again; the two items
    # keep their ids (not published again) and a third is published once.
    old_hits = feed_server.hits["/old.xml"]
    feed_server.routes["/new.xml"] = Route(
        200, rss([("g1", "Flight lands"), ("g2", "Second flight"), ("g3", "Third")])
    )
    await _polls(poller, engine, 2)
    assert feed_server.hits["/old.xml"] == old_hits
    assert len(collector.ids) == 3
    assert set(first_ids) < set(collector.ids)
    third = collector.items[-1].feed_item()
    assert (third.title, third.feed_id, third.feed_url) == ("Third", feed_id, new)
    assert _feed(engine, feed_id).items_seen == 3


async def test_an_item_id_after_a_move_is_the_one_before_it(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    """The same entry gets one id, whether the feed is at its first URL or has moved
    (a fresh database each time: nothing is recognised, the ids are computed)."""
    feed_server.routes["/a.xml"] = Route(200, FEED)
    feed_server.routes["/b.xml"] = Route(301, b"", {"Location": "/a.xml"})
    collector = Collector()
    poller = make_poller(collector)
    feedstore.add_feed(sqlite_engine, feed_server.url("/b.xml"))
    await _polls(poller, sqlite_engine, MOVE_AFTER_POLLS)
    (feed,) = feedstore.list_feeds(sqlite_engine)
    assert feed.url == feed_server.url("/a.xml")
    before = parse_feed(FEED, feed_id=1, feed_url=feed_server.url("/b.xml"), fetched_at=utcnow())
    after = parse_feed(FEED, feed_id=1, feed_url=feed.url, fetched_at=utcnow(), id_url=feed.id_url)
    assert [i.item_id for i in before.items] == [i.item_id for i in after.items]
    assert sorted(collector.ids) == sorted(i.item_id for i in before.items)


@pytest.mark.parametrize("status", [302, 303, 307])
async def test_temporary_redirects_never_move_a_feed(
    status: int, feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    feed_server.routes["/old.xml"] = Route(status, b"", {"Location": "/new.xml"})
    feed_server.routes["/new.xml"] = Route(200, FEED)
    feed_id = feedstore.add_feed(sqlite_engine, feed_server.url("/old.xml")).id
    assert feed_id is not None
    await _polls(make_poller(Collector()), sqlite_engine, MOVE_AFTER_POLLS + 1)
    feed = _feed(sqlite_engine, feed_id)
    assert (feed.url, feed.moved_to, feed.id_url) == (feed_server.url("/old.xml"), None, None)
    assert feed_server.hits["/old.xml"] == MOVE_AFTER_POLLS + 1


async def test_a_permanent_redirect_then_a_temporary_one_moves_to_the_permanent_target(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    feed_server.routes["/old.xml"] = Route(301, b"", {"Location": "/canonical.xml"})
    feed_server.routes["/canonical.xml"] = Route(302, b"", {"Location": "/today.xml"})
    feed_server.routes["/today.xml"] = Route(200, FEED)
    feed_id = feedstore.add_feed(sqlite_engine, feed_server.url("/old.xml")).id
    assert feed_id is not None
    await _polls(make_poller(Collector()), sqlite_engine, MOVE_AFTER_POLLS)
    assert _feed(sqlite_engine, feed_id).url == feed_server.url("/canonical.xml")


async def test_a_failed_poll_or_a_target_that_is_no_feed_starts_the_count_over(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    feed_server.routes["/old.xml"] = Route(301, b"", {"Location": "/new.xml"})
    feed_server.routes["/new.xml"] = Route(200, FEED)
    feed_server.routes["/html-old"] = Route(301, b"", {"Location": "/page"})
    feed_server.routes["/page"] = Route(
        200, b"<html><body>Moved</body></html>", {"Content-Type": "text/html"}
    )
    flaky_id = feedstore.add_feed(sqlite_engine, feed_server.url("/old.xml")).id
    html_id = feedstore.add_feed(sqlite_engine, feed_server.url("/html-old")).id
    assert flaky_id is not None and html_id is not None
    poller = make_poller(Collector())
    await _polls(poller, sqlite_engine, MOVE_AFTER_POLLS - 1)
    assert _feed(sqlite_engine, flaky_id).moved_to_polls == MOVE_AFTER_POLLS - 1
    feed_server.routes["/new.xml"] = Route(500, b"down")
    await _polls(poller, sqlite_engine, 1)
    feed_server.routes["/new.xml"] = Route(200, FEED)
    await _polls(poller, sqlite_engine, MOVE_AFTER_POLLS - 1)
    flaky = _feed(sqlite_engine, flaky_id)
    assert (flaky.url, flaky.moved_to_polls) == (
        feed_server.url("/old.xml"),
        MOVE_AFTER_POLLS - 1,
    )
    html = _feed(sqlite_engine, html_id)
    assert (html.url, html.moved_to, html.last_status) == (
        feed_server.url("/html-old"),
        None,
        "not-a-feed",
    )


@pytest.mark.usefixtures("fresh_log")
async def test_a_target_that_is_already_another_feed_is_not_taken(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    feed_server.routes["/old.xml"] = Route(301, b"", {"Location": "/new.xml"})
    feed_server.routes["/new.xml"] = Route(200, FEED)
    old_id = feedstore.add_feed(sqlite_engine, feed_server.url("/old.xml")).id
    feedstore.add_feed(sqlite_engine, feed_server.url("/new.xml"))
    assert old_id is not None
    with structlog.testing.capture_logs() as logs:
        await _polls(make_poller(Collector()), sqlite_engine, MOVE_AFTER_POLLS)
    assert _feed(sqlite_engine, old_id).url == feed_server.url("/old.xml")
    refused = [line for line in logs if line["event"].startswith("feed not moved")]
    assert len(refused) == 1 and refused[0]["new_url"] == feed_server.url("/new.xml")


async def test_a_move_to_an_address_the_guard_refuses_never_happens(
    feed_server: FeedServer, sqlite_engine: Engine
) -> None:
    """Guard on: the feed is on a public address (routed to 127.0.0.1 by the test's
    network backend), its 301 points at a loopback address; the fetch is refused and
    the feed keeps its URL."""
    target = feed_server.url("/new.xml")  # http://127.0.0.1:port/new.xml
    feed_server.routes["/old.xml"] = Route(301, b"", {"Location": target})
    feed_server.routes["/new.xml"] = Route(200, FEED)
    feed_id = feedstore.add_feed(sqlite_engine, f"http://{PUBLIC_IP}/old.xml").id
    assert feed_id is not None
    backend = CanaryBackend({PUBLIC_IP: feed_server.port}, feed_server.port)
    settings = ingest_settings(ingest_allow_private_networks=False)
    poller = FeedPoller(sqlite_engine, settings, Collector(), inner_backend=backend)
    try:
        outcomes = await _polls(poller, sqlite_engine, MOVE_AFTER_POLLS + 1)
    finally:
        await poller.aclose()
    assert {o.status for o in outcomes} == {"blocked"}
    feed = _feed(sqlite_engine, feed_id)
    assert (feed.url, feed.moved_to, feed.id_url) == (f"http://{PUBLIC_IP}/old.xml", None, None)
    assert feed_server.hits["/old.xml"] == MOVE_AFTER_POLLS + 1
    assert feed_server.hits["/new.xml"] == 0


async def test_the_fetcher_reports_only_permanent_moves(feed_server: FeedServer) -> None:
    feed_server.routes["/feed"] = Route(200, FEED)
    feed_server.routes["/p1"] = Route(301, b"", {"Location": "/p2"})
    feed_server.routes["/p2"] = Route(308, b"", {"Location": "/feed"})
    feed_server.routes["/t1"] = Route(307, b"", {"Location": "/p2"})
    feed_server.routes["/mixed"] = Route(301, b"", {"Location": "/t2"})
    feed_server.routes["/t2"] = Route(302, b"", {"Location": "/feed"})
    settings = ingest_settings()
    async with make_http_client(settings) as client:
        fetcher = Fetcher.from_settings(client, settings, polite=False)
        got = {p: (await fetcher.fetch(feed_server.url(p))).moved_to for p in feed_server.routes}
    assert got == {
        "/feed": None,
        "/p1": feed_server.url("/feed"),  # 301 then 308: both permanent
        "/p2": feed_server.url("/feed"),
        "/t1": None,  # a temporary first hop: whatever follows is not the feed's address
        "/mixed": feed_server.url("/t2"),  # as far as the permanent redirects go
        "/t2": None,
    }
