"""End to end over the real broker, a real SMTP server and a real HTTP receiver.

A local HTTP server serves an RSS feed with one repatriation-flight item, one
border-policy item and one unrelated item (plus three broken feeds); with the
whole system running, the webhook receiver and the SMTP server get exactly the
two matching alerts, the broken feeds are marked unhealthy, and restarting
notify and replaying the classified messages sends nothing twice.
"""

from __future__ import annotations

import functools
import json
import time
from pathlib import Path

import pytest
from wirewatch_ingest import feedstore as feed_store
from wirewatch_notify import subscriptions
from wirewatch_notify.app import NotifyService
from wirewatch_notify.secrets import SecretBox
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine

from tests.support.http import HttpReceiver, Reply
from tests.support.smtp import SmtpSink
from tests.support.streams import read_stream_to_end
from tests.support.system import system_overrides
from tests.support.wait import wait_until
from wirewatch.runner import System
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Border Desk</title><link>http://example.org/</link><description>t</description>
<language>en</language>
<item><title>Deportation flight carrying 130 Venezuelan migrants lands in Caracas</title>
<link>http://example.org/news/flights</link><guid>http://example.org/news/flights</guid>
<description>&lt;p&gt;The charter flight from Texas landed on Tuesday afternoon,
officials said.&lt;/p&gt;</description>
<pubDate>Tue, 10 Oct 2023 14:00:00 GMT</pubDate></item>
<item><title>New asylum rules take effect as Title 42 border policy ends</title>
<link>http://example.org/news/asylum</link><guid>http://example.org/news/asylum</guid>
<description>Migrants who cross the border without authorisation will face stricter
asylum restrictions under the new rule, DHS said.</description>
<pubDate>Thu, 11 May 2023 23:59:00 GMT</pubDate></item>
<item><title>Local bakery wins national bread award</title>
<link>http://example.org/news/bread</link><guid>http://example.org/news/bread</guid>
<description>The sourdough was praised by the judges.</description>
<pubDate>Fri, 12 May 2023 08:00:00 GMT</pubDate></item>
</channel></rss>"""

# Broken XML that yields no entries (a truncated download).
MALFORMED = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Half a feed</ti'
HTML_PAGE = b"<!doctype html><html><head><title>Not a feed</title></head><body>hi</body></html>"


def _serve_feeds(receiver: HttpReceiver) -> None:
    receiver.routes["/feed.xml"] = Reply(
        200, FEED.encode(), {"content-type": "application/rss+xml"}
    )
    receiver.routes["/broken.xml"] = Reply(200, MALFORMED, {"content-type": "application/xml"})
    receiver.routes["/error.xml"] = Reply(500, b"boom")
    receiver.routes["/page.html"] = Reply(200, HTML_PAGE, {"content-type": "text/html"})
    receiver.routes["/hook"] = Reply(204, b"")


_wait = functools.partial(wait_until, timeout=20.0)


async def test_feed_to_webhook_and_email_exactly_once(
    database_url: str, smtp_server: SmtpSink, http_receiver: HttpReceiver, tmp_path: Path
) -> None:
    _serve_feeds(http_receiver)
    overrides = system_overrides(database_url, smtp_server, retry_schedule_s=[0.5, 1, 2])
    engine = make_engine(database_url)
    upgrade(engine)
    upgrade(engine)
    box = SecretBox(b"test-secret-key")
    hook = subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(
            {
                "topic": "repatriation-flights",
                "channel": "webhook",
                "target": http_receiver.url("/hook"),
                "min_score": 0.3,
            }
        ),
        box,
    )
    subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(
            {"topic": "border-policy", "channel": "email", "target": "desk@example.org"}
        ),
        box,
    )
    system = System(overrides, serve_http=False)
    await system.start()
    try:
        started = time.monotonic()
        # Feeds are added while the system runs, as a user would.
        good = feed_store.add_feed(engine, http_receiver.url("/feed.xml"))
        bad = [
            feed_store.add_feed(engine, http_receiver.url(p))
            for p in ("/broken.xml", "/error.xml", "/page.html")
        ]

        await _wait(
            lambda: len(http_receiver.received("/hook")) >= 1 and len(smtp_server.messages) >= 1
        )
        latency = time.monotonic() - started
        print(f"\nend-to-end alert latency: {latency:.2f} s")

        # Give any wrong extra alert the chance to show up before asserting "exactly".
        await _wait(lambda: all(f.last_attempt_at for f in feed_store.list_feeds(engine)))
        assert system.notify is not None
        await _wait(lambda: system.notify.worker.idle())  # type: ignore[union-attr]

        hooks = http_receiver.received("/hook")
        assert len(hooks) == 1
        payload = json.loads(hooks[0].body)
        assert payload["type"] == "wirewatch.alert.v1"
        assert payload["data"]["item"]["title"].startswith("Deportation flight carrying 130")
        [match] = payload["data"]["matches"]
        assert match["topic"] == "repatriation-flights"
        assert match["evidence"], "alerts carry the evidence"
        assert hooks[0].headers["webhook-signature"].startswith("v1,")
        assert hook.webhook_secret is not None

        assert len(smtp_server.messages) == 1
        mail = smtp_server.messages[0].message
        assert mail["To"] == "desk@example.org"
        assert "Title 42" in mail["Subject"]
        body = mail.get_body(("plain",))
        assert body is not None
        assert "border-policy" in body.get_content()

        # Only the broken feeds are unhealthy.
        feeds = {f.id: f for f in feed_store.list_feeds(engine)}
        assert feeds[good.id].consecutive_errors == 0 and feeds[good.id].items_seen == 3
        for feed in bad:
            assert feeds[feed.id].consecutive_errors >= 1, feeds[feed.id]
            assert feeds[feed.id].last_error

        # Restart notify and replay every classified message: nothing is sent twice.
        assert system.notify is not None
        notify_app = system.apps[1]
        await notify_app.stop()
        bootstrap = str(system.overrides["kafka_bootstrap"])
        replay = [(r.key, r.value) for r in read_stream_to_end(bootstrap, streams.CLASSIFIED)]
        assert len(replay) == 3
        # As the runner builds each service: pydantic validates the plain overrides map.
        settings = NotifySettings(**overrides, kafka_bootstrap=bootstrap)  # type: ignore[arg-type]
        fresh = NotifyService(settings, engine)
        fresh_app = fresh.build_app()
        await fresh_app.start()
        try:
            for key, value in replay:
                await fresh.broker.publish(value, streams.CLASSIFIED, key=key)
            await _wait(lambda: fresh.handled >= len(replay))
            await _wait(fresh.worker.idle)
            assert len(http_receiver.received("/hook")) == 1
            assert len(smtp_server.messages) == 1
        finally:
            await fresh_app.stop()
            system.apps.remove(notify_app)
    finally:
        await system.stop()
        engine.dispose()
