"""Notify: the newest version of each flight record read (``notify_flight_record_version``).

Route alerts skip a flight record event older than the newest version already read; that
version was read from the route alerts' payloads (``data.flight.version``), so it was lost
when the newer version matched no route or its alert was purged. The upgrade copies the
versions the route alerts recorded, so a late version read right after it still adds
nothing; a row's ``updated_at`` is its newest alert's.
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from wirewatch.migrations.columns import integer, string, timestamp
from wirewatch.migrations.indexes import create_indexes, drop_indexes

revision: str = "0008"
down_revision: str | None = "0007"

_TABLE = "notify_flight_record_version"
_CHUNK = 1000


def upgrade() -> None:
    op.create_table(
        _TABLE,
        string("record_id", 64),
        integer("version"),
        timestamp("updated_at"),
        sa.PrimaryKeyConstraint("record_id"),
    )
    create_indexes(_TABLE, "updated_at")
    op.bulk_insert(
        sa.table(
            _TABLE,
            sa.column("record_id", sa.String),
            sa.column("version", sa.Integer),
            sa.column("updated_at", sa.DateTime(timezone=True)),
        ),
        _recorded_versions(op.get_bind()),
    )


def _recorded_versions(conn: sa.Connection) -> list[dict[str, object]]:
    """The newest version of each record in its route alerts (rows of kind 'alert' keyed
    ``flight:…``; the key-only rows carry no record), parsed here rather than by each
    database's JSON functions: route alerts are few."""
    deliveries = sa.table(
        "notify_delivery",
        sa.column("id", sa.Integer),
        sa.column("item_id", sa.String),
        sa.column("kind", sa.String),
        sa.column("payload", sa.Text),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    newest: dict[str, tuple[int, datetime]] = {}
    last = 0
    while True:
        rows = conn.execute(
            sa.select(deliveries.c.id, deliveries.c.payload, deliveries.c.updated_at)
            .where(
                deliveries.c.kind == "alert",
                deliveries.c.item_id.like("flight:%"),
                deliveries.c.id > last,
            )
            .order_by(deliveries.c.id)
            .limit(_CHUNK)
        ).all()
        for row_id, payload, updated_at in rows:
            last = row_id
            flight = json.loads(payload).get("data", {}).get("flight") or {}
            record, version = flight.get("record_id"), flight.get("version")
            if not isinstance(record, str) or not isinstance(version, int):
                continue
            known = newest.get(record)
            newest[record] = (
                max(version, known[0]) if known else version,
                max(updated_at, known[1]) if known else updated_at,
            )
        if len(rows) < _CHUNK:
            break
    return [
        {"record_id": record, "version": version, "updated_at": updated_at}
        for record, (version, updated_at) in newest.items()
    ]


def downgrade() -> None:
    drop_indexes(_TABLE, "updated_at")
    op.drop_table(_TABLE)
