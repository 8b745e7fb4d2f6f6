"""Item identity is scoped per feed: the seen items so far are kept as legacy rows.

Item ids used to leave a URL guid (or link) unscoped, so one feed could suppress
another's item. New ids always include the feed; an item whose old id its own
feed already saw is still seen (``ingest_legacy_seen_item``), so the upgrade
republishes nothing. Only settled rows are copied (published, or without a
claim); an unconfirmed claim was never published and will be, under its new id.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from wirewatch.migrations.columns import integer, string

revision: str = "0006"
down_revision: str | None = "0005"


def upgrade() -> None:
    op.create_table(
        "ingest_legacy_seen_item",
        string("item_id", 64),
        integer("feed_id"),
        sa.PrimaryKeyConstraint("item_id"),
    )
    op.execute(
        "INSERT INTO ingest_legacy_seen_item (item_id, feed_id)"
        " SELECT item_id, feed_id FROM ingest_seen_item"
        " WHERE published_at IS NOT NULL OR claimed_at IS NULL"
    )


def downgrade() -> None:
    op.drop_table("ingest_legacy_seen_item")
