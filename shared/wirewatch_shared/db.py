"""Database engine, session helpers and the one UTC datetime column type
(SQLModel over SQLite or PostgreSQL).

Tables are created and changed only by the Alembic history of the composition root
(``wirewatch.schema``, see docs/architecture.md), never by a service at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, event
from sqlalchemy.engine import Dialect, Engine, make_url
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, create_engine


def make_engine(database_url: str) -> Engine:
    """Create an engine with settings that keep concurrent writers safe.

    SQLite gets WAL and a busy timeout so the three services (or threads) of
    ``wirewatch up`` can share one file; PostgreSQL gets pre-ping so a
    restarted server does not hand out dead connections.
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
    return create_engine(database_url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _ensure_sqlite_file(database_url: str) -> None:
    """A SQLite file that does not exist yet (the first start in a fresh data dir) is
    created user-only, in a user-only directory: it holds subscribers' addresses and
    webhook URLs. SQLite gives its WAL and shared-memory files the database's mode."""
    database = make_url(database_url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Only a file that does not exist yet (O_EXCL): closing a descriptor of a
        # database this process has open drops the POSIX locks the process holds on it
        # (SQLite, "How To Corrupt An SQLite Database File", 2.2); the flights kill -9
        # test read "database disk image is malformed" with every file re-opened.
        with suppress(FileExistsError):
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
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


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
