"""The one small interface every channel implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class DeliveryRequest:
    """Everything a channel needs to send one alert."""

    message_id: str  # stable per (subscription, item): receivers can de-duplicate
    target: str  # URL or email address
    envelope: dict[str, Any]
    secret: str | None = None  # webhook signing secret (decrypted, never logged)


class RetryableDeliveryError(Exception):
    """Try again later (network error, 5xx, 429, SMTP 4xx)."""

    def __init__(self, message: str, *, retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class PermanentDeliveryError(Exception):
    """Retrying cannot help; ``disable`` also stops the subscription (e.g. HTTP 410)."""

    def __init__(self, message: str, *, disable: bool = False) -> None:
        super().__init__(message)
        self.disable = disable


class Channel(Protocol):
    name: str

    async def send(self, request: DeliveryRequest) -> None:
        """Deliver or raise Retryable/PermanentDeliveryError."""
        ...

    async def aclose(self) -> None: ...
