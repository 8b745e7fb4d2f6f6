"""A PostgreSQL connection the server closes is not handed out again by the pool.

``make_engine`` pinged every connection at checkout (``pool_pre_ping``: a round trip per
checkout, several per item). It now checks, without a round trip, whether the server has
closed the connection while it sat in the pool (stop 42). Each test ends a real backend
with ``pg_terminate_backend`` (what a server restart or an idle-session timeout does to
every pooled connection) and shows the next transaction works."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from wirewatch_shared.db import make_engine, session_scope

pytestmark = pytest.mark.integration


@pytest.fixture
def engine(postgres_admin_url: str) -> Iterator[Engine]:
    made = make_engine(postgres_admin_url)
    try:
        yield made
    finally:
        made.dispose()


@pytest.fixture
def admin(postgres_admin_url: str) -> Iterator[Engine]:
    made = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    try:
        yield made
    finally:
        made.dispose()


def _backend(connection: Connection) -> int:
    pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    assert isinstance(pid, int)
    return pid


def _pid(engine: Engine) -> int:
    """The backend of the connection one transaction gets."""
    with session_scope(engine) as session:
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        assert isinstance(pid, int)
        return pid


def _terminate(admin: Engine, *pids: int) -> None:
    """Ends each backend and waits until it has exited (its FATAL error sent)."""
    with admin.connect() as conn:
        for pid in pids:
            ended = conn.execute(text("SELECT pg_terminate_backend(:pid, 10000)"), {"pid": pid})
            assert ended.scalar_one() is True


def test_a_healthy_pooled_connection_is_used_again(engine: Engine) -> None:
    """The check opens no connection where none was closed: one backend serves them all."""
    assert len({_pid(engine) for _ in range(20)}) == 1


def test_a_connection_terminated_in_the_pool_is_replaced_at_checkout(
    engine: Engine, admin: Engine
) -> None:
    before = _pid(engine)
    _terminate(admin, before)
    after = _pid(engine)  # the next transaction works, on a new backend
    assert after != before
    assert _pid(engine) == after


def test_every_pooled_connection_terminated_at_once_is_replaced(
    engine: Engine, admin: Engine
) -> None:
    """As after a server restart: each of the pool's connections was closed."""
    with ExitStack() as held:
        connections = [held.enter_context(engine.connect()) for _ in range(4)]
        before = {_backend(c) for c in connections}
    assert len(before) == 4 and engine.pool.checkedin() == 4  # type: ignore[attr-defined]
    _terminate(admin, *before)
    with ExitStack() as held:
        connections = [held.enter_context(engine.connect()) for _ in range(4)]
        after = {_backend(c) for c in connections}
    assert len(after) == 4 and after.isdisjoint(before)


def test_a_connection_terminated_in_a_transaction_fails_it_and_the_next_one_works(
    engine: Engine, admin: Engine
) -> None:
    """Not a pool checkout: the statement after the termination fails, its transaction
    rolls back, and the connection is dropped rather than pooled again."""
    with pytest.raises(OperationalError), session_scope(engine) as session:
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        _terminate(admin, pid)
        session.execute(text("SELECT 1"))
    assert _pid(engine) != pid
