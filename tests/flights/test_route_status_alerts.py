"""Route alerts follow a record's status (SQLite and PostgreSQL, notify's real consumer
path): a route subscriber hears once that a flight is reported, and once more each time
the record reaches a status it had not had (the announced flight landed, or was
cancelled) — never more, whatever the redeliveries, replays or notify processes.

Real items of the development set: the US announcement of 5 October 2023 that
deportation flights to Venezuela resume (fl-0181, planned), then the AP report of the
first flight's landing on 18 October 2023 (fl-0182, completed), one record.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from wirewatch_flights import store
from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.flight_alerts import Route, flight_deliveries, record_key
from wirewatch_notify.models import Delivery
from wirewatch_shared.events import FlightRecordEvent

from tests.flights.split import DATA
from tests.flights.support import dev_items, observation
from tests.notify.support import make_service

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

pytestmark = pytest.mark.integration


def _subscribe(service: Any, destination: str) -> int:
    request = subscriptions.parse_create(
        {
            "channel": "webhook",
            "target": "https://hooks.example.org/ve",
            "routes": [{"destination": destination}],
        }
    )
    created = subscriptions.create_subscription(service.engine, request, service.box)
    assert created.subscription.id is not None
    return created.subscription.id


def _alerts(service: Any, sub_id: int) -> list[Delivery]:
    """The subscription's alerts, oldest first (rows that only take a key are not alerts)."""
    found = outbox.list_deliveries(service.engine, subscription_id=sub_id)
    return sorted(found, key=lambda d: d.id or 0)


def _flight(delivery: Delivery) -> dict[str, Any]:
    import json

    payload = json.loads(delivery.payload)
    flight: dict[str, Any] = payload["data"]["flight"]
    flight["_title"] = payload["data"]["item"]["title"]
    return flight


async def test_a_route_subscriber_hears_that_the_announced_flight_landed(
    database_url: str,
) -> None:
    service = make_service(database_url)
    sub_id = _subscribe(service, "VE")
    announced, landed = (observation(o) for o in dev_items("fl-0181", "fl-0182"))
    planned = store.record_observation(service.engine, *announced)
    assert planned is not None and planned.status == "planned"
    await service.handle_flights([planned])
    [first] = _alerts(service, sub_id)
    assert first.item_id == record_key(planned.record_id)

    completed = store.record_observation(service.engine, *landed)
    assert completed is not None and completed.record_id == planned.record_id
    assert (completed.status, completed.previous_status) == ("completed", "planned")
    await service.handle_flights([completed])
    alerts = _alerts(service, sub_id)
    assert len(alerts) == 2, [a.item_id for a in alerts]
    update = _flight(alerts[1])
    assert (update["status"], update["previous_status"]) == ("completed", "planned")
    assert "completed" in update["_title"] and "was planned" in update["_title"]
    assert update["evidence"] and update["sources"]

    # Redelivered, replayed from the start, and a later version that changes no status
    # (one more outlet): nothing more.
    later = completed.model_copy(update={"version": completed.version + 1, "source_count": 3})
    await service.handle_flights([planned, completed, later])
    await service.handle_flights([later])
    assert len(_alerts(service, sub_id)) == 2


async def test_two_notify_processes_send_each_status_once(database_url: str) -> None:
    one, two = make_service(database_url), make_service(database_url)
    sub_id = _subscribe(one, "VE")
    events = [
        store.record_observation(one.engine, *observation(o))
        for o in dev_items("fl-0181", "fl-0182")
    ]
    assert all(events)
    batch = [e for e in events if e is not None]
    await asyncio.gather(one.handle_flights(batch), two.handle_flights(batch))
    await asyncio.gather(one.handle_flights(batch[1:]), two.handle_flights(batch))
    statuses = [_flight(a)["status"] for a in _alerts(one, sub_id)]
    assert statuses == ["planned", "completed"]


def _version(version: int, status: str, previous: str | None) -> FlightRecordEvent:
    return FlightRecordEvent(
        change="created" if version == 1 else "updated",
        record_id="r-ve",
        version=version,
        origin="US",
        destination="VE",
        status=status,  # type: ignore[arg-type]
        previous_status=previous,  # type: ignore[arg-type]
        source_count=version,
        updated_at=datetime.now(UTC),
    )


async def test_status_updates_are_bounded_one_per_status(database_url: str) -> None:
    """A record whose sources flip (announced, suspended, announced again, flown,
    suspended again) gives one alert per status it reaches, three at most."""
    service = make_service(database_url)
    sub_id = _subscribe(service, "VE")
    flips = [
        ("planned", None),
        ("blocked", "planned"),
        ("planned", "blocked"),
        ("completed", "planned"),
        ("completed", "planned"),  # one more source, no status change
        ("blocked", "completed"),
        ("completed", "blocked"),
    ]
    for n, (status, previous) in enumerate(flips, start=1):
        await service.handle_flights([_version(n, status, previous)])
    statuses = [_flight(a)["status"] for a in _alerts(service, sub_id)]
    assert statuses == ["planned", "blocked", "completed"]


def test_a_record_first_seen_at_its_status_change_is_one_alert() -> None:
    """The flights stage publishes a batch's last version only: a route subscriber may first
    see a record when its status has just changed; it gets one alert, not two."""
    event = _version(2, "completed", "planned")
    new = flight_deliveries([event], {7: ()}, {}, now=datetime.now(UTC))
    assert new == []  # no route: nothing
    new = flight_deliveries([event], {7: (Route(None, "VE"),)}, {}, now=datetime.now(UTC))
    sent = [d for d in new if not d.cancelled]
    assert len(sent) == 1 and sent[0].envelope["data"]["flight"]["status"] == "completed"


def test_route_alerts_match_the_documented_payload_schema() -> None:
    """A route alert has no topic match of its own (it is a record, not an item): the
    documented schema required one, so every route alert and every digest holding one
    failed it. Its ``data.flight`` is documented too."""
    import json
    from pathlib import Path

    jsonschema = pytest.importorskip("jsonschema")
    from wirewatch_notify.payloads import alert_envelope, digest_envelope

    from tests.notify.support import NOW, classified

    schema = Path(__file__).resolve().parents[2] / "docs" / "alert-payload.schema.json"
    validator = jsonschema.Draft202012Validator(json.loads(schema.read_text()))
    route: dict[int, tuple[Route, ...]] = {7: (Route(None, "VE"),)}
    first, update = (
        d.envelope
        for e in (_version(1, "planned", None), _version(2, "completed", "planned"))
        for d in flight_deliveries([e], route, {}, now=NOW)
        if not d.cancelled
    )
    digest = digest_envelope([first, update], period_end=NOW, now=NOW)
    for envelope in (first, update, digest):
        validator.validate(json.loads(json.dumps(envelope)))
    # An item alert still needs its matches.
    item = classified("flights")
    alert = json.loads(json.dumps(alert_envelope(item, item.matches, now=NOW)))
    alert["data"]["matches"] = []
    assert not validator.is_valid(alert)
