"""Stop 37 audit: notify delivery under adverse and edge conditions (clock changes, SMTP
refusals, re-posted items), against real databases and servers."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.models import DeliveryKind, DeliveryStatus
from wirewatch_notify.release import release_held

from tests.notify.support import classified, make_service


def _subscribe(service: Any, **fields: Any) -> int:
    body = {
        "alert_mode": "item",
        "topic": "flights",
        "channel": "webhook",
        "target": "https://hooks.example.org/x",
        **fields,
    }
    created = subscriptions.create_subscription(
        service.engine, subscriptions.parse_create(body), service.box
    )
    assert created.subscription.id is not None
    return created.subscription.id


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


async def test_alerts_in_the_repeated_hour_wait_for_their_digest(database_url: str) -> None:
    """New York, 2024-11-03: 01:00-02:00 comes twice. Two alerts at the second 01:10 and
    01:20 (EST) belong to the 30-minute digest ending at 01:30 EST. Their period end was
    computed as 01:30 EDT, an hour in the past: each alert was released at the next tick,
    a digest per alert all through that hour instead of one at 01:30."""
    service = make_service(database_url, log_level="WARNING")
    _subscribe(service, mode="digest", digest_interval_minutes=30, timezone="America/New_York")
    for at, title in (("01:10", "First flight"), ("01:20", "Second flight")):
        now = _utc(f"2024-11-03T{at}:00-05:00")
        service.worker.clock = lambda now=now: now
        await service.handle_classified(classified("flights", title=title))
        assert release_held(service.engine, now) == 0  # held: the period is not over
    held = outbox.list_deliveries(service.engine, status=DeliveryStatus.HELD)
    assert {d.next_attempt_at for d in held} == {_utc("2024-11-03T01:30:00-05:00")}
    assert release_held(service.engine, _utc("2024-11-03T01:30:00-05:00")) == 2
    [digest] = outbox.list_deliveries(service.engine, status=DeliveryStatus.PENDING)
    assert digest.kind == DeliveryKind.DIGEST
    assert json.loads(digest.payload)["data"]["count"] == 2
    service.engine.dispose()
