"""Apprise: any HTTP-based Apprise URL, SSRF-guarded at connect time, failures retried."""

from __future__ import annotations

import json

import pytest
from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.channels.apprise_channel import AppriseChannel
from wirewatch_notify.channels.base import (
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)
from wirewatch_notify.models import DeliveryStatus
from wirewatch_notify.payloads import alert_envelope
from wirewatch_notify.secrets import SecretBox

from tests.notify.support import (
    NOW,
    classified,
    make_service,
    make_settings,
    running_worker,
    wait_received,
    wait_until,
)
from tests.support.http import HttpReceiver, Reply


def _json_url(receiver: HttpReceiver, path: str = "/apprise") -> str:
    return f"json://{receiver.host}:{receiver.port}{path}"


async def test_apprise_json_url_delivers_through_the_worker(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    service = make_service(sqlite_url)
    sub = subscriptions.create_subscription(
        service.engine,
        subscriptions.parse_create(
            {
                "alert_mode": "item",
                "topic": "flights",
                "channel": "apprise",
                "target": _json_url(http_receiver),
            }
        ),
        service.box,
    ).subscription
    assert sub.target == "json://…" and sub.target_encrypted
    async with running_worker(service):
        await service.handle_classified(classified("flights", title="Charter lands"))
        [request] = await wait_received(http_receiver, 1, "/apprise")
        await wait_until(service.worker.idle)
    payload = json.loads(request.body)
    assert "Charter lands" in payload["title"] and "flights" in payload["message"]
    [row] = outbox.list_deliveries(service.engine)
    assert row.status == DeliveryStatus.SENT


async def test_apprise_failure_is_retryable(sqlite_url: str, http_receiver: HttpReceiver) -> None:
    http_receiver.routes["/apprise"] = Reply(500, b"down")
    channel = AppriseChannel(make_settings(sqlite_url))
    item = classified("flights")
    with pytest.raises(RetryableDeliveryError):
        await channel.send(
            DeliveryRequest(
                "msg_1", _json_url(http_receiver), alert_envelope(item, item.matches, now=NOW)
            )
        )


async def test_apprise_to_a_private_address_is_refused_at_connect_time(
    sqlite_url: str, http_receiver: HttpReceiver
) -> None:
    channel = AppriseChannel(make_settings(sqlite_url, notify_allow_private_networks=False))
    item = classified("flights")
    with pytest.raises(PermanentDeliveryError, match="refused") as caught:
        await channel.send(
            DeliveryRequest(
                "msg_1", _json_url(http_receiver), alert_envelope(item, item.matches, now=NOW)
            )
        )
    assert caught.value.disable
    assert http_receiver.received() == []


@pytest.mark.parametrize(
    "url", ["mailto://user:pw@example.org", "syslog://", "xmpp://u:p@example.org", "nope://x"]
)
def test_non_http_or_unknown_apprise_schemes_are_refused(sqlite_url: str, url: str) -> None:
    from wirewatch_shared.db import make_engine

    from wirewatch.schema import upgrade

    engine = make_engine(sqlite_url)
    upgrade(engine)
    with pytest.raises(subscriptions.SubscriptionError):
        subscriptions.create_subscription(
            engine,
            subscriptions.parse_create(
                {"alert_mode": "item", "topic": "t", "channel": "apprise", "target": url}
            ),
            SecretBox(b"k"),
        )
