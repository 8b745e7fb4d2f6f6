"""The keep-alive connection pool under notify's webhook and Slack client (stop 44).

httpcore's own pool looks at every connection it holds on each request and each
response closed: an idle check (one ``poll``) per idle connection, and for each idle
one a count of all of them, so its cost grows with the square of the pool. One busy
endpoint keeps up to its concurrency limit (32) connections open, and that scan cost
~0.5 ms of CPU per send at 32 (``bench/notify_cpu44/pool_scan.py``; docs/notify.md).

:class:`PostPool` keeps the idle connections of each origin (scheme, host, port) on a
stack: a send takes the most recently used one after the same checks httpcore makes
(idle, keep-alive not expired, the server has not closed it: one ``poll``), and gives it
back when its answer is closed; a send does work of its own size, whatever the pool
holds. The connections are httpcore's (``httpcore.AsyncHTTPConnection`` over the pool's
network backend, the SSRF guard), so the bytes on the wire, the TLS set-up and the
errors are those of httpcore's pool. As there: at most ``max_connections`` open (an idle
one closed to make room, else the send waits up to the ``pool`` timeout), at most
``max_keepalive_connections`` kept idle, a connection that turns out unavailable when
reused is replaced by a new one. Public APIs of httpcore only.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import Any

import httpcore

_SWEEP_EVERY_S = 1.0
_Key = tuple[bytes, bytes, int]


def _key(origin: httpcore.Origin) -> _Key:
    return (origin.scheme, origin.host, origin.port)


class PostPool:
    """HTTP/1.1 keep-alive pool; its idle connections kept per origin, last in first out."""

    def __init__(
        self,
        *,
        network_backend: httpcore.AsyncNetworkBackend,
        ssl_context: ssl.SSLContext | None = None,
        max_connections: int | None = 100,
        max_keepalive_connections: int | None = 100,
        keepalive_expiry: float | None = 5.0,
    ) -> None:
        self._backend = network_backend
        self._ssl_context = ssl_context
        self._max_open = max_connections if max_connections is not None else 2**31
        keep = max_keepalive_connections if max_keepalive_connections is not None else 2**31
        self._max_idle = min(keep, self._max_open)
        self._expiry = keepalive_expiry
        self._idle: OrderedDict[_Key, list[httpcore.AsyncHTTPConnection]] = OrderedDict()
        self._idle_count = 0
        self._in_use = 0
        self._waiters: list[asyncio.Future[None]] = []
        self._last_sweep = time.monotonic()
        self._closed = False

    @property
    def connections(self) -> list[httpcore.AsyncHTTPConnection]:
        """The idle connections kept (those in use belong to their answers)."""
        return [c for idle in self._idle.values() for c in idle]

    # --- slots: connections open at once ------------------------------------------------

    async def _acquire(self, timeout: float | None) -> None:  # noqa: ASYNC109
        if self._in_use < self._max_open and not self._waiters:
            self._in_use += 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(timeout):
                await waiter  # a finished send hands its slot over
        except TimeoutError:
            raise httpcore.PoolTimeout("no free connection slot in time") from None
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self._release()  # the slot was handed over just as this gave up
            raise
        finally:
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)

    def _release(self) -> None:
        while self._waiters:
            waiter = self._waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                return
        self._in_use -= 1

    # --- idle connections -----------------------------------------------------------------

    async def _take_idle(self, key: _Key) -> httpcore.AsyncHTTPConnection | None:
        idle = self._idle.get(key)
        while idle:
            connection = idle.pop()
            self._idle_count -= 1
            if not idle and self._idle.get(key) is idle:
                del self._idle[key]
            if connection.is_idle() and not connection.has_expired():
                return connection
            await _close(connection)
        return None

    async def _give_back(self, key: _Key, connection: httpcore.AsyncHTTPConnection) -> None:
        if self._closed or not connection.is_idle():
            await _close(connection)
            return
        self._idle.setdefault(key, []).append(connection)
        self._idle.move_to_end(key)
        self._idle_count += 1
        if self._idle_count > self._max_idle:
            await self._close_oldest()
        now = time.monotonic()
        if now - self._last_sweep >= _SWEEP_EVERY_S:
            self._last_sweep = now
            await self._sweep()

    async def _close_oldest(self) -> None:
        key, idle = next(iter(self._idle.items()))
        connection = idle.pop(0)
        self._idle_count -= 1
        if not idle:
            del self._idle[key]
        await _close(connection)

    async def _sweep(self) -> None:
        """Close the idle connections whose keep-alive expired or whose server hung up
        (all taken out of the index before the first close is awaited)."""
        gone: list[httpcore.AsyncHTTPConnection] = []
        for key, idle in list(self._idle.items()):
            expired = [c for c in idle if c.has_expired() or not c.is_idle()]
            if not expired:
                continue
            idle[:] = [c for c in idle if c not in expired]
            self._idle_count -= len(expired)
            if not idle:
                del self._idle[key]
            gone += expired
        for connection in gone:
            await _close(connection)

    # --- requests -------------------------------------------------------------------------

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        scheme = request.url.scheme
        if scheme not in (b"http", b"https"):
            raise httpcore.UnsupportedProtocol(
                f"Request URL has an unsupported protocol '{scheme.decode(errors='replace')}://'."
            )
        if self._closed:
            raise RuntimeError("the connection pool is closed")
        await self._acquire(request.extensions.get("timeout", {}).get("pool"))
        key = _key(request.url.origin)
        try:
            response, connection = await self._send(key, request)
        except BaseException:
            self._release()
            raise
        return httpcore.Response(
            status=response.status,
            headers=response.headers,
            content=_PooledStream(response.stream, self, key, connection),
            extensions=response.extensions,
        )

    async def _send(
        self, key: _Key, request: httpcore.Request
    ) -> tuple[httpcore.Response, httpcore.AsyncHTTPConnection]:
        while (connection := await self._take_idle(key)) is not None:
            try:
                return await connection.handle_async_request(request), connection
            except httpcore.ConnectionNotAvailable:
                await _close(connection)  # became unavailable: another one, as httpcore
            except BaseException:
                await _close(connection)
                raise
        if self._idle_count and self._idle_count + self._in_use > self._max_open:
            await self._close_oldest()  # room for a new connection, as httpcore makes it
        connection = httpcore.AsyncHTTPConnection(
            origin=request.url.origin,
            ssl_context=self._ssl_context,
            keepalive_expiry=self._expiry,
            network_backend=self._backend,
        )
        try:
            return await connection.handle_async_request(request), connection
        except BaseException:
            await _close(connection)
            raise

    async def aclose(self) -> None:
        self._closed = True
        idle = self.connections
        self._idle.clear()
        self._idle_count = 0
        for connection in idle:
            await _close(connection)


async def _close(connection: httpcore.AsyncHTTPConnection) -> None:
    with contextlib.suppress(Exception):
        await connection.aclose()


class _PooledStream:
    """An answer's body; closing it gives its connection back to the pool."""

    def __init__(
        self, stream: Any, pool: PostPool, key: _Key, connection: httpcore.AsyncHTTPConnection
    ) -> None:
        self.stream, self.pool, self.key, self.connection = stream, pool, key, connection
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self.stream:
                yield part
        except BaseException:
            await self.aclose()
            raise

    async def aclose(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            if hasattr(self.stream, "aclose"):
                await self.stream.aclose()
        finally:
            self.pool._release()
            await self.pool._give_back(self.key, self.connection)
