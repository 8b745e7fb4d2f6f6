"""The per-story locks of notify's story alerts on PostgreSQL (``lock_stories``): a batch's
locks are one statement, and two processes locking overlapping stories never deadlock,
also when two stories' lock keys collide (``hashtext`` is 32 bits)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import Connection
from wirewatch_notify.story_alerts import lock_stories

from tests.notify.support import make_service
from tests.notify.test_story_alerts import _event, _rows, _subscribe
from tests.support.sql import sent_statements

pytestmark = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
_WAIT_S = 30.0


@pytest.fixture
def pg(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url, pool_size=4)
    try:
        yield engine
    finally:
        engine.dispose()


async def test_a_batch_locks_its_stories_in_one_statement(database_url: str) -> None:
    service = make_service(database_url)
    sub = _subscribe(service)
    with sent_statements(service.engine) as sent:
        await service.handle_story_events([_event(s, ["AP"]) for s in ("s1", "s2", "s3", "s1")])
    assert {(sub, f"story:{s}", "pending") for s in ("s1", "s2", "s3")} <= _rows(service)
    assert len([s for s in sent if "pg_advisory_xact_lock" in s]) == 1, sent


def _colliding_stories(conn: Connection) -> tuple[str, str]:
    """Two story ids (first < second) whose lock keys hash alike."""
    pair = conn.execute(
        text(
            "SELECT array_agg(n::text ORDER BY n::text) FROM generate_series(1, 300000) AS n "
            "GROUP BY hashtext('notify-story:' || n) HAVING count(*) > 1 LIMIT 1"
        )
    ).scalar_one()
    return pair[0], pair[1]


def _waiting(conn: Connection, pid: int) -> bool:
    return bool(
        conn.execute(
            text("SELECT count(*) FROM pg_locks WHERE pid = :pid AND NOT granted"), {"pid": pid}
        ).scalar_one()
    )


def _wait_until_blocked(engine: Engine, pid: int) -> None:
    deadline = time.monotonic() + _WAIT_S
    with engine.connect() as conn:
        while not _waiting(conn, pid):
            assert time.monotonic() < deadline, f"backend {pid} never waited for a lock"
            time.sleep(0.01)


def _start_locking(
    engine: Engine, stories: list[str], errors: list[BaseException]
) -> tuple[threading.Thread, int]:
    """A thread locking ``stories`` in its own transaction, and its backend's pid."""
    pids: list[int] = []
    ready = threading.Event()

    def run() -> None:
        try:
            with engine.begin() as conn:
                pids.append(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
                ready.set()
                lock_stories(conn, stories)
        except BaseException as exc:  # the test reports it
            errors.append(exc)
        finally:
            ready.set()

    thread = threading.Thread(target=run)
    thread.start()
    assert ready.wait(_WAIT_S) and pids, errors
    return thread, pids[0]


def test_colliding_lock_keys_do_not_deadlock(pg: Engine) -> None:
    """a < b < c with a and c on one lock key: X locks {a, b}, Y {b, c}. Taken in story
    order, X held a's key and waited for b's while Y held b's and waited for c's (= a's)."""
    with pg.connect() as conn:
        a, c = _colliding_stories(conn)
    b = a + "0"
    assert a < b < c
    errors: list[BaseException] = []
    with pg.begin() as z:  # holds the shared key so X and Y queue behind it, X first
        lock_stories(z, [a])
        x, x_pid = _start_locking(pg, [a, b], errors)
        _wait_until_blocked(pg, x_pid)
        y, y_pid = _start_locking(pg, [b, c], errors)
        _wait_until_blocked(pg, y_pid)
    x.join(_WAIT_S)
    y.join(_WAIT_S)
    assert not x.is_alive() and not y.is_alive()
    assert errors == []
