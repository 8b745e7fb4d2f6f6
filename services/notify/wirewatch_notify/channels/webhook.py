"""Generic JSON webhooks, signed per the Standard Webhooks spec (v1)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

import httpx
from wirewatch_shared.httpdates import parse_retry_after

from wirewatch_notify.channels.base import (
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)
from wirewatch_notify.channels.http import post, scaled_retry_after
from wirewatch_notify.secrets import SECRET_PREFIX
from wirewatch_notify.settings import NotifySettings

__all__ = ["WebhookChannel", "encode_body", "parse_retry_after", "sign", "signature_header"]

RETRY_AFTER_STATUSES = frozenset({429, 502, 503, 504})


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """``v1,<base64 HMAC-SHA256 of "id.timestamp.body">`` with the base64-decoded secret."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_header(secrets: tuple[str, ...], message_id: str, timestamp: int, body: bytes) -> str:
    """One ``v1,...`` entry per valid secret, space-separated (both during a rotation)."""
    return " ".join(sign(secret, message_id, timestamp, body) for secret in secrets)


def encode_body(envelope: dict[str, Any]) -> bytes:
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()


class WebhookChannel:
    name = "webhook"
    endpoint_concurrency: int | None = None

    def __init__(self, client: httpx.AsyncClient, settings: NotifySettings) -> None:
        self.client = client
        self.settings = settings

    @classmethod
    def from_settings(cls, settings: NotifySettings, client: httpx.AsyncClient) -> WebhookChannel:
        return cls(client, settings)

    def endpoint_key(self, target: str) -> str:
        return target

    async def send(self, request: DeliveryRequest) -> None:
        body = request.body if request.body is not None else encode_body(request.envelope)
        timestamp = int(time.time())
        headers = {
            "content-type": "application/json",
            "webhook-id": request.message_id,
            "webhook-timestamp": str(timestamp),
        }
        if request.secrets:
            headers["webhook-signature"] = signature_header(
                request.secrets, request.message_id, timestamp, body
            )
        result = await post(
            self.client,
            request.target,
            content=body,
            headers=headers,
            timeout_s=self.settings.webhook_timeout_s,
        )
        status = result.status
        if 200 <= status < 300:
            return
        if status == 410:
            raise PermanentDeliveryError("HTTP 410 Gone: endpoint removed", disable=True)
        retry_after = (
            scaled_retry_after(
                result.headers.get("retry-after"),
                scale=self.settings.retry_after_scale,
                cap=self.settings.max_retry_after_s,
            )
            if status in RETRY_AFTER_STATUSES
            else None
        )
        # 3xx is not followed (a moved endpoint must be re-registered), other
        # 4xx/5xx may be a passing misconfiguration: retried on the schedule.
        raise RetryableDeliveryError(f"HTTP {status}", retry_after_s=retry_after)

    async def aclose(self) -> None:
        await self.client.aclose()
