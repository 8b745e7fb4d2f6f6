"""Metric hooks around the services' own objects (duck-typed: shared imports no service).

notify wraps its channels with :func:`instrument_channels`, so every delivery attempt is
timed, every sent one counted and every delivered alert's freshness observed, without
touching the channels. A failed attempt is counted by the worker (``record_delivery``
with ``retry`` or ``dead``): only it knows whether the delivery will be tried again (the
last retryable failure is a death). (ingest and classify call the
``record_*`` functions of :mod:`wirewatch_shared.metrics` where their events happen.)
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from wirewatch_shared.metrics import record_alert_delivered, record_delivery, time_delivery

ALERT_TYPES = frozenset({"wirewatch.alert.v1", "wirewatch.digest.v1"})


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def observe_freshness(channel: str, envelope: Mapping[str, Any] | None) -> None:
    """Freshness of a delivered alert (or digest): since fetch and since publication."""
    if not envelope or envelope.get("type") not in ALERT_TYPES:
        return
    data = envelope.get("data") or {}
    # An alert carries data.item; a digest carries each alert's data in data.alerts.
    carried = data.get("alerts")
    alerts: list[Any] = carried if isinstance(carried, list) else [data]
    items = [a["item"] for a in alerts if isinstance(a, dict) and isinstance(a.get("item"), dict)]
    now = datetime.now(UTC)
    for item in items:
        if isinstance(item, dict):
            record_alert_delivered(
                channel,
                fetched_at=_moment(item.get("fetched_at")),
                published=_moment(item.get("published")),
                now=now,
            )


class InstrumentedChannel:
    """A notify channel that counts, times and observes what goes through it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name: str = inner.name

    async def send(self, request: Any) -> None:
        started = time.perf_counter()
        try:
            await self.inner.send(request)
        except Exception:
            time_delivery(self.name, time.perf_counter() - started)  # counted by the worker
            raise
        record_delivery(self.name, "sent", time.perf_counter() - started)
        observe_freshness(self.name, getattr(request, "envelope", None))

    async def aclose(self) -> None:
        await self.inner.aclose()

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


C = TypeVar("C")


def instrument_channels(channels: Mapping[str, C]) -> dict[str, C]:
    """Wrap every channel."""
    return {
        name: InstrumentedChannel(channel)  # type: ignore[misc]
        for name, channel in channels.items()
    }
