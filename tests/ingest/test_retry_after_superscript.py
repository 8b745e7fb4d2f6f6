"""A feed whose server answers with a superscript ``Retry-After`` is still polled: the
shared parser ignores a value that is not ASCII digits nor an HTTP date (the parser's own
cases: tests/shared/test_httpdates_non_ascii.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from tests.ingest.conftest import poll_once
from tests.ingest.support import FeedServer, Route, rss
from wirewatch.schema import upgrade


@pytest.mark.integration
async def test_a_feed_answering_with_a_superscript_retry_after_is_still_polled(
    engine: Engine, feed_server: FeedServer
) -> None:
    upgrade(engine)
    body = rss([("s1", "Charter flight lands in Tegucigalpa")])
    feed_server.routes["/f"] = Route(200, body, {"Retry-After": "\u00b2"})
    outcome, collector = await poll_once(engine, feed_server.url("/f"))
    assert outcome.status == "200", outcome
    assert [i.feed_item().title for i in collector.items] == ["Charter flight lands in Tegucigalpa"]
