"""Notify's channels behind the SSRF guard: a webhook to a refused address fails for good
and disables, redirects are not followed. (The guard itself: tests/shared/test_ssrf.py.)"""

from __future__ import annotations

import pytest
from wirewatch_notify.channels.base import DeliveryRequest, PermanentDeliveryError
from wirewatch_notify.channels.http import make_http_client
from wirewatch_notify.channels.webhook import WebhookChannel

from tests.notify.support import make_settings
from tests.support.http import HttpReceiver, Reply


async def test_webhook_to_loopback_is_refused_and_disables(
    http_receiver: HttpReceiver, sqlite_url: str
) -> None:
    settings = make_settings(sqlite_url, notify_allow_private_networks=False)
    channel = WebhookChannel(make_http_client(allow_private=False), settings)
    for url in (http_receiver.url("/hook"), f"http://0x7f000001:{http_receiver.port}/hook"):
        with pytest.raises(PermanentDeliveryError) as caught:
            await channel.send(DeliveryRequest("msg_1", url, {"type": "x"}))
        assert caught.value.disable
    await channel.aclose()
    assert http_receiver.received() == []


async def test_redirects_are_not_followed(http_receiver: HttpReceiver, sqlite_url: str) -> None:
    from wirewatch_notify.channels.base import RetryableDeliveryError

    http_receiver.routes["/hook"] = Reply(302, b"", {"location": "http://169.254.169.254/"})
    settings = make_settings(sqlite_url)
    channel = WebhookChannel(make_http_client(allow_private=True), settings)
    with pytest.raises(RetryableDeliveryError, match="302"):
        await channel.send(DeliveryRequest("msg_1", http_receiver.url("/hook"), {"type": "x"}))
    await channel.aclose()
    assert len(http_receiver.received()) == 1


async def test_an_unsendable_host_form_is_a_clear_permanent_failure(
    http_receiver: HttpReceiver, sqlite_url: str
) -> None:
    """With the private allowance on, ``0177.0.0.1`` passes the address check, but httpx
    cannot send to it: the delivery fails once, clearly, and is not retried."""
    settings = make_settings(sqlite_url, notify_allow_private_networks=True)
    channel = WebhookChannel(make_http_client(allow_private=True), settings)
    url = f"http://0177.0.0.1:{http_receiver.port}/hook"
    with pytest.raises(PermanentDeliveryError, match="invalid target URL") as caught:
        await channel.send(DeliveryRequest("msg_1", url, {"type": "x"}))
    assert caught.value.disable
    await channel.aclose()
    assert http_receiver.received() == []
