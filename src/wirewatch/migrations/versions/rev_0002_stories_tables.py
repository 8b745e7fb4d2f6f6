"""Stories tables: stories, item assignments, and the one-row assignment lock."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wirewatch.migrations.indexes import create_indexes, drop_indexes

revision: str = "0002"
down_revision: str | None = "0001"


def upgrade() -> None:
    op.create_table(
        "stories_item",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("item_id", sa.String(length=512), nullable=False),
        sa.Column("story_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("published", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cues", sa.Text(), nullable=False),
        sa.Column("event", sa.Text(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("item_id"),
    )
    create_indexes("stories_item", "story_id")

    lock = op.create_table(
        "stories_lock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # The one row every assignment takes (UPDATE) to serialise processes.
    op.bulk_insert(lock, [{"id": 1, "seq": 0}])
    op.create_table(
        "stories_story",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_published", sa.DateTime(timezone=True), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.Column("outlet_keys", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stories_story", schema=None) as batch_op:
        batch_op.create_index("ix_stories_story_last", ["last_published"], unique=False)
    create_indexes("stories_story", "updated_at")


def downgrade() -> None:
    drop_indexes("stories_story", "updated_at")
    with op.batch_alter_table("stories_story", schema=None) as batch_op:
        batch_op.drop_index("ix_stories_story_last")

    op.drop_table("stories_story")
    op.drop_table("stories_lock")
    drop_indexes("stories_item", "story_id")

    op.drop_table("stories_item")
