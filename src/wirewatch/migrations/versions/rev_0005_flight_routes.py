"""Notify: flight routes of subscriptions (route alerts on flight records)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"


def upgrade() -> None:
    op.create_table(
        "notify_flight_route",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=2), nullable=True),
        sa.Column("destination", sa.String(length=2), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("notify_flight_route", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notify_flight_route_subscription_id"), ["subscription_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("notify_flight_route", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notify_flight_route_subscription_id"))
    op.drop_table("notify_flight_route")
