"""Flights tables: flight records and the observations merged into them."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wirewatch.migrations.columns import boolean, date, integer, json, string, timestamp
from wirewatch.migrations.indexes import create_indexes, drop_indexes

revision: str = "0003"
down_revision: str | None = "0002"


def upgrade() -> None:
    op.create_table(
        "flights_observation",
        string("item_id", 512),
        string("record_id", 64),
        string("story_id", 64, nullable=True),
        timestamp("published"),
        json("facts"),
        json("source"),
        timestamp("observed_at"),
        sa.PrimaryKeyConstraint("item_id"),
    )
    create_indexes("flights_observation", "record_id", "story_id")

    op.create_table(
        "flights_record",
        string("id", 64),
        integer("version"),
        string("origin", 2, nullable=True),
        string("destination", 2, nullable=True),
        integer("people", nullable=True),
        integer("flights", nullable=True),
        string("status", 16),
        string("previous_status", 16, nullable=True),
        date("flight_date", nullable=True),
        boolean("flight_date_stated"),
        string("operator", 200, nullable=True),
        json("conflicts"),
        json("story_ids"),
        json("topics"),
        integer("source_count"),
        timestamp("created_at"),
        timestamp("updated_at"),
        sa.PrimaryKeyConstraint("id"),
    )
    create_indexes("flights_record", "origin")
    with op.batch_alter_table("flights_record", schema=None) as batch_op:
        batch_op.create_index(
            "ix_flights_record_route", ["destination", "flight_date"], unique=False
        )
    create_indexes("flights_record", "status", "updated_at")


def downgrade() -> None:
    drop_indexes("flights_record", "updated_at", "status")
    with op.batch_alter_table("flights_record", schema=None) as batch_op:
        batch_op.drop_index("ix_flights_record_route")
    drop_indexes("flights_record", "origin")

    op.drop_table("flights_record")
    drop_indexes("flights_observation", "story_id", "record_id")

    op.drop_table("flights_observation")
