"""Story mode: subscriptions choose one alert per story or per item; the stories
assignment lock keeps the clusterer's clock.

Subscriptions made before story mode keep one alert per item (``alert_mode`` 'item'
for existing rows); new ones get the model's default, 'story'.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"


def upgrade() -> None:
    with op.batch_alter_table("notify_subscription", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("alert_mode", sa.String(length=8), nullable=False, server_default="item")
        )
        batch_op.add_column(
            sa.Column("followup_outlets", sa.Integer(), nullable=False, server_default="3")
        )
    with op.batch_alter_table("stories_lock", schema=None) as batch_op:
        batch_op.add_column(sa.Column("clock", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stories_lock", schema=None) as batch_op:
        batch_op.drop_column("clock")
    with op.batch_alter_table("notify_subscription", schema=None) as batch_op:
        batch_op.drop_column("followup_outlets")
        batch_op.drop_column("alert_mode")
