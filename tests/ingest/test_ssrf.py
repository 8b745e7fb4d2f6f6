"""The fetcher behind the SSRF guard: address forms, resolvers, rebinding, redirects —
with a canary that must stay silent. (The guard itself: tests/shared/test_ssrf.py.)

No packet may leave loopback here: for non-loopback forms the guard's inner network
backend is replaced by one that sends every connection it is asked to make to the
canary on 127.0.0.1 instead, so even a broken guard would only ever reach the canary.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import pytest
from wirewatch_ingest.fetcher import Fetcher, FetchError, make_http_client
from wirewatch_ingest.settings import IngestSettings
from wirewatch_shared.ssrf import acheck_url

from tests.ingest.support import Canary, FeedServer, Route, rss
from tests.support.ssrf import LOOPBACK_HOSTS, PUBLIC_IP, REFUSED_ANSWERS, REFUSED_HOSTS, FakeDns


class CanaryBackend(httpcore.AsyncNetworkBackend):
    """Connects every request to a loopback port chosen by the requested address."""

    def __init__(self, ports: dict[str, int], default_port: int) -> None:
        self.ports = ports
        self.default_port = default_port
        self.requested: list[tuple[str, int]] = []
        self._real = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.requested.append((host, port))
        target = self.ports.get(host, self.default_port)
        return await self._real.connect_tcp("127.0.0.1", target, timeout=timeout)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@pytest.fixture
def canary() -> Iterator[Canary]:
    listener = Canary()
    try:
        yield listener
    finally:
        listener.close()


def guarded_fetcher(
    backend: httpcore.AsyncNetworkBackend | None = None, resolver: Any = None
) -> Fetcher:
    settings = IngestSettings(
        ingest_allow_private_networks=False, fetch_total_timeout_s=5, fetch_connect_timeout_s=2
    )
    client = make_http_client(settings, resolver=resolver, inner_backend=backend)
    return Fetcher.from_settings(client, settings, polite=False)


@pytest.mark.parametrize("host", REFUSED_HOSTS)
async def test_refused_forms_never_connect(host: str, canary: Canary) -> None:
    backend = CanaryBackend({}, canary.port)
    fetcher = guarded_fetcher(backend)
    url = f"http://{host}:{canary.port}/feed.xml"
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(url)
    await fetcher.client.aclose()
    assert info.value.kind == "blocked", info.value
    assert backend.requested == []
    assert canary.connections == 0


@pytest.mark.parametrize("host", LOOPBACK_HOSTS)
async def test_loopback_forms_with_the_real_backend(host: str, canary: Canary) -> None:
    fetcher = guarded_fetcher()  # the real network backend: the canary is really reachable
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(f"http://{host}:{canary.port}/")
    await fetcher.client.aclose()
    assert info.value.kind == "blocked"
    assert canary.connections == 0


async def test_canary_harness_positive_control(canary: Canary) -> None:
    """A public answer is let through — and lands on the canary, proving it would notice."""
    backend = CanaryBackend({}, canary.port)
    fetcher = guarded_fetcher(backend, FakeDns({"public.example": [PUBLIC_IP]}))
    with pytest.raises(FetchError):  # the canary hangs up without answering
        await fetcher.fetch("http://public.example/feed")
    await fetcher.client.aclose()
    assert backend.requested == [(PUBLIC_IP, 80)]
    assert canary.connections == 1


@pytest.mark.parametrize(("answers", "why"), REFUSED_ANSWERS)
async def test_hostnames_resolving_to_refused_addresses(
    answers: list[str], why: str, canary: Canary
) -> None:
    backend = CanaryBackend({}, canary.port)
    dns = FakeDns({"evil.example": answers})
    fetcher = guarded_fetcher(backend, dns)
    with pytest.raises(FetchError) as info:
        await fetcher.fetch("http://evil.example/feed")
    await fetcher.client.aclose()
    assert info.value.kind == "blocked", why
    assert backend.requested == [] and canary.connections == 0


async def test_dns_rebinding_is_caught_at_connect_time(canary: Canary) -> None:
    """The up-front check sees a public address; the connect-time lookup gets a private one."""
    dns = FakeDns({"rebind.example": [[PUBLIC_IP], ["127.0.0.1"]]})
    await acheck_url("http://rebind.example/feed", dns)  # first answer: public, passes
    backend = CanaryBackend({}, canary.port)
    fetcher = guarded_fetcher(backend, dns)
    with pytest.raises(FetchError) as info:
        await fetcher.fetch("http://rebind.example/feed")
    await fetcher.client.aclose()
    assert info.value.kind == "blocked"
    assert dns.calls == ["rebind.example", "rebind.example"]
    assert backend.requested == [] and canary.connections == 0


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{canary}/latest",
        "http://2130706433:{canary}/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]:{canary}/",
        "http://internal.example:{canary}/admin",
        "file:///etc/passwd",
        "gopher://127.0.0.1:{canary}/_x",
    ],
)
async def test_redirect_to_a_private_address_is_refused(target: str, canary: Canary) -> None:
    server = FeedServer().start()
    try:
        location = target.format(canary=canary.port)
        server.routes["/feed"] = Route(302, b"", {"Location": location})
        server.routes["/ok"] = Route(200, rss([("g1", "fine")]))
        backend = CanaryBackend({PUBLIC_IP: server.port}, canary.port)
        dns = FakeDns({"feeds.example": [PUBLIC_IP], "internal.example": ["10.0.0.7"]})
        fetcher = guarded_fetcher(backend, dns)
        ok = await fetcher.fetch("http://feeds.example/ok")  # the harness works for public hosts
        assert ok.status == 200
        with pytest.raises(FetchError) as info:
            await fetcher.fetch("http://feeds.example/feed")
        await fetcher.client.aclose()
        assert info.value.kind == "blocked"
        assert server.hits["/feed"] == 1
        assert all(host == PUBLIC_IP for host, _ in backend.requested)
        assert canary.connections == 0
    finally:
        server.stop()


async def test_guard_off_allows_loopback() -> None:
    server = FeedServer().start()
    try:
        server.routes["/feed"] = Route(200, rss([("g", "t")]))
        settings = IngestSettings(ingest_allow_private_networks=True)
        async with make_http_client(settings) as client:
            result = await Fetcher.from_settings(client, settings).fetch(server.url("/feed"))
        assert result.status == 200
    finally:
        server.stop()
