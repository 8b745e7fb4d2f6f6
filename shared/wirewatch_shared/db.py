"""Database engine, session helpers and the one UTC datetime column type
(SQLModel over SQLite or PostgreSQL).

Tables are created and changed only by the Alembic history of the composition root
(``wirewatch.schema``, see docs/architecture.md), never by a service at start-up.
"""

from __future__ import annotations

import contextlib
import os
import select
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, DateTime, event
from sqlalchemy.engine import Dialect, Engine, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, Session, create_engine

from wirewatch_shared.clock import as_utc, utcnow


def make_engine(database_url: str) -> Engine:
    """Create an engine with settings that keep concurrent writers safe.

    SQLite gets WAL and a busy timeout so the three services (or threads) of
    ``wirewatch up`` can share one file; on PostgreSQL a pooled connection the server
    has closed is replaced at checkout (:func:`_replace_closed_connections`), so a
    restarted server or a terminated backend does not fail the next transaction.
    """
    if database_url.startswith("sqlite"):
        _ensure_sqlite_file(database_url)
        engine = create_engine(
            database_url, connect_args={"check_same_thread": False, "timeout": 30}
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    engine = create_engine(database_url, pool_size=10, max_overflow=10)
    _replace_closed_connections(engine)
    return engine


def _replace_closed_connections(engine: Engine) -> None:
    """A connection checked out of the pool is replaced when the server has closed it.

    This was ``pool_pre_ping``: an empty statement sent at every checkout, a round trip
    (~30 µs of the client's CPU, ~100 µs of wall time and the server's own work, stop 42)
    several times per item. A server that closes a connection (``pg_terminate_backend``,
    a restart or fast shutdown, ``idle_session_timeout``) sends its FATAL error and closes
    the socket, so the socket of a connection idle in the pool is readable (no code here
    uses ``LISTEN``, the one way for a healthy idle connection to receive something; any
    such message would only cost a new connection). That is checked without a round trip
    (``poll`` with no wait); the pool then opens a new connection in its place
    (``DisconnectionError``, SQLAlchemy's own replacement path). A server gone without
    closing (a cut network) is not seen before the first statement: that statement
    fails, and its connection is invalidated as any disconnect found in a transaction
    is; the next transaction gets a new one (tests/shared/test_dropped_connection.py).
    """

    @event.listens_for(engine, "checkout")
    def _closed_by_server(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if dbapi_connection.closed or getattr(dbapi_connection, "broken", False):
            raise DisconnectionError("the connection was closed")
        poller = select.poll()
        poller.register(dbapi_connection.fileno(), select.POLLIN | select.POLLPRI)
        if poller.poll(0):  # also reports POLLHUP and POLLERR
            raise DisconnectionError("the server closed the connection while it was idle")


def _ensure_sqlite_file(database_url: str) -> None:
    """A SQLite file that does not exist yet (the first start in a fresh data dir) is
    created user-only, in a user-only directory: it holds subscribers' addresses and
    webhook URLs. SQLite gives its WAL and shared-memory files the database's mode."""
    database = make_url(database_url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Only a file that does not exist: closing any descriptor of a database releases
        # this process's POSIX locks on it, which SQLite's open connections rely on.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite and PostgreSQL alike.

    PostgreSQL stores ``timestamptz``; SQLite stores text without an offset
    (``2024-05-01 12:00:00.000000``, always UTC, so string order is time order). A
    naive datetime is refused: which zone it meant is unknown.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return as_utc(value)


def utc_now_field(*, index: bool = False) -> Any:
    """A model's NOT NULL :class:`UtcDateTime` column, the time of the row's creation by
    default (the stories and flights models' times)."""
    return Field(
        default_factory=utcnow, sa_column=Column(UtcDateTime(), nullable=False, index=index)
    )


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def delete_by_key(engine: Engine, model: type[Any], key: object) -> bool:
    """Deletes the row of ``model`` whose primary key is ``key``; False if there is none."""
    with session_scope(engine) as session:
        row = session.get(model, key)
        if row is None:
            return False
        session.delete(row)
        return True


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
