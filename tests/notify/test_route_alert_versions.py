"""A flight record's versions read out of order (stop 39): in a flights-stage rebalance two
flights processes publish updates of one record, and a replay reads old versions again, so
notify may read version 3 of a record before version 2. Notify ignored ``version``: a
record announced as blocked (v1), then planned (v2), then flown (v3), read v1, v3, v2,
sent "completed" and then "now planned, was blocked", a status the flight had already
moved past. Now an event older than the newest version already recorded for the record
adds nothing (SQLite and PostgreSQL, through the real broker)."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from kafka import KafkaProducer
from wirewatch_notify import outbox, subscriptions
from wirewatch_notify.models import DeliveryKind
from wirewatch_shared import streams
from wirewatch_shared.events import FlightRecordEvent
from wirewatch_shared.kafka_admin import ensure_streams, group_lag

from tests.notify.support import make_service
from tests.support.poison import wait_for


def _version(
    record: str,
    version: int,
    status: str,
    previous: str | None,
    people: int | None = None,
    *,
    destination: str = "VE",
) -> FlightRecordEvent:
    return FlightRecordEvent(
        change="created" if version == 1 else "updated",
        record_id=record,
        version=version,
        origin="US",
        destination=destination,
        people=people,
        status=status,  # type: ignore[arg-type]
        previous_status=previous,  # type: ignore[arg-type]
        source_count=version,
        updated_at=datetime.now(UTC),
    )


def _subscribe(service: Any) -> int:
    request = subscriptions.parse_create(
        {
            "channel": "webhook",
            "target": "http://127.0.0.1:9/hook",
            "routes": [{"destination": "VE"}],
        }
    )
    created = subscriptions.create_subscription(service.engine, request, service.box)
    assert created.subscription.id is not None
    return created.subscription.id


def _alerts(service: Any, sub_id: int, record: str) -> list[tuple[str, str | None, int]]:
    """(status, previous status, version) of the record's alerts, oldest first."""
    rows = outbox.list_deliveries(service.engine, subscription_id=sub_id)
    flights = [
        json.loads(r.payload)["data"]["flight"]
        for r in sorted(rows, key=lambda r: r.id or 0)
        if r.kind == DeliveryKind.ALERT and r.item_id.startswith(f"flight:{record}")
    ]
    return [(f["status"], f["previous_status"], f["version"]) for f in flights]


async def _caught_up(bootstrap: str) -> bool:
    """Notify's flights group has committed every record of the stream. The group is fixed
    (not a setting): it also reads the session's earlier flight records, and a group
    member left by an earlier test refuses a commit that would start it at the end."""
    lag = await group_lag(bootstrap, {streams.GROUP_NOTIFY_FLIGHTS: streams.FLIGHTS})
    return bool(lag) and all(row.lag == 0 for row in lag)


@pytest.mark.integration
async def test_an_older_version_read_after_a_newer_one_sends_nothing(
    kafka_bootstrap: str, database_url: str
) -> None:
    await ensure_streams(kafka_bootstrap, [streams.FLIGHTS])
    service = make_service(database_url, kafka_bootstrap=kafka_bootstrap)
    sub = _subscribe(service)
    flown, flipped = (f"r-{uuid.uuid4().hex[:12]}" for _ in range(2))
    published = [
        # The brief's case: the landing (v2), then the announcement (v1).
        _version(flown, 2, "completed", "planned", people=304),
        _version(flown, 1, "planned", None),
        # Blocked (v1), planned again (v2), flown (v3): read v1, v3, v2.
        _version(flipped, 1, "blocked", None),
        _version(flipped, 3, "completed", "planned", people=120),
        _version(flipped, 2, "planned", "blocked", people=90),
    ]
    app = service.build_app()
    await app.start()
    try:
        producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
        for event in published:  # keyed by record: one partition each, read in this order
            body = event.model_dump_json().encode()
            producer.send(streams.FLIGHTS, body, key=event.record_id.encode())
        producer.flush(timeout=20)
        producer.close()
        await wait_for(lambda: asyncio.run(_caught_up(kafka_bootstrap)), timeout=60)
    finally:
        await app.stop()
    assert _alerts(service, sub, flown) == [("completed", "planned", 2)]
    # Was [blocked, completed, "now planned, was blocked" (v2, people 90)].
    assert _alerts(service, sub, flipped) == [("blocked", None, 1), ("completed", "planned", 3)]
    # The late versions took no status key either: a later real change still alerts.
    rows = outbox.list_deliveries(service.engine, subscription_id=sub)
    assert f"flight:{flown}:planned" not in {r.item_id for r in rows}


async def test_versions_out_of_order_in_one_batch_and_across_batches(database_url: str) -> None:
    service = make_service(database_url)
    sub = _subscribe(service)
    late = [_version("b", 1, "blocked", None), _version("b", 3, "completed", "planned")]
    await service.handle_flights([*late, _version("b", 2, "planned", "blocked")])
    assert _alerts(service, sub, "b") == [("blocked", None, 1), ("completed", "planned", 3)]
    # In order, in one batch: every status it reaches.
    await service.handle_flights([_version("c", 1, "blocked", None)])
    await service.handle_flights(
        [_version("c", 2, "planned", "blocked"), _version("c", 3, "completed", "planned")]
    )
    statuses = [status for status, _, _ in _alerts(service, sub, "c")]
    assert statuses == ["blocked", "planned", "completed"]
    # A redelivery of the newest version adds nothing, and is not refused as late either.
    await service.handle_flights([_version("c", 3, "completed", "planned")])
    assert len(_alerts(service, sub, "c")) == 3


async def test_a_second_process_waits_for_the_record_then_skips_its_late_version(
    database_url: str,
) -> None:
    """Two notify processes overlapping in a rebalance: one is recording v3 (not committed
    yet) when the other reads v2. The second waits for the record's lock, then reads v3
    and adds nothing; without the lock it read "nothing newer" and sent "planned" after
    "completed". PostgreSQL only: its advisory lock waits can be seen in ``pg_locks``."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer: the second process waits for the first anyway")
    from sqlalchemy import text
    from wirewatch_notify import flight_alerts

    one, two = make_service(database_url), make_service(database_url)
    sub = _subscribe(one)
    routes = flight_alerts.load_routes(one.engine)
    await one.handle_flights([_version("r", 1, "blocked", None)])
    now = datetime.now(UTC)

    def waiting() -> bool:
        with one.engine.connect() as conn:
            found = conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    " AND database = (SELECT oid FROM pg_database"
                    " WHERE datname = current_database())"
                )
            ).scalar_one()
        return bool(found)

    with one.engine.connect() as conn, conn.begin():
        v3 = _version("r", 3, "completed", "planned")
        flight_alerts.record_alerts_in(conn, [v3], routes, {}, now=now)  # takes the lock
        late = asyncio.create_task(two.handle_flights([_version("r", 2, "planned", "blocked")]))
        await wait_for(lambda: late.done() or waiting(), timeout=30)
    await asyncio.wait_for(late, timeout=30)
    assert _alerts(one, sub, "r") == [("blocked", None, 1), ("completed", "planned", 3)]
