"""Outbound HTTP shared by the webhook and Slack channels: SSRF-guarded, no redirects."""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import AsyncIterable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

import httpcore
import httpx
from wirewatch_shared.httpdates import parse_retry_after
from wirewatch_shared.httppool import KeepAlivePool
from wirewatch_shared.httptransport import (
    PoolTransport,
    RequestHandler,
    ResponseStream,
    core_request,
    httpx_error,
)
from wirewatch_shared.netbackend import AsyncioBackend
from wirewatch_shared.ssrf import GuardedNetworkBackend, ResolutionError, SsrfError

from wirewatch_notify.channels.base import PermanentDeliveryError, RetryableDeliveryError

USER_AGENT = "Wirewatch-Webhooks/0.1"
DRAIN_LIMIT = 64 * 1024

# Subscriber URLs can be credentials (a Slack webhook's path is its secret): httpx's own
# request log line must not carry them. Scoped with a context variable to our sends.
_sending_to_subscriber: ContextVar[bool] = ContextVar("wirewatch_notify_send", default=False)


class _RedactSubscriberUrls(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if _sending_to_subscriber.get():
            record.msg, record.args = "HTTP request to a subscriber endpoint (URL redacted)", ()
        return True


logging.getLogger("httpx").addFilter(_RedactSubscriberUrls())


def make_http_client(*, allow_private: bool, max_connections: int = 100) -> httpx.AsyncClient:
    """Redirects are never followed (a moved endpoint must be re-registered); every
    connection goes through the SSRF guard unless private networks are allowed.
    One client per channel: connections are kept alive and reused across deliveries.
    (``wirewatch_shared.ssrf.make_guarded_client``, its pool kept for :func:`post`; the pool
    is :class:`~wirewatch_shared.httppool.KeepAlivePool`, not httpcore's: see there.)"""
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections
    )
    pool = KeepAlivePool(
        network_backend=GuardedNetworkBackend(
            # Plain asyncio streams, as ingest's fetcher: the pool's idle check is one
            # poll of the socket (through AnyIO they cost a tenth of the sender's CPU).
            inner=AsyncioBackend(),
            allow_private=allow_private,
        ),
        # As httpcore's pool under httpx's transport: TLS verified, no proxy variables.
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=limits.max_connections,
        max_connections_includes_idle=True,  # as httpcore's pool
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        retry_methods=(),  # a POST is never sent twice
    )
    transport = PoolTransport(pool)
    client = httpx.AsyncClient(
        transport=transport,
        trust_env=False,  # proxy variables would bypass the guard
        follow_redirects=False,
        headers={"user-agent": USER_AGENT},
    )
    _DIRECT_POOLS[client] = transport.pool
    return client


_DIRECT_POOLS: weakref.WeakKeyDictionary[httpx.AsyncClient, RequestHandler] = (
    weakref.WeakKeyDictionary()
)
"""The connection pool under each client :func:`make_http_client` made."""

_HTTPX_LOG = logging.getLogger("httpx")
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def scaled_retry_after(value: str | None, *, scale: float, cap: float) -> float | None:
    seconds = parse_retry_after(value)
    return None if seconds is None else min(seconds * scale, cap)


@dataclass(frozen=True, slots=True)
class HttpResult:
    status: int
    headers: httpx.Headers
    body: bytes


async def post(
    client: httpx.AsyncClient,
    url: str,
    *,
    content: bytes,
    headers: dict[str, str],
    timeout_s: float,
    read_limit: int = 0,
) -> HttpResult:
    """POST with an overall deadline; reads at most ``read_limit`` bytes of the answer.

    Maps transport failures to delivery errors: a refused address disables the
    endpoint (the name now points somewhere private), DNS or network trouble retries.
    """
    token = _sending_to_subscriber.set(True)
    try:
        async with asyncio.timeout(timeout_s):
            pool = _direct_pool(client)
            target = parsed_url(url) if pool is not None else None
            if pool is None or target is None or target.userinfo or client.cookies.jar:
                # Any other client, credentials in the URL (httpx sends Basic auth) or
                # cookies to send back: httpx's own client.
                return await _post_httpx(client, url, content, headers, read_limit)
            return await _post_direct(client, pool, target, content, headers, read_limit)
    except ResolutionError as exc:
        raise RetryableDeliveryError(str(exc)) from exc
    except SsrfError as exc:
        raise PermanentDeliveryError(f"target refused: {exc}", disable=True) from exc
    except TimeoutError as exc:
        raise RetryableDeliveryError(f"timed out after {timeout_s:g} s") from exc
    except httpx.InvalidURL as exc:
        # e.g. an octal host form (0177.0.0.1) that the address check let through with
        # the private-network allowance on, but that httpx cannot send to.
        raise PermanentDeliveryError(f"invalid target URL: {exc}", disable=True) from exc
    except httpx.HTTPError as exc:
        raise RetryableDeliveryError(f"{type(exc).__name__}: {exc}") from exc
    finally:
        _sending_to_subscriber.reset(token)


@lru_cache(maxsize=4096)
def parsed_url(url: str) -> httpx.URL:
    """``httpx.URL(url)``, parsed once per target (15–30 µs a parse, a few per cent of a
    send's CPU); an invalid one raises every time (exceptions are not cached). ``httpx.URL``
    is immutable: what a send reads of it, or derives from it, never changes it."""
    return httpx.URL(url)


def _direct_pool(client: httpx.AsyncClient) -> RequestHandler | None:
    """The client's pool when a request can go to it directly: a client from
    :func:`make_http_client`, open, with no auth or event hooks added since."""
    pool = _DIRECT_POOLS.get(client)
    if pool is None or client.is_closed or client.auth is not None:
        return None
    hooks = client.event_hooks
    return None if hooks["request"] or hooks["response"] else pool


async def _post_httpx(
    client: httpx.AsyncClient, url: str, content: bytes, headers: dict[str, str], read_limit: int
) -> HttpResult:
    async with client.stream("POST", url, content=content, headers=headers) as response:
        body = await _drained(response.aiter_bytes())
        return HttpResult(response.status_code, response.headers, body[:read_limit])


async def _post_direct(
    client: httpx.AsyncClient,
    pool: RequestHandler,
    target: httpx.URL,
    content: bytes,
    headers: dict[str, str],
    read_limit: int,
) -> HttpResult:
    """:func:`_post_httpx` straight to the client's pool, without httpx's request and
    response models, auth, cookie and redirect machinery (a fifth of a webhook send's
    CPU). The same request on the wire (:func:`_direct_request`), the same answer read
    (decoded when encoded) and the same errors (httpcore's mapped to httpx's, an invalid
    redirect ``Location``)."""
    request, merged = _direct_request(client, target, content, headers)
    try:
        response = await pool.handle_async_request(request)
    except Exception as exc:
        mapped = httpx_error(exc)  # as the client's transport maps it
        if mapped is exc:
            raise
        raise mapped from exc
    try:
        answer = httpx.Response(
            response.status,
            headers=response.headers,
            stream=ResponseStream(response),
            extensions=response.extensions,
        )
        if _HTTPX_LOG.isEnabledFor(logging.INFO):  # the client's line (redacted by the filter)
            _HTTPX_LOG.info(
                'HTTP Request: %s %s "%s %d %s"',
                "POST",
                target,
                answer.http_version,
                answer.status_code,
                answer.reason_phrase,
            )
        if "set-cookie" in answer.headers or "set-cookie2" in answer.headers:
            # Kept for later requests, as httpx's client does.
            answer.request = httpx.Request("POST", target, headers=merged)
            client.cookies.extract_cookies(answer)
        if response.status in _REDIRECT_STATUSES and "location" in answer.headers:
            _check_redirect(target, answer.headers["location"])
        encoded = "content-encoding" in answer.headers  # then decoded as httpx does
        body = await _drained(answer.aiter_bytes() if encoded else ResponseStream(response))
        return HttpResult(response.status, answer.headers, body[:read_limit])
    finally:
        await response.aclose()


def _direct_request(
    client: httpx.AsyncClient, target: httpx.URL, content: bytes, headers: dict[str, str]
) -> tuple[httpcore.Request, httpx.Headers]:
    """The request httpx's client would send, header for header: the client's headers
    merged with ``headers`` as httpx merges them, ``Host`` first and ``Content-Length`` as
    httpx adds them, the client's timeouts; and the merged headers."""
    merged = httpx.Headers(client.headers)
    merged.update(headers)
    raw_headers = merged.raw
    if content:
        raw_headers.append((b"Content-Length", str(len(content)).encode("ascii")))
    # ``host`` as httpx reads it (an invalid IDNA label fails here, as there).
    auto = [(b"Host", target.netloc)] if target.host else []
    if not content:
        auto.append((b"Content-Length", b"0"))
    request = core_request(
        b"POST",
        target,
        auto + raw_headers,
        content=content,
        extensions={"timeout": client.timeout.as_dict()},
    )
    return request, merged


async def _drained(chunks: AsyncIterable[bytes]) -> bytes:
    """Read (a bounded amount of) an answer: a fully read response lets the connection
    be reused; a huge one is cut off and its connection dropped."""
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if len(body) >= DRAIN_LIMIT:
            break
    return bytes(body)


def _check_redirect(request_url: httpx.URL, location: str) -> None:
    """What httpx's client does with a redirect it does not follow: it still builds the
    next request, so an invalid ``Location`` fails the send (``RemoteProtocolError``)."""
    try:
        url = httpx.URL(location)
    except httpx.InvalidURL as exc:
        raise httpx.RemoteProtocolError(f"Invalid URL in location header: {exc}.") from None
    if url.scheme and not url.host:
        url = url.copy_with(host=request_url.host)
    if url.is_relative_url:
        url = request_url.join(url)
    if request_url.fragment and not url.fragment:
        url = url.copy_with(fragment=request_url.fragment)
