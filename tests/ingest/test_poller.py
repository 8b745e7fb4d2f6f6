"""Poller-level behaviour with a stub publish callable and a real SQLite database."""

from __future__ import annotations

from datetime import timedelta
from itertools import count

from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore, itemclaims
from wirewatch_ingest.parsepool import ParsePool
from wirewatch_shared.clock import utcnow

from tests.ingest.conftest import PollerFactory
from tests.ingest.support import Collector, FeedServer, Route, rss


def statuses(engine: Engine) -> dict[str, tuple[str, str | None, int]]:
    return {
        f.url.rsplit("/", 1)[1]: (f.health, f.last_status, f.consecutive_errors)
        for f in feedstore.list_feeds(engine)
    }


async def test_bad_feeds_stay_with_themselves(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    feed_server.routes["/good"] = Route(200, rss([("g1", "Good one"), ("g2", "Good two")]))
    feed_server.routes["/also-good"] = Route(200, rss([("h1", "Fine")]))
    feed_server.routes["/malformed"] = Route(200, b'<?xml version="1.0"?><feeed><<broken & </')
    feed_server.routes["/error"] = Route(500, b"Internal Server Error")
    feed_server.routes["/html"] = Route(
        200, b"<html><body><h1>Welcome</h1></body></html>", {"Content-Type": "text/html"}
    )
    for name in ("good", "malformed", "error", "html", "also-good"):
        feedstore.add_feed(sqlite_engine, feed_server.url(f"/{name}"))
    collector = Collector()
    outcomes = await make_poller(collector).run_until_idle()
    assert len(outcomes) == 5
    assert sorted(item.feed_item().title for item in collector.items) == [
        "Fine", "Good one", "Good two",
    ]  # fmt: skip
    got = statuses(sqlite_engine)
    assert got["good"] == ("ok", "200", 0)
    assert got["also-good"] == ("ok", "200", 0)
    assert got["error"] == ("failing", "500", 1)
    assert got["html"] == ("failing", "not-a-feed", 1)
    assert got["malformed"] == ("failing", "not-a-feed", 1)
    errors = {f.url.rsplit("/", 1)[1]: f.last_error for f in feedstore.list_feeds(sqlite_engine)}
    assert "HTTP 500" in (errors["error"] or "")
    assert errors["good"] is None


async def test_304_and_unchanged_bodies_cost_no_parse_and_publish_nothing(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    body = rss([("a", "A"), ("b", "B")])
    feed_server.routes["/etag"] = Route(200, body, {"ETag": '"v1"'})
    etags = count()
    # A server whose ETag changes on every response though the body does not.
    feed_server.routes["/fickle"] = lambda _h: Route(
        200, body.replace(b"<title>Test feed", b"<title>Fickle"),
        {"ETag": f'"e{next(etags)}"'}, honour_etag=False,
    )  # fmt: skip
    feedstore.add_feed(sqlite_engine, feed_server.url("/etag"))
    feedstore.add_feed(sqlite_engine, feed_server.url("/fickle"))
    collector = Collector()
    poller = make_poller(collector)
    parses = 0
    real_parse = poller.parse_pool.parse

    async def counting_parse(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        nonlocal parses
        parses += 1
        return await real_parse(*args, **kwargs)  # type: ignore[arg-type]

    poller.parse_pool.parse = counting_parse  # type: ignore[method-assign]
    await poller.run_until_idle()
    assert parses == 2 and len(collector.items) == 4  # opaque guids: scoped per feed
    feedstore.make_due(sqlite_engine)
    outcomes = {o.url.rsplit("/", 1)[1]: o.status for o in await poller.run_until_idle()}
    assert outcomes == {"etag": "304", "fickle": "unchanged"}
    assert parses == 2 and len(collector.items) == 4
    _, headers = [r for r in feed_server.requests if r[0] == "/fickle"][-1]
    assert headers["if-none-match"] == '"e0"'  # sent back exactly as received
    # Now the body really changes: only the new story is published.
    feed_server.routes["/etag"] = Route(
        200, rss([("a", "A"), ("b", "B"), ("c", "C")]), {"ETag": '"v2"'}
    )
    feedstore.make_due(sqlite_engine)
    await poller.run_until_idle()
    assert parses == 3
    assert [i.feed_item().title for i in collector.items[4:]] == ["C"]
    feed = feedstore.list_feeds(sqlite_engine)[0]
    assert feed.etag == '"v2"' and feed.items_seen == 3


async def test_retry_after_is_respected(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    feed_server.routes["/busy"] = Route(429, b"", {"Retry-After": "7200"})
    feed_server.routes["/down"] = Route(503, b"", {"Retry-After": "3600"})
    feedstore.add_feed(sqlite_engine, feed_server.url("/busy"))
    feedstore.add_feed(sqlite_engine, feed_server.url("/down"))
    before = utcnow()
    await make_poller(Collector(), error_backoff_base_s=60).run_until_idle()
    feeds = {f.url.rsplit("/", 1)[1]: f for f in feedstore.list_feeds(sqlite_engine)}
    assert feeds["busy"].last_status == "429"
    assert feeds["busy"].next_check_at >= before + timedelta(seconds=7200)
    assert feeds["down"].next_check_at >= before + timedelta(seconds=3600)
    assert feeds["down"].health == "failing"


async def test_cache_headers_and_ttl_delay_the_next_check(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    feed_server.routes["/cached"] = Route(200, rss([("x", "X")]), {"Cache-Control": "max-age=5000"})
    feed_server.routes["/ttl"] = Route(200, rss([("y", "Y")], extra="<ttl>180</ttl>"))
    feedstore.add_feed(sqlite_engine, feed_server.url("/cached"))
    feedstore.add_feed(sqlite_engine, feed_server.url("/ttl"))
    before = utcnow()
    await make_poller(Collector()).run_until_idle()
    feeds = {f.url.rsplit("/", 1)[1]: f for f in feedstore.list_feeds(sqlite_engine)}
    assert feeds["cached"].next_check_at >= before + timedelta(seconds=5000)
    assert feeds["ttl"].next_check_at >= before + timedelta(minutes=180)


async def test_failing_feed_backs_off_then_parks_then_recovers(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    feed_server.routes["/flaky"] = Route(500, b"no")
    feed = feedstore.add_feed(sqlite_engine, feed_server.url("/flaky"))
    poller = make_poller(Collector(), park_after_errors=3, error_backoff_base_s=100,
                         parked_interval_s=50_000)  # fmt: skip
    delays = []
    for _ in range(3):
        feedstore.make_due(sqlite_engine)
        (outcome,) = await poller.run_until_idle()
        assert outcome.next_check_at is not None
        delays.append((outcome.next_check_at - utcnow()).total_seconds())
    assert 95 < delays[0] < 101 and 195 < delays[1] < 201  # 100 s, 200 s (no jitter in tests)
    assert delays[2] > 49_000
    listed = feedstore.get_feed(sqlite_engine, feed.id or 0)
    assert listed is not None and listed.health == "parked" and listed.consecutive_errors == 3
    assert listed.parked
    feed_server.routes["/flaky"] = Route(200, rss([("r", "Recovered")]))
    feedstore.make_due(sqlite_engine)
    await poller.run_until_idle()
    listed = feedstore.get_feed(sqlite_engine, feed.id or 0)
    assert listed is not None and listed.health == "ok" and not listed.parked


async def test_publish_failure_keeps_items_for_the_next_poll(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    feed_server.routes["/f"] = Route(200, rss([("p1", "One"), ("p2", "Two")]), {"ETag": '"1"'})
    feedstore.add_feed(sqlite_engine, feed_server.url("/f"))
    collector = Collector()
    collector.fail = True
    poller = make_poller(collector)
    (outcome,) = await poller.run_until_idle()
    assert outcome.status == "deferred"
    feed = feedstore.list_feeds(sqlite_engine)[0]
    assert feed.health == "new" and feed.etag is None and feed.content_hash is None
    assert itemclaims.count_seen(sqlite_engine) == 0
    collector.fail = False
    feedstore.make_due(sqlite_engine)
    (outcome,) = await poller.run_until_idle()
    assert outcome.status == "200" and outcome.new_items == 2
    assert len(collector.items) == 2


async def test_duplicate_entries_publish_once_per_feed(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    story = "https://example.org/shared-story"
    feed_server.routes["/one"] = Route(200, rss([(story, "Shared"), (story, "Shared again")]))
    feed_server.routes["/two"] = Route(200, rss([(story, "Shared"), ("own", "Own")]))
    feedstore.add_feed(sqlite_engine, feed_server.url("/one"))
    feedstore.add_feed(sqlite_engine, feed_server.url("/two"))
    collector = Collector()
    outcomes = await make_poller(collector).run_until_idle()
    assert sorted(o.items for o in outcomes) == [2, 2]
    # Identity is scoped per feed: the shared story is one item in each feed.
    assert len(collector.ids) == len(set(collector.ids)) == 3


async def test_wrong_charset_header_end_to_end(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    body = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Gen\u00e8ve'
        "</title><item><guid>w1</guid><title>\u00c9migration \u00e0 Gen\u00e8ve</title></item>"
        "</channel></rss>"
    ).encode("iso-8859-1")
    feed_server.routes["/latin1"] = Route(200, body, {"Content-Type": "text/xml; charset=utf-8"})
    feedstore.add_feed(sqlite_engine, feed_server.url("/latin1"))
    collector = Collector()
    await make_poller(collector).run_until_idle()
    (item,) = collector.items
    assert item.feed_item().title == "\u00c9migration \u00e0 Gen\u00e8ve"
    assert feedstore.list_feeds(sqlite_engine)[0].title == "Gen\u00e8ve"


async def test_process_pool_parse(feed_server: FeedServer, sqlite_engine: Engine,
                                  make_poller: PollerFactory) -> None:  # fmt: skip
    big = rss([(f"id{i}", f"Story {i} " + "words " * 200) for i in range(30)])
    assert len(big) > 4096
    feed_server.routes["/big"] = Route(200, big)
    feedstore.add_feed(sqlite_engine, feed_server.url("/big"))
    collector = Collector()
    pool = ParsePool(1, inline_max_bytes=0)
    poller = make_poller(collector)
    poller.parse_pool = pool
    poller.processor.parse_pool = pool
    try:
        (outcome,) = await poller.run_until_idle()
    finally:
        pool.close()
    assert outcome.items == 30 and len(collector.items) == 30


async def test_served_entity_bombs_are_rejected_fast_and_small(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    import time
    import tracemalloc

    from tests.ingest.test_parsing import BILLION_LAUGHS, quadratic_blowup

    feed_server.routes["/laughs"] = Route(200, BILLION_LAUGHS, {"Content-Type": "application/xml"})
    feed_server.routes["/quadratic"] = Route(200, quadratic_blowup())
    feed_server.routes["/fine"] = Route(200, rss([("ok", "Still flowing")]))
    for name in ("laughs", "quadratic", "fine"):
        feedstore.add_feed(sqlite_engine, feed_server.url(f"/{name}"))
    collector = Collector()
    poller = make_poller(collector)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        outcomes = await poller.run_until_idle()
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    by_name = {o.url.rsplit("/", 1)[1]: o for o in outcomes}
    assert by_name["laughs"].status == "unsafe-xml"
    assert by_name["quadratic"].status == "unsafe-xml"
    assert by_name["fine"].status == "200"
    assert [i.feed_item().title for i in collector.items] == ["Still flowing"]
    assert elapsed < 5.0, elapsed  # fetch + reject + record, three feeds (slack for a loaded host)
    assert peak < 50 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


async def test_polls_are_counted_in_the_shared_metrics(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    from wirewatch_shared.metrics import REGISTRY

    def sample(name: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(name, labels) or 0.0

    before = {
        "200": sample("wirewatch_ingest_polls_total", outcome="200"),
        "304": sample("wirewatch_ingest_polls_total", outcome="304"),
        "error": sample("wirewatch_ingest_polls_total", outcome="error"),
        "new": sample("wirewatch_ingest_items_total", kind="new"),
    }
    feed_server.routes["/ok"] = Route(200, rss([("m1", "One"), ("m2", "Two")]), {"ETag": '"m"'})
    feed_server.routes["/bad"] = Route(500, b"")
    feedstore.add_feed(sqlite_engine, feed_server.url("/ok"))
    feedstore.add_feed(sqlite_engine, feed_server.url("/bad"))
    poller = make_poller(Collector())
    await poller.run_until_idle()
    feedstore.make_due(sqlite_engine)
    await poller.run_until_idle()
    assert sample("wirewatch_ingest_polls_total", outcome="200") - before["200"] == 1
    assert sample("wirewatch_ingest_polls_total", outcome="304") - before["304"] == 1
    assert sample("wirewatch_ingest_polls_total", outcome="error") - before["error"] == 2
    assert sample("wirewatch_ingest_items_total", kind="new") - before["new"] == 2


async def test_a_slow_host_does_not_hold_every_fetch_slot(
    feed_server: FeedServer, sqlite_engine: Engine, make_poller: PollerFactory
) -> None:
    """Twelve feeds of one host that answer slower than the deadline are due before a
    feed of another host (127.0.0.2, another loopback address). At most
    4 x host_max_concurrent of them take fetch slots; the rest wait for a tick, unpolled:
    the other host's feed is polled first, not after the slow host's queue."""
    good = FeedServer(host="127.0.0.2").start()
    try:
        good.routes["/good"] = Route(200, rss([("g", "Good")]))
        slow_body = rss([("s", "Slow")])
        for n in range(12):
            feed_server.routes[f"/slow{n}"] = Route(200, slow_body, trickle_s=0.05)
            feedstore.add_feed(sqlite_engine, feed_server.url(f"/slow{n}"))
        feedstore.make_due(sqlite_engine, when=utcnow() - timedelta(seconds=60))
        good_url = good.url("/good")
        feedstore.make_due(sqlite_engine, [feedstore.add_feed(sqlite_engine, good_url).id or 0])
        # At each outcome: was the good feed already requested? (Its whole poll finishing
        # first is the host's speed, not the slots': on a loaded CI host it did not.)
        requested: list[int] = []
        poller = make_poller(Collector(), max_concurrent_fetches=10, host_max_concurrent=2,
                             fetch_total_timeout_s=0.5)  # fmt: skip
        poller.on_outcome = lambda outcome: requested.append(good.hits["/good"])
        outcomes = await poller.run_until_idle()
    finally:
        good.stop()
    assert requested[0] == 1, requested  # the good feed took a slot before any slow one freed
    assert sorted(o.status for o in outcomes) == ["200"] + ["timeout"] * 12
