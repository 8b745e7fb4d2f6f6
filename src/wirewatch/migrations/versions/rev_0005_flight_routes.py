"""Notify: flight routes of subscriptions (route alerts on flight records)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wirewatch.migrations.columns import integer, string
from wirewatch.migrations.indexes import create_indexes, drop_indexes

revision: str = "0005"
down_revision: str | None = "0004"


def upgrade() -> None:
    op.create_table(
        "notify_flight_route",
        integer("id"),
        integer("subscription_id"),
        string("origin", 2, nullable=True),
        string("destination", 2, nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    create_indexes("notify_flight_route", "subscription_id")


def downgrade() -> None:
    drop_indexes("notify_flight_route", "subscription_id")
    op.drop_table("notify_flight_route")
