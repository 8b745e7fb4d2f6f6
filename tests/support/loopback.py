"""A raw asyncio HTTP/1.1 server on loopback, for tests that script the bytes on the wire
(dropped connections, kept-alive reuse, replies cut short). A subclass answers in ``serve``;
``tests/support/http.py`` is the threaded receiver for tests that only record requests."""

from __future__ import annotations

import asyncio
from typing import Self


class LoopbackServer:
    """One free port shared by every address in ``hosts`` (port 0 on each address would give
    each its own port, and a test of several origins wants one port, several hosts)."""

    def __init__(self, hosts: tuple[str, ...] = ("127.0.0.1",)) -> None:
        self.hosts = hosts
        self.port = 0
        self._servers: list[asyncio.Server] = []

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError

    async def start(self) -> Self:
        first = await asyncio.start_server(self.serve, host=self.hosts[0], port=0)
        self.port = first.sockets[0].getsockname()[1]
        self._servers = [first]
        if len(self.hosts) > 1:
            others = await asyncio.start_server(self.serve, host=self.hosts[1:], port=self.port)
            self._servers.append(others)
        return self

    async def stop(self) -> None:
        for running in self._servers:
            running.close()
        for running in self._servers:
            await running.wait_closed()

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def url(self, path: str = "/", host: str | None = None) -> str:
        return f"http://{host or self.hosts[0]}:{self.port}{path}"


async def read_request(reader: asyncio.StreamReader) -> tuple[bytes, bytes] | None:
    """The next request's head (through its blank line) and body (by Content-Length), or
    ``None`` when the client closed the connection first."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        return head, (await reader.readexactly(length) if length else b"")
    except (asyncio.IncompleteReadError, ConnectionError):
        return None
