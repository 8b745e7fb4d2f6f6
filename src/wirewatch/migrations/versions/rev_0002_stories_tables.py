"""Stories tables: stories, item assignments, and the one-row assignment lock."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wirewatch.migrations.columns import big_integer, integer, json, string, text, timestamp
from wirewatch.migrations.indexes import create_indexes, drop_indexes

revision: str = "0002"
down_revision: str | None = "0001"


def upgrade() -> None:
    op.create_table(
        "stories_item",
        big_integer("seq", autoincrement=False),
        string("item_id", 512),
        string("story_id", 32),
        integer("position"),
        timestamp("published"),
        text("cues"),
        text("event"),
        timestamp("assigned_at"),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("item_id"),
    )
    create_indexes("stories_item", "story_id")

    lock = op.create_table(
        "stories_lock",
        integer("id"),
        big_integer("seq"),
        sa.PrimaryKeyConstraint("id"),
    )
    # The one row every assignment takes (UPDATE) to serialise processes.
    op.bulk_insert(lock, [{"id": 1, "seq": 0}])
    op.create_table(
        "stories_story",
        string("id", 32),
        text("title"),
        json("topics"),
        timestamp("first_seen"),
        timestamp("last_published"),
        integer("item_count"),
        json("outlets"),
        json("outlet_keys"),
        json("languages"),
        json("items"),
        json("evidence"),
        timestamp("created_at"),
        timestamp("updated_at"),
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
