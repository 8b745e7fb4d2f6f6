"""The fetcher's keep-alive pool (wirewatch_shared.httppool.KeepAlivePool) against a real
asyncio server on loopback that counts TCP connections and can misbehave with kept-alive
connections."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import httpcore
import httpx
import pytest
from wirewatch_ingest.fetcher import Fetcher, direct_pool, make_http_client
from wirewatch_shared.httppool import KeepAlivePool
from wirewatch_shared.httptransport import PoolTransport

from tests.ingest.conftest import ingest_settings
from tests.ingest.support import FeedServer, Route, rss
from tests.support.loopback import LoopbackServer, read_request

BODY = rss([("a", "Alpha")])
ETAG = b'"v1"'
HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3")


class CountingServer(LoopbackServer):
    """HTTP/1.1 keep-alive server: 200 with an ETag, 304 for a matching If-None-Match.

    ``requests_per_connection``: after that many answers on one connection, the next
    request on it is read and the connection closed without an answer (a server that
    drops kept-alive connections, racing the client's reuse)."""

    def __init__(self, requests_per_connection: int | None = None) -> None:
        super().__init__(HOSTS)
        self.requests_per_connection = requests_per_connection
        self.connections = 0
        self.requests = 0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        answered = 0
        try:
            while (request := await read_request(reader)) is not None:
                limit = self.requests_per_connection
                if limit is not None and answered >= limit:
                    return  # drop the connection without answering
                self.requests += 1
                answered += 1
                if b"if-none-match: " + ETAG in request[0].lower():
                    writer.write(b"HTTP/1.1 304 Not Modified\r\nETag: " + ETAG + b"\r\n\r\n")
                else:
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: "
                        + ETAG
                        + b"\r\nContent-Length: %d\r\n\r\n" % len(BODY)
                        + BODY
                    )
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    def url(self, path: str = "/feed", host: str | None = None) -> str:
        return super().url(path, host)


@pytest.fixture
async def server() -> AsyncIterator[CountingServer]:
    async with CountingServer() as running:
        yield running


def _fetcher() -> tuple[Fetcher, httpx.AsyncClient]:
    settings = ingest_settings(host_max_concurrent=2)
    client = make_http_client(settings)
    return Fetcher.from_settings(client, settings), client


def _pool(client: httpx.AsyncClient) -> KeepAlivePool:
    pool = direct_pool(client)
    assert pool is not None
    return pool


async def test_polls_of_one_host_reuse_one_connection(server: CountingServer) -> None:
    fetcher, client = _fetcher()
    async with client:
        first = await fetcher.fetch(server.url())
        assert first.status == 200 and first.body == BODY
        for _ in range(5):
            again = await fetcher.fetch(server.url(), etag=first.etag)
            assert again.not_modified  # a 304 hands its connection back too
        for path in ("/a", "/b"):  # other feeds of the same host
            assert (await fetcher.fetch(server.url(path=path))).status == 200
        assert (server.requests, server.connections) == (8, 1)
        assert _pool(client).idle_connections == 1


async def test_each_host_gets_its_own_connections(server: CountingServer) -> None:
    fetcher, client = _fetcher()
    async with client:
        results = await asyncio.gather(
            *(fetcher.fetch(server.url(f"/{i}", host)) for i in range(4) for host in HOSTS)
        )
        assert {r.status for r in results} == {200}
        # At most host_max_concurrent (2) connections per host, kept for the next round.
        assert server.connections <= 2 * len(HOSTS)
        opened = server.connections
        await asyncio.gather(*(fetcher.fetch(server.url(host=host)) for host in HOSTS))
        assert server.connections == opened
        assert _pool(client).idle_connections <= 2 * len(HOSTS)


async def test_a_dropped_keepalive_connection_is_retried_on_a_fresh_one() -> None:
    async with CountingServer(requests_per_connection=1) as server:
        fetcher, client = _fetcher()
        async with client:
            for _ in range(3):
                result = await fetcher.fetch(server.url())
                assert result.status == 200 and result.body == BODY
            assert (server.requests, server.connections) == (3, 3)


async def test_idle_connections_are_capped_oldest_first(server: CountingServer) -> None:
    pool = KeepAlivePool(
        max_connections=8,
        max_keepalive_connections=2,
        max_idle_per_origin=1,
        keepalive_expiry=30.0,
    )
    async with httpx.AsyncClient(transport=PoolTransport(pool)) as client:
        for host in HOSTS:
            assert (await client.get(server.url(host=host))).status_code == 200
        assert pool.idle_connections == 2
        assert pool.idle_hosts() == set(HOSTS[1:])  # the least recently used host was closed
        # One origin keeps at most max_idle_per_origin, however many ran at once.
        responses = await asyncio.gather(*(client.get(server.url(host=HOSTS[1])) for _ in range(3)))
        assert {r.status_code for r in responses} == {200}
        assert pool.idle_connections == 2


async def test_expired_keepalive_connections_are_not_reused(server: CountingServer) -> None:
    pool = KeepAlivePool(
        max_connections=8,
        max_keepalive_connections=8,
        max_idle_per_origin=2,
        keepalive_expiry=0.0,
    )
    async with httpx.AsyncClient(transport=PoolTransport(pool)) as client:
        for _ in range(3):
            assert (await client.get(server.url())).status_code == 200
            expired_at = time.monotonic()
            while time.monotonic() <= expired_at:  # the clock must move past the expiry
                pass
    assert server.connections == 3


async def test_connection_slots_wait_then_time_out(server: CountingServer) -> None:
    pool = KeepAlivePool(
        max_connections=1,
        max_keepalive_connections=8,
        max_idle_per_origin=2,
        keepalive_expiry=30.0,
    )
    timeout = httpx.Timeout(5.0, pool=0.2)
    async with httpx.AsyncClient(transport=PoolTransport(pool), timeout=timeout) as client:
        async with client.stream("GET", server.url()) as held:
            assert held.status_code == 200
            started = time.monotonic()
            with pytest.raises(httpx.PoolTimeout):
                await client.get(server.url(host=HOSTS[1]))
            assert time.monotonic() - started < 2.0
            # A waiting request gets the slot as soon as the holder is done.
            waiting = asyncio.create_task(client.get(server.url(host=HOSTS[1])))
            await held.aread()
        assert (await waiting).status_code == 200


async def test_unsupported_scheme_is_refused() -> None:
    pool = KeepAlivePool()
    request = httpcore.Request(b"GET", b"ftp://127.0.0.1/x")
    with pytest.raises(httpcore.UnsupportedProtocol):
        await pool.handle_async_request(request)


async def test_cookies_set_on_a_redirect_are_sent_on_the_next_hop(feed_server: FeedServer) -> None:
    """Requests skip httpx's client layer, but not its cookie jar: a cookie wall that
    sets a cookie on a redirect still lets the feed through."""
    feed_server.routes["/wall"] = Route(
        302, b"", {"Location": "/feed", "Set-Cookie": "consent=yes; Path=/"}
    )

    def feed(headers: dict[str, str]) -> Route:
        if "consent=yes" in headers.get("cookie", ""):
            return Route(200, BODY)
        return Route(403, b"no consent")

    feed_server.routes["/feed"] = feed
    fetcher, client = _fetcher()
    async with client:
        result = await fetcher.fetch(feed_server.url("/wall"))
    assert result.status == 200 and result.body == BODY
    assert result.url == feed_server.url("/feed")


async def test_the_idle_sweep_copes_with_requests_running_meanwhile(
    server: CountingServer,
) -> None:
    """The sweep (at most once a second, run by a response giving its connection back)
    closes expired idle connections, awaiting each close. Meanwhile another request
    takes (and drops) another origin's expired connection. The sweep must go on: it
    used to look that origin up again and fail with a KeyError, and with it the
    unrelated poll whose response ran the sweep (an `internal-error` seen once in a
    `bench/ingest_bench.py --quick` run)."""
    pool = KeepAlivePool(
        max_connections=8, max_keepalive_connections=8, max_idle_per_origin=2,
        keepalive_expiry=0.0,  # every idle connection is expired at once
    )  # fmt: skip

    async def get(host: str) -> httpcore.Response:
        request = httpcore.Request(
            b"GET", server.url(host=host), headers=[(b"Host", f"{host}:{server.port}".encode())]
        )
        response = await pool.handle_async_request(request)
        await response.aread()
        return response

    for host in HOSTS[:2]:
        await (await get(host)).aclose()
    held = await get(HOSTS[2])
    await asyncio.sleep(1.05)  # the sweep runs on the first give-back a second on

    async def get_once_the_sweep_runs() -> httpcore.Response:
        while HOSTS[0] in pool.idle_hosts():  # the sweep drops it first, then closes it
            await asyncio.sleep(0)
        return await get(HOSTS[1])

    other = asyncio.create_task(get_once_the_sweep_runs())
    await held.aclose()  # gives its connection back: the sweep runs
    assert (await other).status == 200
    await (await other).aclose()
    assert pool.idle_connections == len(pool.connections) == 1  # 127.0.0.2's new one
    await pool.aclose()
