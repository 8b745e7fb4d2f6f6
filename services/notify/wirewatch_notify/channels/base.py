"""The one small interface every channel implements, and the errors it raises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from wirewatch_notify.settings import NotifySettings


@dataclass(frozen=True, slots=True)
class DeliveryRequest:
    """Everything a channel needs to send one message."""

    message_id: str  # stable per (subscription, item): receivers can de-duplicate
    target: str  # URL, email address or Apprise URL (decrypted; never logged)
    envelope: dict[str, Any]  # wirewatch.alert.v1 / wirewatch.digest.v1 / wirewatch.confirm.v1
    body: bytes | None = None  # the envelope as stored (compact JSON): sent as is by webhooks
    secrets: tuple[str, ...] = ()  # webhook signing secrets, newest first (never logged)
    unsubscribe_url: str | None = None  # email: RFC 8058 one-click link
    confirm_url: str | None = None  # email: double opt-in link


class RetryableDeliveryError(Exception):
    """Try again later (network error, 5xx, 429, SMTP 4xx).

    ``retry_after_s`` is the receiver's wish (never retried sooner); with ``exact`` the
    retry happens exactly then instead of on the schedule; ``counts=False`` means the
    attempt was not made at all (e.g. held back by rate limiting) and is not counted.
    """

    def __init__(
        self,
        message: str,
        *,
        retry_after_s: float | None = None,
        exact: bool = False,
        counts: bool = True,
    ) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s
        self.exact = exact
        self.counts = counts


class PermanentDeliveryError(Exception):
    """Retrying cannot help; ``disable`` also stops the subscription (e.g. HTTP 410)."""

    def __init__(self, message: str, *, disable: bool = False) -> None:
        super().__init__(message)
        self.disable = disable


class Channel(Protocol):
    name: str
    endpoint_concurrency: int | None  # sends at once per endpoint; None: the settings' default

    def endpoint_key(self, target: str) -> str:
        """What concurrency caps and pacing are counted against (URL, SMTP relay...)."""
        ...

    async def send(self, request: DeliveryRequest) -> None:
        """Deliver or raise Retryable/PermanentDeliveryError."""
        ...

    async def aclose(self) -> None: ...


class SettingsChannel:
    """A channel that needs only the notify settings: no client of its own to close, and
    the settings' default concurrency per endpoint."""

    name: str
    endpoint_concurrency: int | None = None

    def __init__(self, settings: NotifySettings) -> None:
        self.settings = settings

    async def aclose(self) -> None:
        return None
