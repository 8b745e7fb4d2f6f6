"""SSRF guard: address classes, IPv4 spellings, mixed DNS answers, connect-time checks."""

from __future__ import annotations

import ipaddress

import httpx
import pytest
from wirewatch_notify.channels.base import DeliveryRequest, PermanentDeliveryError
from wirewatch_notify.channels.http import make_http_client
from wirewatch_notify.channels.webhook import WebhookChannel
from wirewatch_shared.ssrf import (
    ResolutionError,
    SsrfError,
    acheck_url,
    make_guarded_client,
    parse_ip_literal,
    refusal_reason,
)

from tests.notify.support import make_settings
from tests.support.http import HttpReceiver, Reply


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
        "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:8.8.8.8", "64:ff9b::7f00:1",
        "64:ff9b:1::1", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "192.0.2.1",
        "198.18.0.1",
    ],
)  # fmt: skip
def test_non_public_addresses_are_refused(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "spelling",
    ["2130706433", "0177.0.0.1", "0x7f000001", "127.1", "0x7f.0.0.1", "017700000001", "[::1]"],
)
def test_odd_ipv4_spellings_are_read_like_the_resolver(spelling: str) -> None:
    address = parse_ip_literal(spelling)
    assert address is not None and address.is_loopback


async def test_mixed_dns_answers_poison_the_name() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.5"]

    with pytest.raises(SsrfError, match="refused address"):
        await acheck_url("https://mixed.example/x", resolver)


async def test_unresolvable_is_a_resolution_error_not_a_refusal() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        raise ResolutionError("nxdomain")

    with pytest.raises(ResolutionError):
        await acheck_url("https://nowhere.example/x", resolver)


@pytest.mark.parametrize("url", ["ftp://example.org/", "file:///etc/passwd", "gopher://x/"])
async def test_only_http_schemes(url: str) -> None:
    with pytest.raises(SsrfError, match="http"):
        await acheck_url(url)


async def test_dns_rebinding_is_caught_at_connect_time(http_receiver: HttpReceiver) -> None:
    """The name looked public when the subscription was made; now it resolves to loopback."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    await acheck_url("http://rebind.example/hook", rebinding)  # creation: fine
    client = make_guarded_client(resolver=rebinding)
    url = f"http://rebind.example:{http_receiver.port}/hook"
    with pytest.raises(SsrfError, match="loopback"):
        await client.post(url, content=b"{}")
    await client.aclose()
    assert http_receiver.received() == []


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


def test_guarded_client_ignores_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://10.0.0.1:3128")
    client = make_guarded_client()
    assert isinstance(client, httpx.AsyncClient) and not client._mounts


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
