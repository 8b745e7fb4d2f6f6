"""notify's advisory locks (``advisory_locks.lock_keys``) take the keys they took before
the helper moved out of story_alerts (stop 40): ``hashtext('notify-story:' || story)`` for
a story and ``hashtext('notify-story:flight:' || record)`` for a flight record. A process
of the previous release deciding the same story or record must wait for this one's, and
the other way round (PostgreSQL; on SQLite the write lock is the lock)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from wirewatch_notify.advisory_locks import lock_keys
from wirewatch_notify.flight_alerts import lock_records
from wirewatch_notify.story_alerts import lock_stories

from tests.notify.support import make_service

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)

# What the previous release's processes lock (story_alerts.lock_stories, stop 39):
_PREVIOUS = "SELECT pg_try_advisory_xact_lock(hashtext(:key))"


@pytest.fixture
def pg(database_url: str) -> Iterator[Engine]:
    make_service(database_url)  # the schema
    engine = create_engine(database_url, pool_size=4)
    try:
        yield engine
    finally:
        engine.dispose()


def _previous_release_gets(engine: Engine, key: str) -> bool:
    with engine.begin() as conn:
        return bool(conn.execute(text(_PREVIOUS), {"key": key}).scalar_one())


@pytest.mark.parametrize(
    ("lock", "ids", "held", "free"),
    [
        (lock_stories, ["s1", "s2"], ["notify-story:s1", "notify-story:s2"], "notify-story:s3"),
        (
            lock_records,
            ["r1", "r2"],
            ["notify-story:flight:r1", "notify-story:flight:r2"],
            "notify-story:flight:r3",
        ),
        (lock_keys, ["k1"], ["k1"], "k2"),
    ],
)
def test_the_lock_keys_are_the_previous_releases(
    pg: Engine,
    lock: Callable[[Connection, list[str]], None],
    ids: list[str],
    held: list[str],
    free: str,
) -> None:
    with pg.begin() as conn:
        lock(conn, ids)
        assert [_previous_release_gets(pg, key) for key in held] == [False] * len(held)
        assert _previous_release_gets(pg, free)
    # Released with the transaction.
    assert all(_previous_release_gets(pg, key) for key in held)


def test_a_lock_held_the_previous_way_is_seen(pg: Engine) -> None:
    """The other way round: the previous release holds a record's key, so this one's
    ``lock_keys`` of that key (a try here, not a wait) finds it taken."""
    with pg.begin() as old:
        assert old.execute(text(_PREVIOUS), {"key": "notify-story:flight:r9"}).scalar_one()
        with pg.begin() as new:
            new.execute(text("SET LOCAL lock_timeout = '200ms'"))
            with pytest.raises(OperationalError, match="lock timeout"):
                lock_records(new, ["r9"])
