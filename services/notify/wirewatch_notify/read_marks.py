"""Tables of what notify has read of an entity (a flight record's newest version, a story's
newest state), one row per entity with the time it was last read (``updated_at``): the rows
not read for the delivery retention go, when the entity's alerts and keys go."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Table, case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine


def mark_read(
    conn: Connection,
    table: Table,
    key: str,
    sequence: str,
    rows: Sequence[dict[str, Any]],
    *,
    with_sequence: Sequence[str] = (),
) -> None:
    """Upsert ``rows`` (``key``, ``sequence``, ``updated_at`` and the ``with_sequence``
    columns): a row keeps the highest ``sequence`` ever marked, and the ``with_sequence``
    columns of the row that brought it; ``updated_at`` is always the latest read. One
    statement (give the rows in key order: concurrent writers lock them in one order)."""
    if not rows:
        return
    stmt = _upsert(conn.dialect.name == "postgresql", table, key, sequence, tuple(with_sequence))
    conn.execute(stmt, list(rows))


@functools.cache
def _upsert(
    postgres: bool, table: Table, key: str, sequence: str, with_sequence: tuple[str, ...]
) -> Any:
    """:func:`mark_read`'s statement, built once per table: it runs for every batch of
    story events and flight records, and building it cost more CPU than executing it."""
    stmt = (postgresql.insert if postgres else sqlite.insert)(table)
    newer = stmt.excluded[sequence] > table.c[sequence]
    highest = (func.greatest if postgres else func.max)(table.c[sequence], stmt.excluded[sequence])
    return stmt.on_conflict_do_update(
        index_elements=[table.c[key]],
        set_={
            sequence: highest,
            **{
                name: case((newer, stmt.excluded[name]), else_=table.c[name])
                for name in with_sequence
            },
            "updated_at": stmt.excluded.updated_at,
        },
    )


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
