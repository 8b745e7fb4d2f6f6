"""Feed text that reaches Slack, Apprise (Discord...) and email links.

Payloads are what a feed can publish and ingest keeps: ingest strips tags, then decodes
entities, so ``&lt;!channel&gt;`` in a feed title arrives as ``<!channel>``.
"""

from __future__ import annotations

import json

from apprise.plugins.discord import USER_ROLE_DETECTION_RE
from fastapi.testclient import TestClient
from wirewatch_ingest.normalize import html_to_text
from wirewatch_notify import subscriptions
from wirewatch_notify.app import NotifyService

from tests.notify.support import classified, make_service, running_worker, wait_received, wait_until
from tests.support.http import HttpReceiver

HOSTILE = html_to_text(
    "&lt;!channel&gt; &lt;http://evil.example/|Click here&gt; @everyone &lt;@123456&gt; "
    "[verify your account](http://evil.example/phish) # Big"
)


def test_ingest_keeps_the_hostile_markup_a_feed_can_send() -> None:
    assert "<!channel>" in HOSTILE and "<http://evil.example/|Click here>" in HOSTILE
    assert "@everyone" in HOSTILE and "[verify your account](http://evil.example/phish)" in HOSTILE


def _subscribe(service: NotifyService, channel: str, target: str) -> None:
    body: dict[str, object] = {"alert_mode": "item", "topic": "flights"}
    body |= {"channel": channel, "target": target}
    subscriptions.create_subscription(service.engine, subscriptions.parse_create(body), service.box)


async def test_slack_fallback_text_carries_no_mention_or_link_from_a_feed(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    """Slack parses the top-level ``text`` (the notification) as mrkdwn too: a headline's
    ``<!channel>`` there would ping the whole channel, ``<url|text>`` would be a disguised
    link. Both must arrive escaped, in the blocks and in ``text``."""
    service = make_service(sqlite_url)
    _subscribe(service, "slack", http_receiver.url("/slack"))
    async with running_worker(service):
        await service.handle_classified(classified("flights", title=HOSTILE))
        [request] = await wait_received(http_receiver, 1, "/slack")
        await wait_until(service.worker.idle)
    message = json.loads(request.body)
    for text in [message["text"], json.dumps(message["blocks"], ensure_ascii=False)]:
        assert "<!channel>" not in text and "<http://evil.example/|" not in text
        assert "<@123456>" not in text
    assert "&lt;!channel&gt;" in message["text"]


async def test_apprise_markdown_carries_no_mention_or_link_from_a_feed(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    """Apprise sends our Markdown to Discord, Teams, Telegram...: a headline must not add a
    link of its own, and no ``@everyone``/``<@id>`` Apprise's Discord plugin would turn
    into a mention (its regex takes any ``@word``)."""
    service = make_service(sqlite_url)
    _subscribe(service, "apprise", f"json://{http_receiver.host}:{http_receiver.port}/apprise")
    async with running_worker(service):
        await service.handle_classified(classified("flights", title=HOSTILE))
        [request] = await wait_received(http_receiver, 1, "/apprise")
        await wait_until(service.worker.idle)
    payload = json.loads(request.body)
    for text in (payload["title"], payload["message"]):
        mentions = [m for m in USER_ROLE_DETECTION_RE.findall(text) if m[1] or m[2]]
        assert not mentions, mentions
    for text in (payload["title"], payload["message"]):  # Discord shows both as Markdown
        assert "](http://evil.example/phish)" not in text
    assert "verify your account" in payload["message"]


def test_a_link_with_a_non_ascii_signature_is_a_404_page_not_a_server_error(
    sqlite_url: str,
) -> None:
    """``hmac.compare_digest`` raises TypeError on non-ASCII text: a hand-made link
    (``1.0.é``) naming an existing subscription must be refused, not answered with a 500."""
    from fastapi import FastAPI
    from wirewatch_notify.api import install_api

    service = make_service(sqlite_url)
    _subscribe(service, "webhook", "https://example.org/hook")
    app = FastAPI()
    install_api(app, service)
    with TestClient(app, raise_server_exceptions=False) as client:
        for method in ("GET", "POST"):
            for purpose in ("confirm", "unsubscribe"):
                reply = client.request(method, f"/api/v1/email/{purpose}/1.0.%C3%A9")
                assert reply.status_code == 404, (method, purpose, reply.status_code)
                assert "not valid" in reply.text
