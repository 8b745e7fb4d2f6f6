"""Tables of what notify has read of an entity (a flight record's newest version, a story's
newest state), one row per entity with the time it was last read (``updated_at``): the rows
not read for the delivery retention go, when the entity's alerts and keys go."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Table, delete, select
from sqlalchemy.engine import Engine


def purge_unread(
    engine: Engine, table: Table, key: Column[str], before: datetime, limit: int
) -> int:
    """Forget up to ``limit`` rows of ``table`` (keyed by ``key``) not read since ``before``;
    how many. In chunks, like :func:`~wirewatch_notify.outbox.purge_finished`: call again
    while it returns ``limit``."""
    oldest = (
        select(key).where(table.c.updated_at < before).order_by(table.c.updated_at).limit(limit)
    )
    with engine.begin() as conn:
        result = conn.execute(
            delete(table).where(
                key.in_(oldest.scalar_subquery()),
                # Read again meanwhile (PostgreSQL re-checks a row another transaction
                # changed against this, not against the subquery's snapshot): kept.
                table.c.updated_at < before,
            )
        )
        return int(result.rowcount or 0)
