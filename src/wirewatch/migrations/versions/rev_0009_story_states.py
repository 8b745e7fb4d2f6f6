"""Notify: the newest state of each story read (``notify_story_state``).

A late story event (a lower ``position`` than one read) shows the story's fields of the
newest event read. Until this revision that event was kept in one notify process's memory,
lost on a restart and unknown to another process. Nothing is copied: the story alerts'
payloads do not carry the position, and the memory the upgrade replaces is the one a
restart loses anyway.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wirewatch.migrations.columns import integer, string, text, timestamp
from wirewatch.migrations.indexes import create_indexes, drop_indexes

revision: str = "0009"
down_revision: str | None = "0008"

_TABLE = "notify_story_state"


def upgrade() -> None:
    op.create_table(
        _TABLE,
        string("story_id", 64),
        integer("position"),
        text("story"),  # JSON text, as notify_delivery.payload
        timestamp("updated_at"),
        sa.PrimaryKeyConstraint("story_id"),
    )
    create_indexes(_TABLE, "updated_at")


def downgrade() -> None:
    drop_indexes(_TABLE, "updated_at")
    op.drop_table(_TABLE)
