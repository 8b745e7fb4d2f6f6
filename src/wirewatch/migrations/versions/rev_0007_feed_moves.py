"""Feeds follow permanent redirects: where a feed says it moved (``moved_to``), in how
many polls in a row (``moved_to_polls``), and the URL its item ids stay scoped to once
its URL has changed (``id_url``; NULL: the feed's URL, as for every feed until now).
"""

from __future__ import annotations

from alembic import op

from wirewatch.migrations.columns import integer, string

revision: str = "0007"
down_revision: str | None = "0006"


def upgrade() -> None:
    with op.batch_alter_table("ingest_feed", schema=None) as batch_op:
        batch_op.add_column(string("moved_to", 2048, nullable=True))
        batch_op.add_column(integer("moved_to_polls", server_default="0"))
        batch_op.add_column(string("id_url", 2048, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ingest_feed", schema=None) as batch_op:
        batch_op.drop_column("id_url")
        batch_op.drop_column("moved_to_polls")
        batch_op.drop_column("moved_to")
