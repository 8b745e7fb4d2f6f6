"""Route alerts in notify's own consumer path (SQLite and PostgreSQL): a route
subscription's digest applies to its flight-record alerts as to any alert."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.models import DeliveryStatus
from wirewatch_notify.timing import period_end
from wirewatch_shared.events import FlightRecordEvent

from tests.notify.support import make_service


def _record(record_id: str, destination: str) -> FlightRecordEvent:
    return FlightRecordEvent(
        change="created",
        record_id=record_id,
        version=1,
        origin="US",
        destination=destination,
        status="completed",
        source_count=1,
        updated_at=datetime.now(UTC),
    )


@pytest.mark.parametrize("alert_mode", ["story", "item"])
async def test_a_digest_route_subscription_holds_its_flight_alerts(
    database_url: str, alert_mode: str
) -> None:
    """Story mode is the default of a new subscription: its route alerts were sent at
    once, one message each, instead of waiting for the digest."""
    service = make_service(database_url)
    request = subscriptions.parse_create(
        {
            "channel": "webhook",
            "target": "https://hooks.example.org/gt",
            "routes": [{"destination": "GT"}],
            "mode": "digest",
            "digest_interval_minutes": 60,
            "alert_mode": alert_mode,
        }
    )
    subscriptions.create_subscription(service.engine, request, service.box)
    before = datetime.now(UTC)
    await service.handle_flights([_record("r-gt", "GT"), _record("r-hn", "HN")])
    [delivery] = outbox.list_deliveries(service.engine)
    assert (delivery.item_id, delivery.status) == ("flight:r-gt", DeliveryStatus.HELD)
    assert delivery.next_attempt_at in {period_end(60, before), period_end(60, datetime.now(UTC))}
