"""SSRF guard: address forms, resolvers, rebinding, redirects — with a canary that must stay silent.

No packet may leave loopback here: for non-loopback forms the guard's inner network
backend is replaced by one that sends every connection it is asked to make to the
canary on 127.0.0.1 instead, so even a broken guard would only ever reach the canary.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import httpcore
import pytest
from wirewatch_ingest.fetcher import Fetcher, FetchError, make_http_client
from wirewatch_ingest.settings import IngestSettings
from wirewatch_shared.ssrf import (
    SsrfError,
    acheck_url,
    check_url,
    parse_ip_literal,
    refusal_reason,
)

from tests.ingest.support import Canary, FeedServer, Route, rss

PUBLIC_IP = "93.184.216.34"

REFUSED_HOSTS = [
    # loopback, every spelling a resolver accepts
    "127.0.0.1", "127.0.0.2", "127.255.255.254", "2130706433", "0x7f000001", "0x7f.0.0.1",
    "0177.1", "127.1", "127.0.1", "017700000001", "[::1]", "[0:0:0:0:0:0:0:1]",
    "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "localhost", "localhost.", "LOCALHOST",
    # unspecified
    "0.0.0.0", "0", "[::]",
    # link-local, cloud metadata
    "169.254.169.254", "2852039166", "[::ffff:169.254.169.254]", "[fe80::1]",
    # private
    "10.0.0.1", "10.255.255.255", "0xa000001", "172.16.0.1", "172.31.255.254", "192.168.0.1",
    "192.168.1.1",
    # CGNAT
    "100.64.0.1", "100.127.255.254",
    # IPv6 unique-local and site-local
    "[fc00::1]", "[fd12:3456:789a::1]", "[fec0::1]",
    # multicast
    "224.0.0.1", "239.255.255.250", "[ff02::1]",
    # reserved / broadcast / this network
    "240.0.0.1", "255.255.255.255", "0.1.2.3",
    # NAT64, IPv4-compatible, 6to4 and Teredo wrappings
    "[64:ff9b::7f00:1]", "[64:ff9b::a00:1]", "[64:ff9b:1::1]", "[::127.0.0.1]", "[::a00:1]",
    "[2002:7f00:1::1]", "[2002:a00:1::]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
    # documentation, benchmarking, protocol assignments
    "192.0.2.1", "198.51.100.1", "203.0.113.1", "[2001:db8::1]", "198.18.0.1", "192.0.0.1",
]  # fmt: skip

LOOPBACK_HOSTS = [
    "127.0.0.1", "2130706433", "0x7f000001", "0x7f.0.0.1", "127.1", "0177.1", "[::ffff:127.0.0.1]",
    "localhost", "localhost.",
]  # fmt: skip


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


class FakeDns:
    """An injectable resolver; a list of answer lists is served one per call (rebinding)."""

    def __init__(self, answers: dict[str, list[str] | list[list[str]]]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    async def __call__(self, host: str, port: int) -> Sequence[str]:
        self.calls.append(host)
        answer = self.answers.get(host.lower())
        if answer is None:
            raise SsrfError(f"cannot resolve {host}: NXDOMAIN")
        if answer and isinstance(answer[0], list):
            return answer.pop(0) if len(answer) > 1 else answer[0]  # type: ignore[return-value]
        return answer  # type: ignore[return-value]


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


def test_table_has_enough_forms() -> None:
    assert len(set(REFUSED_HOSTS)) >= 40


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
    with pytest.raises(SsrfError):
        await acheck_url(url)


@pytest.mark.parametrize("host", LOOPBACK_HOSTS)
async def test_loopback_forms_with_the_real_backend(host: str, canary: Canary) -> None:
    fetcher = guarded_fetcher()  # the real network backend: the canary is really reachable
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(f"http://{host}:{canary.port}/")
    await fetcher.client.aclose()
    assert info.value.kind == "blocked"
    assert canary.connections == 0
    with pytest.raises(SsrfError):
        check_url(f"http://{host}:{canary.port}/")


async def test_canary_harness_positive_control(canary: Canary) -> None:
    """A public answer is let through — and lands on the canary, proving it would notice."""
    backend = CanaryBackend({}, canary.port)
    fetcher = guarded_fetcher(backend, FakeDns({"public.example": [PUBLIC_IP]}))
    with pytest.raises(FetchError):  # the canary hangs up without answering
        await fetcher.fetch("http://public.example/feed")
    await fetcher.client.aclose()
    assert backend.requested == [(PUBLIC_IP, 80)]
    assert canary.connections == 1


@pytest.mark.parametrize(
    ("answers", "why"),
    [
        (["10.1.2.3"], "private"),
        (["127.0.0.1"], "loopback"),
        ([PUBLIC_IP, "10.0.0.5"], "mixed public/private"),
        (["fd00::1", PUBLIC_IP], "mixed ULA/public"),
        (["::ffff:10.0.0.1"], "mapped"),
        (["169.254.169.254"], "metadata"),
        ([], "no answer"),
    ],
)
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
    with pytest.raises(SsrfError):
        await acheck_url("http://evil.example/feed", FakeDns({"evil.example": answers}))


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


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/x",
        "gopher://example.org/",
        "http:///nohost",
        "http://user:pass@example.org/",
        "javascript:alert(1)",
        "http://example.org:99999/",
    ],
)
def test_check_url_rejects_bad_urls(url: str) -> None:
    with pytest.raises(SsrfError):
        check_url(url)


def test_literal_parsing_and_reasons() -> None:
    assert str(parse_ip_literal("2130706433")) == "127.0.0.1"
    assert str(parse_ip_literal("0177.0.0.1")) == "127.0.0.1"
    assert str(parse_ip_literal("0x7f000001")) == "127.0.0.1"
    assert str(parse_ip_literal("127.1")) == "127.0.0.1"
    assert str(parse_ip_literal("[::ffff:127.0.0.1]")) == "::ffff:7f00:1"
    assert parse_ip_literal("example.org") is None
    assert parse_ip_literal("1e100.net") is None
    assert parse_ip_literal("256.1.1.1") is None
    ip = parse_ip_literal(PUBLIC_IP)
    assert ip is not None and refusal_reason(ip) is None
    public6 = parse_ip_literal("2606:2800:220:1:248:1893:25c8:1946")
    assert public6 is not None and refusal_reason(public6) is None


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


@pytest.mark.parametrize(
    ("literal", "reason"),
    [
        ("[::1]", "loopback address"),
        ("[0:0:0:0:0:0:0:1]", "loopback address"),
        ("[::]", "unspecified address"),
        ("[::127.0.0.1]", "IPv4-compatible IPv6 address"),
        ("[::a00:1]", "IPv4-compatible IPv6 address"),
        ("127.0.0.1", "loopback address"),
        ("[::ffff:127.0.0.1]", "IPv4-mapped IPv6 address"),
    ],
)
def test_refusal_reasons_are_exact(literal: str, reason: str) -> None:
    address = parse_ip_literal(literal)
    assert address is not None and refusal_reason(address) == reason
