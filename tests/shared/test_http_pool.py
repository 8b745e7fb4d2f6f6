"""The shared keep-alive pool's options (``wirewatch_shared.httppool.KeepAlivePool``): which
methods are sent again after a reused connection fails, the per-origin idle bound, idle
connections counted in ``max_connections`` or not. A real asyncio server on loopback;
the callers' own cases: tests/ingest/test_httppool.py, tests/notify/test_post_pool.py."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpcore
import pytest
from wirewatch_shared.httppool import KeepAlivePool
from wirewatch_shared.netbackend import AsyncioBackend

from tests.support.loopback import LoopbackServer, read_request

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3")
OK_HEAD = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n"
OK = OK_HEAD + b"ok"


class Server(LoopbackServer):
    """Answers every request with 200 after ``delay_s``; ``answers_per_connection``: after
    that many, the next request on a connection is read and the connection dropped."""

    def __init__(self) -> None:
        super().__init__(HOSTS)
        self.delay_s = 0.0
        self.answers_per_connection: int | None = None
        self.connections = 0
        self.requests: list[bytes] = []

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        answered = 0
        try:
            while (request := await read_request(reader)) is not None:
                head = request[0]
                self.requests.append(head.split(b" ", 1)[0])
                limit = self.answers_per_connection
                if limit is not None and answered >= limit:
                    return  # dropped without an answer
                await asyncio.sleep(self.delay_s)
                writer.write(OK_HEAD if head.startswith(b"HEAD ") else OK)
                await writer.drain()
                answered += 1
        except ConnectionError:
            pass
        finally:
            writer.close()


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    async with Server() as running:
        yield running


async def _request(
    pool: KeepAlivePool, server: Server, method: bytes = b"GET", host: str = HOSTS[0]
) -> None:
    headers = [(b"Host", f"{host}:{server.port}".encode())]
    if method == b"POST":
        headers.append((b"Content-Length", b"2"))
    url = f"http://{host}:{server.port}/x"
    content = b"{}" if method == b"POST" else None
    request = httpcore.Request(method, url, headers=headers, content=content)
    response = await pool.handle_async_request(request)
    try:
        assert response.status == 200
        await response.aread()
    finally:
        await response.aclose()


def test_only_get_and_head_may_be_retried() -> None:
    KeepAlivePool(retry_methods=[b"GET", b"HEAD"])
    with pytest.raises(ValueError, match="only GET and HEAD"):
        KeepAlivePool(retry_methods=[b"GET", b"POST"])


@pytest.mark.parametrize("method", [b"GET", b"HEAD"])
async def test_a_retryable_request_is_sent_again_on_a_fresh_connection(
    server: Server, method: bytes
) -> None:
    server.answers_per_connection = 1
    pool = KeepAlivePool(network_backend=AsyncioBackend(), retry_methods=[b"GET", b"HEAD"])
    for _ in range(2):
        await _request(pool, server, method)
    await pool.aclose()
    # The second one was read on the dropped connection, then sent on a new one.
    assert (server.requests, server.connections) == ([method] * 3, 2)


async def test_a_post_on_a_dropped_reused_connection_is_not_sent_again(server: Server) -> None:
    server.answers_per_connection = 1
    pool = KeepAlivePool(network_backend=AsyncioBackend(), retry_methods=[b"GET"])
    await _request(pool, server, b"POST")
    with pytest.raises(httpcore.RemoteProtocolError):
        await _request(pool, server, b"POST")
    await pool.aclose()
    assert server.requests == [b"POST", b"POST"]  # the second one once only
    assert server.connections == 1


async def test_a_get_not_in_retry_methods_is_not_sent_again(server: Server) -> None:
    server.answers_per_connection = 1
    pool = KeepAlivePool(network_backend=AsyncioBackend(), retry_methods=())
    await _request(pool, server)
    with pytest.raises(httpcore.RemoteProtocolError):
        await _request(pool, server)
    await pool.aclose()
    assert (server.requests, server.connections) == ([b"GET", b"GET"], 1)


@pytest.mark.parametrize(("bound", "kept"), [(None, 4), (1, 1), (2, 2)])
async def test_idle_connections_kept_per_origin(
    server: Server, bound: int | None, kept: int
) -> None:
    server.delay_s = 0.1
    pool = KeepAlivePool(network_backend=AsyncioBackend(), max_idle_per_origin=bound)
    await asyncio.gather(*(_request(pool, server) for _ in range(4)))
    assert server.connections == 4
    assert pool.idle_connections == len(pool.connections) == kept
    await pool.aclose()


@pytest.mark.parametrize(("includes_idle", "kept"), [(True, HOSTS[1:]), (False, HOSTS)])
async def test_idle_connections_in_max_connections_or_not(
    server: Server, includes_idle: bool, kept: tuple[str, ...]
) -> None:
    """With idle connections counted (httpcore's meaning) a new connection closes the
    oldest idle one when the pool is full; without, only in-flight requests count."""
    pool = KeepAlivePool(
        network_backend=AsyncioBackend(),
        max_connections=2,
        max_connections_includes_idle=includes_idle,
        max_keepalive_connections=8,
    )
    for host in HOSTS:
        await _request(pool, server, host=host)
    assert pool.idle_hosts() == set(kept)
    await pool.aclose()
