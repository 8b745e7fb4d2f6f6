"""What notify has read of an entity (a flight record's newest version, a story's newest
state) is forgotten once nothing of it was read for the delivery retention (its alerts and
keys go then too), in chunks like the outbox; a row read again meanwhile stays, at its
highest sequence. One test for both tables: they share ``read_marks.purge_unread``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine
from wirewatch_notify import flight_alerts, story_versions
from wirewatch_notify.models import FlightRecordVersion, StoryState

from tests.notify.support import make_service
from tests.notify.test_route_alert_versions import _version
from tests.notify.test_story_events_out_of_order import _event


@dataclass(frozen=True)
class Marks:
    """One table of read marks: how to mark (entity, sequence) read, purge, list."""

    record: Callable[[Connection, str, int, datetime], None]
    purge: Callable[[Engine, datetime, int], int]
    table: Any
    key: str
    sequence: str


MARKS = {
    "flight record versions": Marks(
        lambda conn, key, n, now: flight_alerts.record_versions(
            conn, [_version(key, n, "planned", None)], now=now
        ),
        lambda engine, before, limit: flight_alerts.purge_versions(engine, before, limit=limit),
        FlightRecordVersion.__table__,  # type: ignore[attr-defined]
        "record_id",
        "version",
    ),
    "story states": Marks(
        lambda conn, key, n, now: story_versions.record_states(
            conn, [_event(key, n, "flights")], now=now
        ),
        lambda engine, before, limit: story_versions.purge_states(engine, before, limit=limit),
        StoryState.__table__,  # type: ignore[attr-defined]
        "story_id",
        "position",
    ),
}


@pytest.mark.parametrize("kind", sorted(MARKS))
def test_marks_not_read_within_the_retention_are_purged(database_url: str, kind: str) -> None:
    marks = MARKS[kind]
    service = make_service(database_url)
    now = datetime.now(UTC)
    old, recent = now - timedelta(days=40), now - timedelta(days=1)
    with service.engine.begin() as conn:
        for i in range(5):
            marks.record(conn, f"o{i}", 2, old)
        marks.record(conn, "n", 1, recent)
        marks.record(conn, "o0", 1, recent)  # read again recently (a late event): kept
    before = now - timedelta(days=30)
    assert [marks.purge(service.engine, before, 3) for _ in range(3)] == [3, 1, 0]
    table = marks.table
    with service.engine.connect() as conn:
        rows = conn.execute(select(table.c[marks.key], table.c[marks.sequence])).all()
    service.engine.dispose()
    assert dict(rows) == {"o0": 2, "n": 1}  # at its highest sequence
