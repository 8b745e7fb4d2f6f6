"""End to end: one event from three outlets, in English and Spanish, through the whole system.

`wirewatch up` (System) runs against its own embedded broker; three feeds (three
outlets, real items of one story from the labelled set) are added one after the
other. A story-mode webhook and a story-mode email subscription each get **one**
alert when the story opens and **one** follow-up when it reaches three outlets; an
item-mode webhook gets one alert per item, as before. The read API shows the story.
"""

from __future__ import annotations

import functools
import json
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx
import pytest
from wirewatch_ingest import feedstore as feed_store
from wirewatch_notify import subscriptions
from wirewatch_notify.secrets import SecretBox
from wirewatch_shared.db import make_engine
from wirewatch_stories.offline import parse_published
from wirewatch_stories.store import count_stories, list_stories

from tests.stories.support import dev_rows
from tests.support.http import HttpReceiver, Reply
from tests.support.smtp import SmtpSink
from tests.support.system import system_overrides
from tests.support.wait import wait_until
from wirewatch.runner import System
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

STORY_ITEMS = ("st-0010", "st-0011", "st-0013")  # EN (NYT via a mirror), EN, ES


def _feed(row: dict[str, Any]) -> bytes:
    published = parse_published(row["published"])
    assert isinstance(published, datetime)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{escape(row["source"])}</title>
<link>{escape(row["link"])}</link><description>d</description><language>{row["lang"]}</language>
<item><title>{escape(row["title"])}</title><link>{escape(row["link"])}</link>
<guid>{escape(row["link"])}</guid><description>{escape(row["summary"])}</description>
<pubDate>{format_datetime(published)}</pubDate></item>
</channel></rss>""".encode()


_wait = functools.partial(wait_until, timeout=60.0)


def _subscribe(engine: Any, box: SecretBox, **data: Any) -> int:
    created = subscriptions.create_subscription(engine, subscriptions.parse_create(data), box)
    assert created.subscription.id is not None
    return created.subscription.id


@pytest.mark.timeout(300)
async def test_one_story_alert_per_subscription_and_one_follow_up_at_three_outlets(
    database_url: str, smtp_server: SmtpSink, http_receiver: HttpReceiver, tmp_path: Path
) -> None:
    rows = {r["id"]: r for r in dev_rows()}
    story_rows = [rows[i] for i in STORY_ITEMS]
    for n, row in enumerate(story_rows):
        http_receiver.routes[f"/feed{n}.xml"] = Reply(
            200, _feed(row), {"content-type": "application/rss+xml"}
        )
    for path in ("/story", "/item"):
        http_receiver.routes[path] = Reply(204, b"")
    engine = make_engine(database_url)
    upgrade(engine)
    box = SecretBox(b"test-secret-key")
    topic = "repatriation-flights"
    _subscribe(engine, box, topic=topic, channel="webhook", target=http_receiver.url("/story"))
    _subscribe(engine, box, topic=topic, channel="email", target="desk@example.org")
    item_sub = _subscribe(
        engine, box, topic=topic, channel="webhook", target=http_receiver.url("/item"),
        alert_mode="item",
    )  # fmt: skip
    system = System(system_overrides(database_url, smtp_server, data_dir=str(tmp_path / "data")))
    await system.start()
    try:
        assert system.notify is not None and system.stories is not None
        notify, stories = system.notify, system.stories

        def settled(items: int) -> bool:
            return (
                count_stories(engine)[1] == items
                and notify.stories_handled >= items
                and len(http_receiver.received("/item")) == items
                and notify.worker.idle()
            )

        for n in range(3):
            feed_store.add_feed(engine, http_receiver.url(f"/feed{n}.xml"))
            await _wait(lambda n=n: settled(n + 1))  # type: ignore[misc]
            expected = 1 if n < 2 else 2  # the opening alert, then the follow-up at 3 outlets
            await _wait(lambda e=expected: len(http_receiver.received("/story")) == e)
            await _wait(lambda e=expected: len(smtp_server.messages) == e)
        await _wait(notify.worker.idle)

        assert count_stories(engine) == (1, 3)  # one story for the three outlets
        story_hooks = [json.loads(r.body) for r in http_receiver.received("/story")]
        opened, grown = (h["data"]["story"] for h in story_hooks)
        assert opened["event"] == "opened" and grown["event"] == "grown"
        assert opened["id"] == grown["id"]
        assert [i["outlet"] for i in grown["items"]] == [r["source"] for r in story_rows]
        assert len(grown["outlets"]) == 3 and set(grown["languages"]) == {"en", "es"}
        assert grown["also_reported_by"]
        first = grown["items"][0]
        assert {"outlet", "title", "link", "language", "published"} <= set(first)
        mails = [m.message for m in smtp_server.messages]
        assert all(m["To"] == "desk@example.org" for m in mails)
        assert "Update, 3 outlets" in mails[1]["Subject"]
        body = mails[1].get_body(("plain",))
        assert body is not None
        assert "Also reported by" in body.get_content()
        items = [json.loads(r.body) for r in http_receiver.received("/item")]
        assert [i["data"].get("story") for i in items] == [None] * 3  # item mode unchanged
        assert sorted(i["data"]["item"]["title"] for i in items) == sorted(
            r["title"] for r in story_rows
        )
        assert item_sub

        async with httpx.AsyncClient(base_url=system.url) as client:
            listed = (await client.get("/api/v1/stories", params={"topic": topic})).json()
            assert [s["id"] for s in listed] == [opened["id"]]
            one = (await client.get(f"/api/v1/stories/{opened['id']}")).json()
            assert one["item_count"] == 3 and len(one["items"]) == 3
            assert (await client.get("/api/v1/stories/st_0000000000000000")).status_code == 404
        assert list_stories(engine, topic="no-such-topic") == []
        assert stories.handled >= 3
    finally:
        await system.stop()
        engine.dispose()
