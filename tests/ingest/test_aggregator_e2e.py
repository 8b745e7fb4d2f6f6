"""End to end: ONE aggregator feed brings one event from three outlets, and the story
counts three outlets (the follow-up at three outlets goes out, "also reported by" names
the other two), not one outlet (the aggregator's host).

The feed is shaped as Google News RSS is (corpus: feed-extractor/rss-feed-standard-
realworld.xml): item links on the aggregator's own host, the outlet in
``<source url="…">``, and " - Outlet" after the headline. Its three items are real items
of one story from the labelled set (tests/data/stories_dev.jsonl, each with its outlet,
link and date), served on 127.0.0.1 through the whole system (`wirewatch up`).
"""

from __future__ import annotations

import functools
import json
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

import pytest
from wirewatch_ingest import feedstore as feed_store
from wirewatch_notify import subscriptions
from wirewatch_notify.secrets import SecretBox
from wirewatch_shared.db import make_engine
from wirewatch_stories.offline import parse_published
from wirewatch_stories.store import count_stories, list_stories

from tests.stories.support import dev_rows
from tests.support.http import HttpReceiver, Reply
from tests.support.system import system_overrides
from tests.support.wait import wait_until
from wirewatch.runner import System
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

STORY_ITEMS = ("st-0010", "st-0011", "st-0013")  # three outlets, EN, EN, ES


def _aggregator_feed(rows: list[dict[str, Any]], base: str) -> bytes:
    items = []
    for row in rows:
        published = parse_published(row["published"])
        assert isinstance(published, datetime)
        site = "{0.scheme}://{0.netloc}".format(urlsplit(row["link"]))
        items.append(
            f"<item><title>{escape(row['title'])} - {escape(row['source'])}</title>"
            f"<link>{base}/rss/articles/{row['id']}</link>"
            f'<guid isPermaLink="false">{row["id"]}</guid>'
            f"<pubDate>{format_datetime(published)}</pubDate>"
            f"<description>{escape(row['summary'])}</description>"
            f"<source url={quoteattr(site)}>{escape(row['source'])}</source></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<generator>NFE/5.0</generator><title>deportation flights - Google News</title>"
        f"<link>{base}/</link><description>Google News</description>{''.join(items)}"
        "</channel></rss>"
    ).encode()


_wait = functools.partial(wait_until, timeout=90.0)


@pytest.mark.timeout(300)
async def test_one_aggregator_feed_with_three_outlets_makes_a_three_outlet_story(
    database_url: str, http_receiver: HttpReceiver, tmp_path: Path
) -> None:
    rows = {r["id"]: r for r in dev_rows()}
    story_rows = [rows[i] for i in STORY_ITEMS]
    base = http_receiver.url("").rstrip("/")
    http_receiver.routes["/news.xml"] = Reply(
        200, _aggregator_feed(story_rows, base), {"content-type": "application/rss+xml"}
    )
    http_receiver.routes["/story"] = Reply(204, b"")
    engine = make_engine(database_url)
    upgrade(engine)
    box = SecretBox(b"test-secret-key")
    topic = "repatriation-flights"
    subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(
            {"topic": topic, "channel": "webhook", "target": http_receiver.url("/story")}
        ),
        box,
    )
    system = System(system_overrides(database_url, data_dir=str(tmp_path / "data")))
    await system.start()
    try:
        assert system.notify is not None
        notify = system.notify
        feed_store.add_feed(engine, http_receiver.url("/news.xml"))

        def hooks() -> list[dict[str, Any]]:
            return [json.loads(r.body)["data"]["story"] for r in http_receiver.received("/story")]

        await _wait(lambda: count_stories(engine)[1] == 3 and notify.stories_handled >= 3)
        await _wait(lambda: any(h["event"] == "grown" for h in hooks()))
        await _wait(notify.worker.idle)

        sources = [r["source"] for r in story_rows]
        (story,) = list_stories(engine, topic=topic)
        assert sorted(story["outlets"]) == sorted(sources)
        grown = next(h for h in hooks() if h["event"] == "grown")
        assert sorted(grown["outlets"]) == sorted(sources)
        assert len(grown["also_reported_by"]) == 2
        # Each item under its own outlet, its headline without the " - Outlet" suffix.
        by_title = {i["title"]: i["outlet"] for i in grown["items"]}
        assert by_title == {r["title"]: r["source"] for r in story_rows}
    finally:
        await system.stop()
        engine.dispose()
