"""The one HTTP/1.1 keep-alive connection pool under our httpx clients (ingest's feed
fetcher, notify's webhook and Slack sender).

Why not httpcore's own pool: it looks at every connection it holds on each request and
each response closed (an idle check, one ``poll``, per idle connection, and for each a
count of all of them), so its cost grows with the square of the pool. Measurements:
docs/ingest.md "Connection pool" and "Benchmark", docs/notify.md stop 44
(``bench/notify_cpu44/pool_scan.py``).

:class:`KeepAlivePool` keeps the idle connections of each origin (scheme, host, port) on
a stack: a request takes the most recently used one after the checks httpcore makes
(idle, keep-alive not expired, the server has not closed it: one ``poll``) and gives it
back when its response is closed, work of its own size whatever the pool holds.

- Every new connection goes through the pool's network backend (the SSRF guard). The
  pool answers httpcore requests (``handle_async_request``); an httpx client uses it
  through :class:`wirewatch_shared.httptransport.PoolTransport`. Only httpcore's public
  API is used (``AsyncHTTP11Connection``, ``is_idle``, ``has_expired``).
- At most ``max_connections`` requests in flight (else a request waits up to the
  ``pool`` timeout); with ``max_connections_includes_idle`` (httpcore's meaning) the
  idle ones count too, and the oldest idle one is closed to make room for a new one.
  At most ``max_keepalive_connections`` kept idle in all (oldest closed first), and at
  most ``max_idle_per_origin`` per origin (``None``: no bound of its own).
- A connection unavailable when reused (nothing sent) is replaced by another. A request
  whose method is in ``retry_methods`` (GET and HEAD only, never POST) that fails on a
  reused connection before any response byte (the server closed it just then) is sent
  once more on a fresh connection, as urllib3 does; any other method's error is raised.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
import typing
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field

import httpcore
import httpx

_SWEEP_EVERY_S = 1.0
_UNBOUNDED = 2**31
_IDEMPOTENT = frozenset({b"GET", b"HEAD"})
_RETRYABLE = (httpcore.RemoteProtocolError, httpcore.ReadError, httpcore.WriteError)
_Key = tuple[bytes, bytes, int]
_Connection = httpcore.AsyncHTTP11Connection


def _key(origin: httpcore.Origin) -> _Key:
    return (origin.scheme, origin.host, origin.port)


class KeepAlivePool:
    """HTTP/1.1 keep-alive pool, idle connections per origin, last in first out."""

    def __init__(
        self,
        *,
        ssl_context: ssl.SSLContext | None = None,
        network_backend: httpcore.AsyncNetworkBackend | None = None,
        max_connections: int | None = 100,
        max_connections_includes_idle: bool = False,
        max_keepalive_connections: int | None = 256,
        max_idle_per_origin: int | None = None,
        keepalive_expiry: float | None = 5.0,
        retry_methods: Iterable[bytes] = _IDEMPOTENT,
    ) -> None:
        self._retry_methods = frozenset(retry_methods)
        if not self._retry_methods <= _IDEMPOTENT:
            raise ValueError(f"only GET and HEAD may be retried, not {self._retry_methods}")
        self._ssl_context = ssl_context
        self._network_backend = network_backend or httpcore.AnyIOBackend()
        self._max_in_use = max_connections if max_connections is not None else _UNBOUNDED
        keep = max_keepalive_connections if max_keepalive_connections is not None else _UNBOUNDED
        # Idle connections count towards max_connections: never more idle than that.
        self._max_open = self._max_in_use if max_connections_includes_idle else None
        self._max_idle = keep if self._max_open is None else min(keep, self._max_open)
        self._max_idle_per_origin = (
            None if max_idle_per_origin is None else max(1, max_idle_per_origin)
        )
        self._expiry = keepalive_expiry
        self._idle: OrderedDict[_Key, list[_Connection]] = OrderedDict()
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

    async def _take_idle(self, key: _Key) -> _Connection | None:
        idle = self._idle.get(key)
        while idle:
            connection = idle.pop()  # the most recently used
            self._idle_count -= 1
            if not idle and self._idle.get(key) is idle:
                del self._idle[key]
            if connection.is_idle() and not connection.has_expired():
                return connection
            await _close(connection)
        return None

    async def _give_back(self, key: _Key, connection: _Connection) -> None:
        if self._closed or not connection.is_idle():
            await _close(connection)
            return
        idle = self._idle.setdefault(key, [])
        self._idle.move_to_end(key)
        if self._max_idle_per_origin is not None and len(idle) >= self._max_idle_per_origin:
            await _close(connection)
            return
        idle.append(connection)
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
        """Close idle connections whose keep-alive expired or whose server hung up.

        They all leave the index before the first close is awaited (other requests take
        and give back connections meanwhile), and each origin's list is changed in place
        (a request taking from it may hold it across an await)."""
        expired: list[_Connection] = []
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
            await _close(connection)

    # --- requests -----------------------------------------------------------------------

    async def _connect(self, origin: httpcore.Origin, request: httpcore.Request) -> _Connection:
        timeout = request.extensions.get("timeout", {}).get("connect")
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
        return _Connection(origin=origin, stream=stream, keepalive_expiry=self._expiry)

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        scheme = request.url.scheme
        if scheme not in (b"http", b"https"):
            raise httpcore.UnsupportedProtocol(
                f"Request URL has an unsupported protocol '{scheme.decode(errors='replace')}://'."
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
    ) -> tuple[httpcore.Response, _Connection]:
        key = _key(origin)
        while (connection := await self._take_idle(key)) is not None:
            try:
                return await connection.handle_async_request(request), connection
            except httpcore.ConnectionNotAvailable:
                await _close(connection)  # nothing was sent on it: take another
            except _RETRYABLE:
                await _close(connection)
                if request.method not in self._retry_methods:
                    raise
                break  # the server closed it just as it was reused: once on a fresh one
            except BaseException:
                await _close(connection)
                raise
        if (
            self._max_open is not None
            and self._idle_count
            and self._idle_count + self._in_use > self._max_open
        ):
            await self._close_oldest()  # room for a new connection, as httpcore makes it
        connection = await self._connect(origin, request)
        try:
            return await connection.handle_async_request(request), connection
        except BaseException:
            await _close(connection)
            raise

    @property
    def connections(self) -> list[_Connection]:
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
        idle = self.connections
        self._idle.clear()
        self._idle_count = 0
        for connection in idle:
            await _close(connection)


async def _close(connection: _Connection) -> None:
    with contextlib.suppress(Exception):
        await connection.aclose()


@dataclass(eq=False)
class _PooledStream:
    """The response body; closing it gives the connection back to the pool."""

    stream: typing.Any
    pool: KeepAlivePool
    key: _Key
    connection: _Connection
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
