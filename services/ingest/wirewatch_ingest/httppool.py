"""A keep-alive connection pool indexed by origin (HTTP/1.1), for the fetcher's httpx client.

:class:`OriginPool` keeps idle connections per origin (scheme, host, port), so taking
one and giving it back is O(1) and it can keep one for each recently polled host:
feeds of one host polled close together reuse a connection. Why not httpcore's own
pool (its cost grows with the square of the pool size), with the measurements:
docs/ingest.md, "Connection pool" and "Benchmark".

- Every new connection goes through the pool's network backend, i.e. the SSRF guard.
  The pool answers httpcore requests (``handle_async_request``); an httpx client uses
  it through :class:`wirewatch_shared.httptransport.PoolTransport`. Only httpcore's
  public API is used (``AsyncHTTP11Connection``, ``is_idle``, ``has_expired``).
- An idle connection is reused only if its keep-alive has not expired and the
  server has not closed it (one ``poll``, as httpcore checks). A GET that fails
  on a reused connection before any response byte (the server closed it just
  then) is retried once on a fresh connection, as urllib3 does.
- At most ``max_connections`` are in use at once (``pool`` timeout applies), at
  most ``max_keepalive_connections`` are kept idle in total (oldest closed first)
  and at most ``max_idle_per_origin`` per origin.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
import typing
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpcore
import httpx

_SWEEP_EVERY_S = 1.0
_Key = tuple[bytes, bytes, int]


def _key(origin: httpcore.Origin) -> _Key:
    return (origin.scheme, origin.host, origin.port)


_RETRYABLE = (httpcore.RemoteProtocolError, httpcore.ReadError, httpcore.WriteError)


class OriginPool:
    """HTTP/1.1 keep-alive pool, idle connections indexed by origin."""

    def __init__(
        self,
        *,
        ssl_context: ssl.SSLContext | None = None,
        max_connections: int = 100,
        max_keepalive_connections: int = 256,
        max_idle_per_origin: int = 2,
        keepalive_expiry: float = 5.0,
        network_backend: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._ssl_context = ssl_context
        self._network_backend = network_backend or httpcore.AnyIOBackend()
        self._max_in_use = max_connections
        self._max_idle = max_keepalive_connections
        self._max_idle_per_origin = max(1, max_idle_per_origin)
        self._expiry = keepalive_expiry
        self._idle: OrderedDict[_Key, list[httpcore.AsyncHTTP11Connection]] = OrderedDict()
        self._idle_count = 0
        self._in_use = 0
        self._waiters: list[asyncio.Future[None]] = []
        self._last_sweep = time.monotonic()
        self._closed = False

    # --- slots (max_connections) ------------------------------------------------------

    async def _acquire(self, timeout: float | None) -> None:  # noqa: ASYNC109
        if self._in_use < self._max_in_use and not self._waiters:
            self._in_use += 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(timeout):
                await waiter  # a releasing request hands its slot over
        except TimeoutError:
            raise httpcore.PoolTimeout("no free connection slot in time") from None
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self._release()  # the slot was handed over just as we gave up
            raise
        finally:
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)

    def _release(self) -> None:
        while self._waiters:
            waiter = self._waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)  # the slot passes to the waiter
                return
        self._in_use -= 1

    # --- idle connections ---------------------------------------------------------------

    async def _take_idle(self, origin: httpcore.Origin) -> httpcore.AsyncHTTP11Connection | None:
        key = _key(origin)
        idle = self._idle.get(key)
        while idle:
            connection = idle.pop()  # the most recently used
            self._idle_count -= 1
            if not idle and self._idle.get(key) is idle:
                del self._idle[key]
            if connection.is_idle() and not connection.has_expired():
                return connection
            await self._close(connection)
        return None

    async def _give_back(self, key: _Key, connection: httpcore.AsyncHTTP11Connection) -> None:
        if self._closed or not connection.is_idle():
            await self._close(connection)
            return
        idle = self._idle.setdefault(key, [])
        self._idle.move_to_end(key)
        if len(idle) >= self._max_idle_per_origin:
            await self._close(connection)
            return
        idle.append(connection)
        self._idle_count += 1
        if self._idle_count > self._max_idle:
            await self._evict_oldest()
        now = time.monotonic()
        if now - self._last_sweep >= _SWEEP_EVERY_S:
            self._last_sweep = now
            await self._sweep()

    async def _evict_oldest(self) -> None:
        key, idle = next(iter(self._idle.items()))
        connection = idle.pop(0)
        self._idle_count -= 1
        if not idle:
            del self._idle[key]
        await self._close(connection)

    async def _sweep(self) -> None:
        """Close idle connections whose keep-alive expired or whose server hung up.

        They all leave the index before the first close is awaited (other requests take
        and give back connections meanwhile), and each origin's list is changed in place
        (a request taking from it may hold it across an await)."""
        expired: list[httpcore.AsyncHTTP11Connection] = []
        for key, idle in list(self._idle.items()):
            gone = [c for c in idle if c.has_expired() or not c.is_idle()]
            if not gone:
                continue
            idle[:] = [c for c in idle if c not in gone]
            self._idle_count -= len(gone)
            if not idle:
                del self._idle[key]
            expired += gone
        for connection in expired:
            await self._close(connection)

    @staticmethod
    async def _close(connection: httpcore.AsyncConnectionInterface) -> None:
        with contextlib.suppress(Exception):
            await connection.aclose()

    # --- requests -----------------------------------------------------------------------

    async def _connect(
        self, origin: httpcore.Origin, request: httpcore.Request
    ) -> httpcore.AsyncHTTP11Connection:
        timeouts = request.extensions.get("timeout", {})
        timeout = timeouts.get("connect")
        host = origin.host.decode("ascii")
        stream = await self._network_backend.connect_tcp(host, origin.port, timeout=timeout)
        if origin.scheme == b"https":
            context = self._ssl_context or httpx.create_ssl_context(trust_env=False)
            context.set_alpn_protocols(["http/1.1"])
            try:
                stream = await stream.start_tls(
                    context,
                    server_hostname=request.extensions.get("sni_hostname") or host,
                    timeout=timeout,
                )
            except BaseException:
                await stream.aclose()
                raise
        return httpcore.AsyncHTTP11Connection(
            origin=origin, stream=stream, keepalive_expiry=self._expiry
        )

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        if request.url.scheme not in (b"http", b"https"):
            raise httpcore.UnsupportedProtocol(
                f"unsupported URL scheme {request.url.scheme.decode(errors='replace')!r}"
            )
        if self._closed:
            raise RuntimeError("the connection pool is closed")
        origin = request.url.origin
        await self._acquire(request.extensions.get("timeout", {}).get("pool"))
        try:
            response, connection = await self._send(origin, request)
        except BaseException:
            self._release()
            raise
        return httpcore.Response(
            status=response.status,
            headers=response.headers,
            content=_PooledStream(response.stream, self, _key(origin), connection),
            extensions=response.extensions,
        )

    async def _send(
        self, origin: httpcore.Origin, request: httpcore.Request
    ) -> tuple[httpcore.Response, httpcore.AsyncHTTP11Connection]:
        connection = await self._take_idle(origin)
        if connection is not None:
            try:
                return await connection.handle_async_request(request), connection
            except (*_RETRYABLE, httpcore.ConnectionNotAvailable):
                await self._close(connection)
                if request.method != b"GET":
                    raise
                # The server closed the kept-alive connection just as it was reused.
            except BaseException:
                await self._close(connection)
                raise
        connection = await self._connect(origin, request)
        try:
            return await connection.handle_async_request(request), connection
        except BaseException:
            await self._close(connection)
            raise

    @property
    def connections(self) -> list[httpcore.AsyncConnectionInterface]:
        """The idle connections (in-use ones belong to their responses)."""
        return [c for idle in self._idle.values() for c in idle]

    def idle_hosts(self) -> set[str]:
        """The hosts that have an idle connection kept."""
        return {host.decode("ascii") for _scheme, host, _port in self._idle}

    @property
    def idle_connections(self) -> int:
        return self._idle_count

    async def aclose(self) -> None:
        self._closed = True
        idle = [c for group in self._idle.values() for c in group]
        self._idle.clear()
        self._idle_count = 0
        for connection in idle:
            await self._close(connection)


@dataclass(eq=False)
class _PooledStream:
    """The response body; closing it gives the connection back to the pool."""

    stream: typing.Any
    pool: OriginPool
    key: _Key
    connection: httpcore.AsyncHTTP11Connection
    closed: bool = field(default=False, init=False)

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
