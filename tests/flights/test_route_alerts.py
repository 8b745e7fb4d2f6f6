"""Route alerts in notify (SQLite and PostgreSQL): a subscription with a route gets one
alert per matching flight record, and one update per status it reaches, whatever the
number of versions, and no item alerts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import Engine
from wirewatch_flights import store
from wirewatch_notify import flight_alerts, outbox, subscriptions
from wirewatch_notify.secrets import SecretBox

from tests.flights.split import DATA
from tests.flights.support import dev_items, observation
from wirewatch.schema import upgrade

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

pytestmark = pytest.mark.integration


def _subscribe(engine: Engine, origin: str | None, destination: str | None) -> int:
    created = subscriptions.create_subscription(
        engine,
        subscriptions.parse_create(
            {
                "topics": ["repatriation-flights"],
                "channel": "webhook",
                "target": "https://example.org/h",
            }
        ),
        SecretBox(b"k" * 32),
    )
    assert created.subscription.id is not None
    flight_alerts.add_route(engine, created.subscription.id, origin, destination)
    return created.subscription.id


def test_one_alert_per_record_on_the_route(engine: Engine) -> None:
    upgrade(engine)
    to_venezuela = _subscribe(engine, None, "VE")
    from_germany = _subscribe(engine, "DE", None)
    events = [
        store.record_observation(engine, *observation(o))
        for o in dev_items("fl-0181", "fl-0182", "fl-0117", "fl-0060")
    ]
    routes = flight_alerts.load_routes(engine)
    now = datetime.now(UTC)
    new = flight_alerts.flight_deliveries([e for e in events if e], routes, {}, now=now)
    recorded = outbox.enqueue(engine, new)
    sent = [d for d in new if not d.cancelled]
    # Three versions of one VE record, announced then flown: its first alert and one
    # update (completed); the German record: one alert.
    assert sorted((d.subscription_id, d.item_id.count(":")) for d in sent) == [
        (to_venezuela, 1),
        (to_venezuela, 2),
        (from_germany, 1),
    ]
    assert recorded == len(new)
    by_sub = {d.subscription_id: d for d in sent if d.item_id.count(":") == 1}
    flight = by_sub[to_venezuela].envelope["data"]["flight"]
    assert (flight["origin"], flight["destination"]) == ("US", "VE")
    assert flight["evidence"] and flight["sources"]
    assert by_sub[from_germany].envelope["data"]["flight"]["destination"] == "AF"
    # Redelivered events add nothing.
    assert outbox.enqueue(engine, new) == 0


def test_a_route_needs_a_country(engine: Engine) -> None:
    upgrade(engine)
    with pytest.raises(ValueError):
        flight_alerts.add_route(engine, 1, None, None)
    with pytest.raises(ValueError):
        flight_alerts.add_route(engine, 1, "USA", None)
    with pytest.raises(ValueError, match="not an ISO 3166-1 alpha-2 country code: 'QQ'"):
        flight_alerts.add_route(engine, 1, None, "QQ")
