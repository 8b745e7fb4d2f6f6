"""httpx clients over an httpcore connection pool of our choosing, through public APIs.

httpx does not let a client pick httpcore's network backend (the SSRF guard, the
plain-asyncio streams of :mod:`wirewatch_shared.netbackend`) or its pool
(:class:`~wirewatch_shared.httppool.KeepAlivePool`). :class:`PoolTransport` is an httpx
transport (``httpx.AsyncBaseTransport``) over any pool that answers httpcore requests,
e.g. ``httpcore.AsyncConnectionPool(network_backend=…)``: it converts the request and
response and maps httpcore's errors to httpx's, as httpx's own transport does.
"""

from __future__ import annotations

import select
import socket
import ssl
import typing
from collections.abc import AsyncIterator

import httpcore
import httpx

# The most specific match wins: a ReadTimeout is both a TimeoutException and a ReadTimeout.
_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


def httpx_error(exc: Exception) -> Exception:
    """The httpx error for an httpcore one (``exc`` itself for anything else)."""
    for source, target in _ERRORS:
        if isinstance(exc, source):
            mapped = target(str(exc))
            mapped.__cause__ = exc
            return mapped
    return exc


class RequestHandler(typing.Protocol):
    """What a pool offers: httpcore's request interface."""

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response: ...

    async def aclose(self) -> None: ...


def core_request(
    method: bytes,
    url: httpx.URL,
    headers: list[tuple[bytes, bytes]],
    *,
    content: bytes | typing.AsyncIterable[bytes] | None = None,
    extensions: dict[str, typing.Any] | None = None,
) -> httpcore.Request:
    """The httpcore request for ``url`` as httpx parsed it (scheme, host, port, path)."""
    return httpcore.Request(
        method,
        httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
        headers=headers,
        content=content,
        extensions=extensions,
    )


class ResponseStream(httpx.AsyncByteStream):
    """An httpcore response's body for an ``httpx.Response``, its errors mapped to httpx's."""

    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self._response.aiter_stream():
                yield part
        except Exception as exc:
            mapped = httpx_error(exc)
            if mapped is exc:
                raise
            raise mapped from exc

    async def aclose(self) -> None:
        await self._response.aclose()


class PoolTransport(httpx.AsyncBaseTransport):
    """An httpx transport over ``pool`` (kept as the public attribute ``pool``)."""

    def __init__(self, pool: RequestHandler) -> None:
        self.pool = pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, typing.AsyncIterable)
        core = core_request(
            request.method.encode("ascii"),
            request.url,
            request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        try:
            response = await self.pool.handle_async_request(core)
        except Exception as exc:
            raise httpx_error(exc) from exc
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=ResponseStream(response),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self.pool.aclose()


def pool_transport(
    network_backend: httpcore.AsyncNetworkBackend,
    *,
    limits: httpx.Limits | None = None,
    verify: ssl.SSLContext | bool = True,
) -> PoolTransport:
    """An httpx transport whose connections all go through ``network_backend``
    (httpcore's own pool, HTTP/1.1, TLS verified unless ``verify`` says otherwise)."""
    limits = limits or httpx.Limits()
    return PoolTransport(
        httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=network_backend,
        )
    )


def is_socket_readable(sock: socket.socket | None) -> bool:
    """Whether an idle keep-alive socket has something to read: data, or the peer's
    close (then the connection must not be reused). One ``poll``, no waiting."""
    if sock is None or sock.fileno() < 0:
        return True
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))
