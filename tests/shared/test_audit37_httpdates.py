"""A ``Retry-After`` that is not ASCII digits nor an HTTP date is ignored, never an error.

HTTP header values arrive decoded as Latin-1, where the bytes 0xB2, 0xB3 and 0xB9 are the
superscript digits: ``str.isdigit`` says yes, ``float`` says no, and the ValueError ended
the poll of a feed whose server sent one (notify's retries read the same parser)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore
from wirewatch_ingest.poller import FeedPoller
from wirewatch_shared.httpdates import parse_retry_after

from tests.ingest.conftest import ingest_settings
from tests.ingest.support import Collector, FeedServer, Route, rss
from wirewatch.schema import upgrade


@pytest.mark.parametrize("value", ["\u00b2", "1\u00b3", "\u00b9\u00b2", "\u0661\u0662"])
def test_non_ascii_digits_are_not_seconds(value: str) -> None:
    assert parse_retry_after(value) is None


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.integration
async def test_a_feed_answering_with_a_superscript_retry_after_is_still_polled(
    engine: Engine, feed_server: FeedServer
) -> None:
    upgrade(engine)
    body = rss([("s1", "Charter flight lands in Tegucigalpa")])
    feed_server.routes["/f"] = Route(200, body, {"Retry-After": "\u00b2"})
    feedstore.add_feed(engine, feed_server.url("/f"))
    collector = Collector()
    poller = FeedPoller(engine, ingest_settings(), collector)
    try:
        (outcome,) = await poller.run_until_idle()
    finally:
        await poller.aclose()
    assert outcome.status == "200", outcome
    assert [i.feed_item().title for i in collector.items] == ["Charter flight lands in Tegucigalpa"]
