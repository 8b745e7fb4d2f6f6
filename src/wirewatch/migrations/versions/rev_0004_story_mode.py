"""Story mode: subscriptions choose one alert per story or per item; the stories
assignment lock keeps the clusterer's clock.

Subscriptions made before story mode keep one alert per item (``alert_mode`` 'item'
for existing rows); new ones get the model's default, 'story'.
"""

from __future__ import annotations

from alembic import op

from wirewatch.migrations.columns import floating, integer, string

revision: str = "0004"
down_revision: str | None = "0003"


def upgrade() -> None:
    with op.batch_alter_table("notify_subscription", schema=None) as batch_op:
        batch_op.add_column(string("alert_mode", 8, server_default="item"))
        batch_op.add_column(integer("followup_outlets", server_default="3"))
    with op.batch_alter_table("stories_lock", schema=None) as batch_op:
        batch_op.add_column(floating("clock", nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stories_lock", schema=None) as batch_op:
        batch_op.drop_column("clock")
    with op.batch_alter_table("notify_subscription", schema=None) as batch_op:
        batch_op.drop_column("followup_outlets")
        batch_op.drop_column("alert_mode")
