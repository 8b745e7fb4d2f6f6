"""Transaction-scoped locks on notify's alert decisions, by key (a story, a flight record).

Which rows a batch records depends on the rows already there, so reading them and
inserting are one decision per story or record: :func:`lock_keys` first, in the
transaction that reads and inserts. On PostgreSQL a transaction-scoped advisory lock per
key, all of a batch's in one statement; on SQLite the write lock (one writer).

The callers name their keys (``story_alerts.lock_stories``, ``flight_alerts.lock_records``);
a key's lock is ``hashtext(key)``. Never change how a caller spells its keys, nor the hash:
processes of two releases overlap in a rolling restart, and must take the same lock for
the same story or record (``tests/notify/test_advisory_locks.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import false, text, update
from sqlalchemy.engine import Connection

from wirewatch_notify.models import Delivery

_TABLE = Delivery.__table__  # type: ignore[attr-defined]

# Every key's lock in one statement (one round trip per batch, not one per key), in
# ascending order of the lock keys in every process: no deadlock, also when two keys'
# hashes collide. PostgreSQL evaluates a volatile output expression after the ORDER BY
# sort (since 9.6), so the locks are taken in that order. (The alias is the statement's
# since stop 39: its text is unchanged.)
_LOCK_KEYS = text(
    "SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext(s) AS k "
    "FROM unnest(CAST(:keys AS text[])) AS s) AS story_locks ORDER BY k"
)


def lock_keys(conn: Connection, keys: Iterable[str]) -> None:
    """Hold the decisions on these keys until ``conn``'s transaction ends, so a second
    notify process deciding on one of them reads this one's rows (call first)."""
    if conn.dialect.name == "postgresql":
        wanted = sorted(set(keys))
        if wanted:
            conn.execute(_LOCK_KEYS, {"keys": wanted}).all()
        return
    # SQLite has one writer: a write that changes nothing takes its lock now, before
    # the reads, instead of at the insert (after a stale read).
    conn.execute(_TAKE_WRITE_LOCK)


_TAKE_WRITE_LOCK = update(_TABLE).where(false()).values(id=_TABLE.c.id)  # built once
