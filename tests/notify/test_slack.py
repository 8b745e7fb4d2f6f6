"""Slack incoming webhooks: Block Kit, pacing, 429 + Retry-After, disabling errors, dead letters."""

from __future__ import annotations

import itertools
import json
import time

import pytest
from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.channels.slack import slack_message
from wirewatch_notify.models import DeliveryStatus
from wirewatch_notify.payloads import alert_envelope

from tests.notify.support import (
    NOW,
    classified,
    make_service,
    running_worker,
    wait_received,
    wait_until,
)
from tests.support.http import HttpReceiver, RecordedRequest, Reply


def _slack(service, url: str):  # type: ignore[no-untyped-def]
    sub = subscriptions.create_subscription(
        service.engine,
        subscriptions.parse_create(
            {"alert_mode": "item", "topic": "flights", "channel": "slack", "target": url}
        ),
        service.box,
    ).subscription
    assert sub.id is not None
    return sub


def test_block_kit_message_links_the_headline_with_source_topics_and_time() -> None:
    item = classified(
        "flights", title="Flight <lands> & departs", link="https://example.org/news/1"
    )
    message = slack_message(alert_envelope(item, item.matches, now=NOW))
    text = json.dumps(message["blocks"], ensure_ascii=False)
    assert "<https://example.org/news/1|Flight &lt;lands&gt; &amp; departs>" in text
    assert "*flights*" in text and "“Flight &lt;la”" in text
    assert "Border Desk" in text and "2024-01-01" in text
    assert message["text"].startswith("flights:")


async def test_stored_slack_url_is_encrypted_and_redacted(sqlite_url: str) -> None:
    service = make_service(sqlite_url)
    url = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXSECRET"
    sub = _slack(service, url)
    assert "SECRET" not in sub.target and "hooks.slack.com" in sub.target
    assert sub.target_encrypted and "SECRET" not in sub.target_encrypted
    assert subscriptions.target_of(sub, service.box) == url


async def test_429_waits_exactly_retry_after_and_queues_everything(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    calls: list[float] = []

    def limited_once(request: RecordedRequest) -> Reply:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Reply(429, b"rate_limited", {"retry-after": "30"})
        return Reply(200, b"ok")

    http_receiver.routes["/slack"] = limited_once
    scale = 0.02  # Retry-After: 30 -> 0.6 s
    service = make_service(sqlite_url, retry_after_scale=scale, slack_min_interval_s=0.05)
    _slack(service, http_receiver.url("/slack"))
    async with running_worker(service):
        for _ in range(3):
            await service.handle_classified(classified("flights"))
        await wait_received(http_receiver, 4, "/slack")
        await wait_until(service.worker.idle)
    waited = calls[1] - calls[0]
    assert 30 * scale <= waited < 30 * scale + 1.0, waited  # 0 sends before it elapsed
    assert len(calls) == 4  # one 429, then all three alerts: none dropped
    sent = outbox.list_deliveries(service.engine, status=DeliveryStatus.SENT)
    assert len(sent) == 3


async def test_pacing_one_message_per_interval(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    http_receiver.routes["/slack"] = Reply(200, b"ok")
    interval = 0.25
    service = make_service(sqlite_url, slack_min_interval_s=interval)
    _slack(service, http_receiver.url("/slack"))
    async with running_worker(service):
        for _ in range(4):
            await service.handle_classified(classified("flights"))
        got = await wait_received(http_receiver, 4, "/slack")
    gaps = [b.at - a.at for a, b in itertools.pairwise(got)]
    # Paced over the whole run (unpaced, the four arrive within milliseconds). Not gap by
    # gap: on a busy machine one late arrival shortens the next gap (0.216 s was seen).
    assert got[-1].at - got[0].at >= 3 * interval - 0.2, gaps


@pytest.mark.parametrize(
    ("status", "body"),
    [(410, b"channel_is_archived"), (404, b"channel_not_found"), (403, b"action_prohibited")],
)
async def test_gone_channels_disable_the_subscription_with_the_reason(
    sqlite_url: str, http_receiver: HttpReceiver, status: int, body: bytes
) -> None:
    http_receiver.routes["/slack"] = Reply(status, body)
    service = make_service(sqlite_url)
    sub = _slack(service, http_receiver.url("/slack"))
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await service.handle_classified(classified("flights"))
        await wait_until(service.worker.idle)
    stored = subscriptions.get_subscription(service.engine, sub.id)
    assert stored is not None and not stored.active
    assert body.decode() in (stored.disabled_reason or "")
    assert subscriptions.view(stored).status == "disabled"
    assert len(http_receiver.received("/slack")) == 1


async def test_invalid_payload_is_dead_lettered_without_retry(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    http_receiver.routes["/slack"] = Reply(400, b"invalid_payload")
    service = make_service(sqlite_url)
    sub = _slack(service, http_receiver.url("/slack"))
    async with running_worker(service):
        await service.handle_classified(classified("flights"))
        await wait_until(service.worker.idle)
    [dead] = outbox.list_deliveries(service.engine, status=DeliveryStatus.DEAD)
    assert dead.attempts == 1 and "invalid_payload" in (dead.last_error or "")
    assert len(http_receiver.received("/slack")) == 1
    stored = subscriptions.get_subscription(service.engine, sub.id)
    assert stored is not None and stored.active  # a bad message, not a bad channel


def _texts(block: dict[str, object]) -> list[str]:
    """The text objects' texts of one Block Kit block."""
    found = [block["text"]] if isinstance(block.get("text"), dict) else []
    found += [e for e in block.get("elements", []) if isinstance(e, dict)]  # type: ignore[attr-defined]
    return [str(t["text"]) for t in found]  # type: ignore[index]


async def test_a_route_alert_is_a_block_kit_message_slack_accepts(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    """A flight-record alert has no topic matches: its message must still have no empty
    text, which Slack refuses (``invalid_blocks``: a section's text is 1 to 3000
    characters, https://docs.slack.dev/reference/block-kit/blocks/section-block), and
    that 400 would dead-letter every route alert."""
    from datetime import UTC, datetime

    from wirewatch_shared.events import FlightRecordEvent

    service = make_service(sqlite_url)
    body: dict[str, object] = {
        "channel": "slack",
        "target": http_receiver.url("/slack"),
        "routes": [{"destination": "GT"}],
    }
    subscriptions.create_subscription(service.engine, subscriptions.parse_create(body), service.box)
    record = FlightRecordEvent(
        change="created",
        record_id="r-gt",
        version=1,
        origin="US",
        destination="GT",
        status="completed",
        source_count=1,
        updated_at=datetime.now(UTC),
    )
    async with running_worker(service):
        await service.handle_flights([record])
        [request] = await wait_received(http_receiver, 1, "/slack")
    message = json.loads(request.body)
    texts = [text for block in message["blocks"] for text in _texts(block)]
    assert texts and all(1 <= len(text) <= 3000 for text in texts), message["blocks"]
    assert message["text"].startswith("Flight US → GT"), message["text"]
