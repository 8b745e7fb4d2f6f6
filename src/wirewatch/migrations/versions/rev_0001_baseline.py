"""Baseline: the tables of release 0.1.0.

The tables `create_all` made in release 0.1.0, before migrations; a database from that
release is stamped with this revision (see wirewatch.schema).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wirewatch.migrations.columns import boolean, floating, integer, json, string, text, timestamp
from wirewatch.migrations.indexes import create_indexes, drop_indexes

revision: str = "0001"
down_revision: str | None = None


def _create_classify_item() -> None:
    op.create_table(
        "classify_item",
        string("item_id", 512),
        timestamp("published"),
        timestamp("fetched_at"),
        text("item_json"),
        text("matches_json"),
        timestamp("classified_at"),
        sa.PrimaryKeyConstraint("item_id"),
    )
    create_indexes("classify_item", "published")


def _create_classify_user_topic() -> None:
    op.create_table(
        "classify_user_topic",
        string("name", 64),
        string("kind", 16),
        text("query"),
        text("phrases_json"),
        timestamp("created_at"),
        timestamp("updated_at"),
        sa.PrimaryKeyConstraint("name"),
    )


def _create_ingest_feed() -> None:
    op.create_table(
        "ingest_feed",
        integer("id"),
        string("url", 2048),
        string("title", 512),
        boolean("enabled"),
        timestamp("created_at"),
        string("etag", 1024, nullable=True),
        string("last_modified", 256, nullable=True),
        string("content_hash", 64, nullable=True),
        timestamp("next_check_at"),
        floating("interval_s", nullable=True),
        string("lease_owner", 128, nullable=True),
        timestamp("lease_until", nullable=True),
        timestamp("last_attempt_at", nullable=True),
        timestamp("last_success_at", nullable=True),
        string("last_status", 64, nullable=True),
        integer("consecutive_errors"),
        string("last_error", 1024, nullable=True),
        boolean("parked"),
        integer("items_seen"),
        sa.PrimaryKeyConstraint("id"),
    )
    create_indexes("ingest_feed", "next_check_at")
    create_indexes("ingest_feed", "url", unique=True)


def _create_ingest_seen_item() -> None:
    op.create_table(
        "ingest_seen_item",
        string("item_id", 64),
        integer("feed_id"),
        timestamp("first_seen_at"),
        string("claimed_by", 128, nullable=True),
        timestamp("claimed_at", nullable=True),
        timestamp("published_at", nullable=True),
        sa.PrimaryKeyConstraint("item_id"),
    )
    create_indexes("ingest_seen_item", "feed_id")


def _create_notify_api_token() -> None:
    op.create_table(
        "notify_api_token",
        integer("id"),
        string("key_id", 32),
        string("name", 128),
        string("token_hash", 64),
        timestamp("created_at"),
        timestamp("revoked_at", nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key_id"),
    )


def _create_notify_delivery() -> None:
    op.create_table(
        "notify_delivery",
        integer("id"),
        integer("subscription_id"),
        string("item_id", 160),
        string("kind", 16),
        string("status", 16),
        integer("attempts"),
        timestamp("next_attempt_at"),
        string("last_error", 1024, nullable=True),
        text("payload"),
        integer("batch_id", nullable=True),
        timestamp("created_at"),
        timestamp("updated_at"),
        timestamp("sent_at", nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("subscription_id", "item_id", name="uq_delivery_sub_item"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("notify_delivery", schema=None) as batch_op:
        batch_op.create_index("ix_delivery_due", ["status", "next_attempt_at"], unique=False)
    create_indexes("notify_delivery", "batch_id", "subscription_id")


def _create_notify_subscription() -> None:
    op.create_table(
        "notify_subscription",
        integer("id"),
        string("owner", 64),
        json("topics"),
        string("channel", 32),
        string("target", 2048),
        text("target_encrypted", nullable=True),
        text("secret_encrypted", nullable=True),
        text("previous_secret_encrypted", nullable=True),
        timestamp("previous_secret_expires_at", nullable=True),
        floating("min_score"),
        json("countries"),
        json("entities"),
        json("feeds"),
        json("languages"),
        string("mode", 16),
        integer("digest_interval_minutes", nullable=True),
        string("timezone", 64),
        string("quiet_start", 5, nullable=True),
        string("quiet_end", 5, nullable=True),
        boolean("active"),
        string("disabled_reason", 512, nullable=True),
        boolean("requires_confirmation"),
        timestamp("confirmed_at", nullable=True),
        string("link_key", 32),
        timestamp("created_at"),
        timestamp("updated_at"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    create_indexes("notify_subscription", "owner")


def upgrade() -> None:
    _create_classify_item()
    _create_classify_user_topic()
    _create_ingest_feed()
    _create_ingest_seen_item()
    _create_notify_api_token()
    _create_notify_delivery()
    _create_notify_subscription()


def downgrade() -> None:
    drop_indexes("notify_subscription", "owner")

    op.drop_table("notify_subscription")
    drop_indexes("notify_delivery", "subscription_id", "batch_id")
    with op.batch_alter_table("notify_delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_delivery_due")

    op.drop_table("notify_delivery")
    op.drop_table("notify_api_token")
    drop_indexes("ingest_seen_item", "feed_id")

    op.drop_table("ingest_seen_item")
    drop_indexes("ingest_feed", "url", "next_check_at")

    op.drop_table("ingest_feed")
    op.drop_table("classify_user_topic")
    drop_indexes("classify_item", "published")

    op.drop_table("classify_item")
