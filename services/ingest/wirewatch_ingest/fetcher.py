"""HTTP fetching of feed documents (httpx, async, bounded, polite, SSRF-guarded).

- Conditional GET: ``If-None-Match`` / ``If-Modified-Since`` carry the
  validators exactly as the server sent them; a 304 returns no body.
- Limits: connect / read timeouts on the client, a total deadline over the
  whole fetch (redirects and body included), at most ``max_redirects``
  redirects (followed here, hop by hop, so no redirect body is ever read),
  and a cap on the decompressed body enforced while streaming.
- 429/503 and ``Retry-After``, ``Cache-Control: max-age`` and ``Expires``
  are reported to the scheduler as hints.
- Every connection goes through the SSRF guard's transport unless
  ``ingest_allow_private_networks`` is set.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import ssl
import time
import weakref
from collections.abc import AsyncIterator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import UTC, datetime
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from wirewatch_shared.httpdates import http_date, parse_retry_after
from wirewatch_shared.httppool import KeepAlivePool
from wirewatch_shared.httptransport import PoolTransport, core_request
from wirewatch_shared.netbackend import AsyncioBackend
from wirewatch_shared.ssrf import (
    AddressRefused,
    GuardedNetworkBackend,
    Resolver,
    SsrfError,
)

from wirewatch_ingest.decoding import BodyTooLargeError, BoundedDecoder, UnsupportedEncodingError
from wirewatch_ingest.politeness import HostPoliteness
from wirewatch_ingest.settings import IngestSettings

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
PRIVATE_HINT = "WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS=true allows private and loopback feeds"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
KEEPALIVE_EXPIRY_S = 5.0
"""An idle connection is closed after this long (the feed server may close it sooner)."""
_MAX_AGE = re.compile(r"(?:^|[,\s])(?:s-maxage|max-age)\s*=\s*\"?(\d+)")


class FetchError(Exception):
    """A fetch failed. ``status`` is the HTTP status when there was one; ``kind`` one of
    http, timeout, too_large, redirects, blocked, encoding, network."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        kind: str = "network",
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind
        self.retry_after_s = retry_after_s


@dataclass(frozen=True, slots=True)
class FetchResult:
    status: int
    url: str
    """The final URL, after redirects."""
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    retry_after_s: float | None = None
    cache_ttl_s: float | None = None
    """Cache-Control max-age, else Expires - Date: do not ask again sooner."""
    moved_to: str | None = None
    """Where the requested URL's permanent redirects (301/308, from the first hop on)
    led: the feed's new address, if it keeps saying so. None when the first answer was
    not a permanent redirect (a 302/307 never moves a feed)."""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def parse_cache_ttl(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """Freshness lifetime from ``Cache-Control`` (max-age wins) or ``Expires``."""
    control = (headers.get("cache-control") or "").lower()
    if "no-store" in control or "no-cache" in control:
        return None
    match = _MAX_AGE.search(control)
    if match:
        return float(match.group(1))
    expires = http_date(headers.get("expires"))
    if expires is None:
        return None
    reference = http_date(headers.get("date")) or now or datetime.now(UTC)
    return max(0.0, (expires - reference).total_seconds())


def make_http_client(
    settings: IngestSettings,
    *,
    resolver: Resolver | None = None,
    inner_backend: httpcore.AsyncNetworkBackend | None = None,
    verify: ssl.SSLContext | bool = True,
) -> httpx.AsyncClient:
    """The one HTTP client of an ingest process (guarded unless private networks are allowed).

    ``verify``: certificate verification (default: the certifi bundle); an SSL context
    for a private CA.
    """
    # Keep-alive per origin (O(1) per request, see wirewatch_shared.httppool): feeds of
    # one host polled close together reuse a connection instead of opening one each.
    fast_backend = inner_backend or AsyncioBackend()
    backend: httpcore.AsyncNetworkBackend = (
        fast_backend
        if settings.ingest_allow_private_networks
        else GuardedNetworkBackend(resolver=resolver, inner=fast_backend)
    )
    pool = KeepAlivePool(
        ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
        network_backend=backend,
        max_connections=settings.max_concurrent_fetches + 8,
        max_keepalive_connections=max(64, 4 * settings.max_concurrent_fetches),
        max_idle_per_origin=settings.host_max_concurrent,
        keepalive_expiry=KEEPALIVE_EXPIRY_S,
        retry_methods=[b"GET"],
    )
    transport = PoolTransport(pool)
    client = httpx.AsyncClient(
        transport=transport,
        headers={
            "User-Agent": settings.user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip, deflate",
        },
        timeout=httpx.Timeout(
            settings.fetch_read_timeout_s,
            connect=settings.fetch_connect_timeout_s,
            pool=settings.fetch_total_timeout_s,
        ),
        follow_redirects=False,
        trust_env=False,
    )
    _DIRECT_POOLS[client] = pool
    return client


_HTTPCORE_ERRORS = (
    httpcore.NetworkError,
    httpcore.ProtocolError,
    httpcore.UnsupportedProtocol,
    httpcore.ProxyError,
)


_DIRECT_POOLS: weakref.WeakKeyDictionary[httpx.AsyncClient, KeepAlivePool] = (
    weakref.WeakKeyDictionary()
)
"""The :class:`KeepAlivePool` under each client :func:`make_http_client` made."""


def direct_pool(client: httpx.AsyncClient) -> KeepAlivePool | None:
    """The client's :class:`KeepAlivePool` when requests can go to it directly: a client
    from :func:`make_http_client` (its one transport over that pool, no auth)."""
    if client.auth is not None:
        return None
    return _DIRECT_POOLS.get(client)


def _encode_header(value: str) -> bytes:
    try:
        return value.encode("ascii")
    except UnicodeEncodeError:
        return value.encode("utf-8")


def _decode_header(value: bytes) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")


class _Response(NamedTuple):
    """One hop's response, whichever path sent the request (header names lower-case)."""

    status: int
    url: str
    headers: dict[str, str]
    reason: str
    body: AsyncIterator[bytes]


@dataclass(eq=False)
class Fetcher:
    """Fetches one feed URL at a time, within the limits; raises :class:`FetchError`."""

    client: httpx.AsyncClient
    _: KW_ONLY
    max_body_bytes: int
    total_timeout_s: float
    max_redirects: int
    politeness: HostPoliteness | None = None

    @classmethod
    def from_settings(
        cls, client: httpx.AsyncClient, settings: IngestSettings, *, polite: bool = True
    ) -> Fetcher:
        return cls(
            client,
            max_body_bytes=settings.max_body_bytes,
            total_timeout_s=settings.fetch_total_timeout_s,
            max_redirects=settings.max_redirects,
            politeness=(
                HostPoliteness(settings.host_max_concurrent, settings.host_min_gap_s)
                if polite
                else None
            ),
        )

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        host = urlsplit(url).hostname or ""
        slot: AbstractAsyncContextManager[None] = (
            self.politeness.slot(host) if self.politeness else nullcontext()
        )
        async with slot:
            started = time.monotonic()
            try:
                async with asyncio.timeout(self.total_timeout_s):
                    return await self._fetch(url, etag, last_modified)
            except TimeoutError:
                raise FetchError(
                    f"timeout: no complete response within {self.total_timeout_s:g}s "
                    f"({time.monotonic() - started:.1f}s)",
                    kind="timeout",
                ) from None
            except AddressRefused as exc:
                raise FetchError(f"blocked: {exc} ({PRIVATE_HINT})", kind="blocked") from None
            except SsrfError as exc:
                raise FetchError(f"blocked: {exc}", kind="blocked") from None
            except (httpx.TimeoutException, httpcore.TimeoutException) as exc:
                raise FetchError(f"timeout: {type(exc).__name__}", kind="timeout") from None
            except httpx.InvalidURL as exc:
                raise FetchError(f"invalid URL: {exc}", kind="blocked") from None
            except (httpx.HTTPError, *_HTTPCORE_ERRORS) as exc:
                # httpcore's errors (direct path) have the names httpx gives them.
                raise FetchError(f"{type(exc).__name__}: {exc}".rstrip(": ")) from None
            except OSError as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}") from None

    async def _fetch(self, url: str, etag: str | None, last_modified: str | None) -> FetchResult:
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        pool = direct_pool(self.client)
        current = url
        moved_to: str | None = None
        permanent = True  # every hop so far was a permanent redirect
        for _hop in range(self.max_redirects + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchError(f"refusing non-http(s) URL {current!r}", kind="blocked")
            opened = (
                self._open_direct(pool, current, headers)
                if pool is not None
                else self._open_httpx(current, headers)
            )
            async with opened as response:
                outcome = await self._outcome(response, etag, last_modified)
                permanent = permanent and response.status in PERMANENT_REDIRECTS
            if isinstance(outcome, FetchResult):
                return replace(outcome, moved_to=moved_to) if moved_to else outcome
            current = outcome
            if permanent:
                moved_to = current
        raise FetchError(f"too many redirects (more than {self.max_redirects})", kind="redirects")

    @asynccontextmanager
    async def _open_httpx(self, url: str, headers: dict[str, str]) -> AsyncIterator[_Response]:
        """One request through the httpx client (any client: mounts, custom transports)."""
        request = self.client.build_request("GET", url, headers=headers)
        response = await self.client.send(request, stream=True)
        try:
            yield _Response(
                response.status_code,
                str(response.url),
                {k.lower(): v for k, v in response.headers.items()},
                response.reason_phrase,
                response.aiter_raw(),
            )
        finally:
            await response.aclose()

    @asynccontextmanager
    async def _open_direct(
        self, pool: KeepAlivePool, url: str, headers: dict[str, str]
    ) -> AsyncIterator[_Response]:
        """One request straight to the client's :class:`KeepAlivePool`, skipping httpx's
        request/response models, auth, cookie and redirect machinery (a third of the
        CPU of a 304). Same URL parsing, headers, timeouts and network backend (the
        SSRF guard) as the client; httpcore errors are mapped in :meth:`fetch`."""
        target = httpx.URL(url)
        if target.userinfo or self.client.cookies.jar:
            # Credentials in the URL (httpx sends Basic auth) or cookies to send: httpx.
            async with self._open_httpx(url, headers) as response:
                yield response
            return
        raw_headers = [(b"Host", target.netloc), *self.client.headers.raw]
        raw_headers += [(k.encode(), _encode_header(v)) for k, v in headers.items()]
        request = core_request(
            b"GET", target, raw_headers, extensions={"timeout": self.client.timeout.as_dict()}
        )
        raw = await pool.handle_async_request(request)
        try:
            merged: dict[str, str] = {}
            for raw_key, raw_value in raw.headers:
                key = raw_key.decode("latin-1").lower()
                value = _decode_header(raw_value)
                merged[key] = f"{merged[key]}, {value}" if key in merged else value
            if "set-cookie" in merged:  # kept for later requests, as httpx's client does
                self.client.cookies.extract_cookies(
                    httpx.Response(
                        raw.status, headers=raw.headers, request=httpx.Request("GET", target)
                    )
                )
            reason = raw.extensions.get("reason_phrase", b"")
            yield _Response(
                raw.status,
                str(target),
                merged,
                reason.decode("latin-1") if isinstance(reason, bytes) else "",
                raw.aiter_stream(),
            )
        finally:
            await raw.aclose()

    async def _outcome(
        self, response: _Response, etag: str | None, last_modified: str | None
    ) -> FetchResult | str:
        """What one hop's response means: the URL to follow (a redirect), or the result."""
        status, url, headers, reason, raw_body = response
        location = headers.get("location")
        if status in REDIRECT_STATUSES and location:
            return urljoin(url, location.strip())
        now = datetime.now(UTC)
        retry_after = parse_retry_after(headers.get("retry-after"), now)
        if status == 304:
            # A 304 has no body (HTTP and h11 ignore any length header on it); reading
            # to the end of the message lets the connection go back to the pool.
            async for _ in raw_body:
                pass
            return FetchResult(
                status=304,
                url=url,
                headers=headers,
                etag=headers.get("etag", etag),
                last_modified=headers.get("last-modified", last_modified),
                retry_after_s=retry_after,
                cache_ttl_s=parse_cache_ttl(headers, now),
            )
        if not 200 <= status < 300:
            reason = reason or httpx.codes.get_reason_phrase(status)
            raise FetchError(
                f"HTTP {status} {reason}".strip(),
                status=status,
                kind="http",
                retry_after_s=retry_after,
            )
        try:
            decoder = BoundedDecoder(headers.get("content-encoding"), self.max_body_bytes)
            async for raw in raw_body:
                decoder.feed(raw)
            body = decoder.finish()
        except BodyTooLargeError as exc:
            raise FetchError(str(exc), status=status, kind="too_large") from None
        except UnsupportedEncodingError as exc:
            raise FetchError(str(exc), status=status, kind="encoding") from None
        return FetchResult(
            status=status,
            url=url,
            body=body,
            headers=headers,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            content_hash=hashlib.sha256(body).hexdigest(),
            retry_after_s=retry_after,
            cache_ttl_s=parse_cache_ttl(headers, now),
        )
