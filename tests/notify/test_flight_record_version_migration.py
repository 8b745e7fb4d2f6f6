"""Revision 0008 (``notify_flight_record_version``): a database upgraded from 0007 keeps
the newest version its route alerts recorded (``data.flight.version``), so a late version
read right after the upgrade still adds nothing; down and up again, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine
from wirewatch_notify import flight_alerts
from wirewatch_notify.flight_alerts import Route
from wirewatch_notify.models import FlightRecordVersion
from wirewatch_notify.outbox import insert_deliveries

from tests.notify.test_route_alert_versions import _version
from tests.shared.schema_support import differences
from wirewatch.schema import HEAD, alembic_config, current_revision, upgrade

_VERSIONS = FlightRecordVersion.__table__  # type: ignore[attr-defined]
_TABLE = "notify_flight_record_version"


def test_the_upgrade_keeps_the_versions_the_route_alerts_recorded(engine: Engine) -> None:
    upgrade(engine, "0007")
    routes: dict[int, tuple[Route, ...]] = {1: (Route(None, "VE"),), 2: (Route("US", None),)}
    now = datetime.now(UTC)
    with engine.begin() as conn:  # the rows 0007's notify wrote: alerts and key rows
        for batch in (
            [_version("a", 1, "blocked", None), _version("b", 2, "planned", None)],
            [_version("a", 3, "completed", "planned")],
        ):
            insert_deliveries(conn, flight_alerts.flight_deliveries(batch, routes, {}, now=now))
    upgrade(engine)
    assert current_revision(engine) == HEAD
    with engine.connect() as conn:
        rows = conn.execute(select(_VERSIONS.c.record_id, _VERSIONS.c.version)).all()
    assert sorted(rows) == [("a", 3), ("b", 2)]
    assert differences(engine) == []


def test_0008_downgrades_and_upgrades_again(engine: Engine) -> None:
    upgrade(engine)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0007")
    assert current_revision(engine) == "0007"
    assert _TABLE not in inspect(engine).get_table_names()
    upgrade(engine)
    assert _TABLE in inspect(engine).get_table_names()
    assert differences(engine) == []
