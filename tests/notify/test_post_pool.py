"""The connection pool under notify's webhook client (``wirewatch_shared.httppool``'s
``KeepAlivePool``): a send checks one idle connection, not all of them; connections are
kept alive and reused, one the server closed or whose keep-alive expired is not, and no
more than ``max_connections`` are open at once. A real asyncio HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from wirewatch_notify.channels.http import make_http_client, post
from wirewatch_shared import netbackend
from wirewatch_shared.httppool import KeepAlivePool
from wirewatch_shared.httptransport import PoolTransport
from wirewatch_shared.netbackend import AsyncioBackend

from tests.support.loopback import LoopbackServer, read_request

NO_CONTENT = b"HTTP/1.1 204 No Content\r\n\r\n"
HOOK = "/hook"


class Server(LoopbackServer):
    """Answers every POST with 204 after ``delay_s``; counts connections (all, and open at
    once); ``close_after_reply`` hangs up after each answer."""

    def __init__(self) -> None:
        super().__init__()
        self.delay_s = 0.0
        self.close_after_reply = False
        self.connections = 0
        self.open = 0
        self.most_open = 0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.open += 1
        self.most_open = max(self.most_open, self.open)
        try:
            while await read_request(reader) is not None:
                await asyncio.sleep(self.delay_s)
                writer.write(NO_CONTENT)
                await writer.drain()
                if self.close_after_reply:
                    return
        finally:
            self.open -= 1
            writer.close()


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    async with Server() as running:
        yield running


async def _send(client: httpx.AsyncClient, url: str) -> None:
    result = await post(client, url, content=b'{"a": 1}', headers={}, timeout_s=10)
    assert result.status == 204


async def test_a_send_checks_one_idle_connection_not_every_one(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_http_client(allow_private=True)
    server.delay_s = 0.2
    await asyncio.gather(*(_send(client, server.url(HOOK)) for _ in range(16)))
    assert server.connections == 16
    polls = 0
    stream_info = netbackend._AsyncioStream.get_extra_info

    def counted(stream: netbackend._AsyncioStream, info: str) -> object:
        nonlocal polls
        polls += info == "is_readable"
        return stream_info(stream, info)

    monkeypatch.setattr(netbackend._AsyncioStream, "get_extra_info", counted)
    server.delay_s = 0.0
    await _send(client, server.url(HOOK))
    await client.aclose()
    # httpcore's pool polls every idle connection on the request and again on the close.
    assert polls == 1, polls
    assert server.connections == 16  # one of them reused


async def test_connections_are_kept_alive_and_reused(server: Server) -> None:
    client = make_http_client(allow_private=True)
    for _ in range(5):
        await _send(client, server.url(HOOK))
    await client.aclose()
    assert server.connections == 1


async def test_a_connection_the_server_closed_is_not_reused(server: Server) -> None:
    client = make_http_client(allow_private=True)
    server.close_after_reply = True
    for _ in range(3):
        await _send(client, server.url(HOOK))
        await asyncio.sleep(0.05)  # the close reaches the client's socket
    await client.aclose()
    assert server.connections == 3


async def test_a_connection_past_its_keep_alive_is_not_reused(server: Server) -> None:
    pool = KeepAlivePool(network_backend=AsyncioBackend(), keepalive_expiry=0.1)
    client = httpx.AsyncClient(transport=PoolTransport(pool))
    for _ in range(2):
        answer = await client.post(server.url(HOOK), content=b"{}")
        assert answer.status_code == 204
        await asyncio.sleep(0.2)
    await client.aclose()
    assert server.connections == 2


async def test_no_more_connections_open_than_the_limit(server: Server) -> None:
    client = make_http_client(allow_private=True, max_connections=3)
    server.delay_s = 0.05
    await asyncio.gather(*(_send(client, server.url(HOOK)) for _ in range(12)))
    await client.aclose()
    assert server.most_open <= 3
    assert server.connections == 3  # the waiting sends reused them
