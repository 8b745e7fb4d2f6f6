"""The newest version of each flight record notify has read, kept in a table of its own
(``notify_flight_record_version``, stop 40).

Route alerts skip a flight record event older than the newest version already read
(stop 39), but that version was read from the route alerts' payloads in the outbox, so it
was known only while some route alert recorded it: version 3 read when it matched no
route (its destination corrected away from the subscription's), or its alert purged after
the retention, then version 2 read, and version 2 alerted with a status the flight had
moved past. Now every event read records its record's version, in the transaction that
decides its alerts (SQLite and PostgreSQL; through the real broker where the stop-39
tests use it)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from kafka import KafkaProducer
from sqlalchemy import select, update
from wirewatch_notify import outbox
from wirewatch_notify.models import Delivery, DeliveryKind, DeliveryStatus, FlightRecordVersion
from wirewatch_shared import streams
from wirewatch_shared.kafka_admin import ensure_streams

from tests.notify.support import make_service, wait_until
from tests.notify.test_route_alert_versions import _alerts, _caught_up, _subscribe, _version
from tests.support.poison import wait_for
from tests.support.sql import sent_statements

_VERSIONS = FlightRecordVersion.__table__  # type: ignore[attr-defined]


def _versions(service: Any) -> dict[str, int]:
    with service.engine.connect() as conn:
        rows = conn.execute(select(_VERSIONS.c.record_id, _VERSIONS.c.version)).all()
    return {record: version for record, version in rows}


@pytest.mark.integration
async def test_a_newer_version_that_matched_no_route_still_outranks_a_late_one(
    kafka_bootstrap: str, database_url: str
) -> None:
    """v3 corrects the destination away from the subscription's route (Venezuela ->
    Honduras): no alert, nothing in the outbox. v2 (to Venezuela, planned) read after it
    alerted "now planned, was blocked" for a flight that had landed in Honduras."""
    await ensure_streams(kafka_bootstrap, [streams.FLIGHTS])
    service = make_service(database_url, kafka_bootstrap=kafka_bootstrap)
    sub = _subscribe(service)
    moved = f"r-moved-{datetime.now(UTC).timestamp():.6f}"
    app = service.build_app()
    await app.start()
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    try:
        # One batch each (in one batch the later read is skipped by the earlier anyway).
        for record in (
            _version(moved, 3, "completed", "planned", destination="HN", people=88),
            _version(moved, 2, "planned", "blocked", people=80),
        ):
            producer.send(streams.FLIGHTS, record.model_dump_json().encode(), key=moved.encode())
            producer.flush(timeout=20)
            await wait_for(lambda: asyncio.run(_caught_up(kafka_bootstrap)), timeout=60)
    finally:
        producer.close()
        await app.stop()
    assert _alerts(service, sub, moved) == []  # was [("planned", "blocked", 2)]
    assert _versions(service)[moved] == 3


async def test_a_version_read_before_any_route_matched_is_kept(database_url: str) -> None:
    """The same without the broker, and a record that only later moves onto the route:
    its first matching version alerts, an older one after it does not."""
    service = make_service(database_url)
    sub = _subscribe(service)
    await service.handle_flights([_version("m", 3, "completed", "planned", destination="HN")])
    await service.handle_flights([_version("m", 2, "planned", "blocked")])
    assert _alerts(service, sub, "m") == []
    await service.handle_flights([_version("m", 4, "completed", "completed")])
    await service.handle_flights([_version("m", 2, "planned", "blocked")])
    assert _alerts(service, sub, "m") == [("completed", "completed", 4)]
    assert _versions(service) == {"m": 4}


async def test_the_outbox_purge_does_not_forget_a_version(database_url: str) -> None:
    """A record alerted at v1 and v3, its alerts sent and purged after the retention:
    v2 read then (a replay) alerted "now planned, was blocked"."""
    service = make_service(database_url)
    sub = _subscribe(service)
    await service.handle_flights(
        [_version("p", 1, "blocked", None), _version("p", 3, "completed", "planned")]
    )
    assert _alerts(service, sub, "p") == [("blocked", None, 1), ("completed", "planned", 3)]
    with service.engine.begin() as conn:
        conn.execute(
            update(Delivery.__table__)  # type: ignore[attr-defined]
            .where(Delivery.__table__.c.kind == DeliveryKind.ALERT)  # type: ignore[attr-defined]
            .values(status=DeliveryStatus.SENT)
        )
    later = datetime.now(UTC) + timedelta(days=1)
    assert outbox.purge_finished(service.engine, later) > 0
    assert outbox.list_deliveries(service.engine, subscription_id=sub) == []
    await service.handle_flights([_version("p", 2, "planned", "blocked")])
    assert _alerts(service, sub, "p") == []
    assert _versions(service) == {"p": 3}


async def test_the_versions_are_read_in_one_query_per_batch(database_url: str) -> None:
    service = make_service(database_url)
    _subscribe(service)
    batch = [_version(f"q{i}", 1 + i % 3, "planned", None) for i in range(25)]
    with sent_statements(service.engine) as sent:
        await service.handle_flights(batch)
    reads = [s for s in sent if s.startswith("select")]
    version_reads = [s for s in reads if "notify_flight_record_version" in s]
    assert len(version_reads) == 1, version_reads
    # No payload is parsed any more to find a version.
    assert not [s for s in reads if "json_extract" in s], reads
    assert _versions(service) == {f"q{i}": 1 + i % 3 for i in range(25)}


async def test_versions_read_before_any_route_subscription_existed_are_kept(
    database_url: str,
) -> None:
    """v3 read while nobody subscribed to a route; then a route subscription is made and
    v2 arrives late (a replay, a rebalance): it reports a status the flight has left."""
    service = make_service(database_url)
    await service.handle_flights([_version("early", 3, "completed", "planned")])
    assert _versions(service) == {"early": 3}
    sub = _subscribe(service)
    await wait_until(lambda: bool(service.routes.get()))  # the route cache sees it
    await service.handle_flights([_version("early", 2, "planned", "blocked")])
    assert _alerts(service, sub, "early") == []


async def test_the_running_worker_forgets_records_not_read_within_the_retention(
    database_url: str,
) -> None:
    from tests.notify.support import running_worker

    service = make_service(database_url, delivery_retention_days=30, log_level="WARNING")
    await service.handle_flights(
        [_version("dormant", 2, "completed", "planned"), _version("lively", 1, "planned", None)]
    )
    with service.engine.begin() as conn:
        conn.execute(
            update(_VERSIONS)
            .where(_VERSIONS.c.record_id == "dormant")
            .values(updated_at=datetime.now(UTC) - timedelta(days=40))
        )
    async with running_worker(service):  # its first release round purges
        await wait_until(lambda: _versions(service) == {"lively": 1})
