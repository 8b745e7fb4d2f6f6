"""Flights tables: flight records and the observations merged into them."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wirewatch.migrations.indexes import create_indexes, drop_indexes

revision: str = "0003"
down_revision: str | None = "0002"


def upgrade() -> None:
    op.create_table(
        "flights_observation",
        sa.Column("item_id", sa.String(length=512), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("story_id", sa.String(length=64), nullable=True),
        sa.Column("published", sa.DateTime(timezone=True), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("source", sa.JSON(), nullable=False),
        sa.Column("observed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("item_id"),
    )
    create_indexes("flights_observation", "record_id", "story_id")

    op.create_table(
        "flights_record",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=2), nullable=True),
        sa.Column("destination", sa.String(length=2), nullable=True),
        sa.Column("people", sa.Integer(), nullable=True),
        sa.Column("flights", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("previous_status", sa.String(length=16), nullable=True),
        sa.Column("flight_date", sa.Date(), nullable=True),
        sa.Column("flight_date_stated", sa.Boolean(), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=True),
        sa.Column("conflicts", sa.JSON(), nullable=False),
        sa.Column("story_ids", sa.JSON(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
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
