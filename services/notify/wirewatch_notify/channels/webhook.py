"""Generic JSON webhooks, signed per the Standard Webhooks spec (v1)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from email.utils import parsedate_to_datetime

import httpx

from wirewatch_notify.channels.base import (
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)
from wirewatch_notify.secrets import SECRET_PREFIX

RETRY_AFTER_STATUSES = frozenset({429, 502, 503, 504})


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """``v1,<base64 HMAC-SHA256 of "id.timestamp.body">`` with the base64-decoded secret."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(0.0, when - (now if now is not None else time.time()))


def encode_body(envelope: dict[str, object]) -> bytes:
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()


class WebhookChannel:
    name = "webhook"

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def send(self, request: DeliveryRequest) -> None:
        body = encode_body(request.envelope)
        timestamp = int(time.time())
        headers = {
            "content-type": "application/json",
            "webhook-id": request.message_id,
            "webhook-timestamp": str(timestamp),
        }
        if request.secret:
            headers["webhook-signature"] = sign(request.secret, request.message_id, timestamp, body)
        try:
            response = await self.client.post(request.target, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise RetryableDeliveryError(f"{type(exc).__name__}: {exc}") from exc
        status = response.status_code
        if 200 <= status < 300:
            return
        if status == 410:
            raise PermanentDeliveryError("HTTP 410 Gone: endpoint removed", disable=True)
        retry_after = (
            parse_retry_after(response.headers.get("retry-after"))
            if status in RETRY_AFTER_STATUSES
            else None
        )
        # 3xx is not followed (a moved endpoint must be re-registered), other
        # 4xx/5xx may be a passing misconfiguration: retried on the schedule.
        raise RetryableDeliveryError(f"HTTP {status}", retry_after_s=retry_after)

    async def aclose(self) -> None:
        await self.client.aclose()


def make_webhook_client(timeout_s: float) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout_s),
        follow_redirects=False,
        headers={"user-agent": "Wirewatch-Webhooks/0.1"},
        limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
    )
