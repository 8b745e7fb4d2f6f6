"""Outbound HTTP shared by the webhook and Slack channels: SSRF-guarded, no redirects."""

from __future__ import annotations

import asyncio
import logging
from contextvars import ContextVar
from dataclasses import dataclass

import httpx
from wirewatch_shared.httpdates import parse_retry_after
from wirewatch_shared.netbackend import AsyncioBackend
from wirewatch_shared.ssrf import ResolutionError, SsrfError, make_guarded_client

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
    One client per channel: connections are kept alive and reused across deliveries."""
    return make_guarded_client(
        allow_private=allow_private,
        # Plain asyncio streams, as ingest's fetcher: the pool's idle checks are one poll
        # of the socket (through AnyIO they cost a tenth of the sender's CPU).
        inner_backend=AsyncioBackend(),
        limits=httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        ),
        follow_redirects=False,
        headers={"user-agent": USER_AGENT},
    )


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
            async with client.stream("POST", url, content=content, headers=headers) as response:
                # Read (a bounded amount of) the answer: a fully read response lets the
                # connection be reused; a huge one is cut off and its connection dropped.
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) >= DRAIN_LIMIT:
                        break
                return HttpResult(response.status_code, response.headers, bytes(body[:read_limit]))
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
