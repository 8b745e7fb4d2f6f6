"""Database engine and session helpers (SQLModel over SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel, create_engine


def make_engine(database_url: str) -> Engine:
    """Create an engine with settings that keep concurrent writers safe.

    SQLite gets WAL and a busy timeout so the three services (or threads) of
    ``wirewatch up`` can share one file; PostgreSQL gets pre-ping so a
    restarted server does not hand out dead connections.
    """
    if database_url.startswith("sqlite"):
        _ensure_sqlite_dir(database_url)
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


def _ensure_sqlite_dir(database_url: str) -> None:
    """A SQLite file in a directory that does not exist yet (the first start in a fresh
    data dir) gets its directory created, user-only."""
    database = make_url(database_url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(mode=0o700, parents=True, exist_ok=True)


def create_tables(engine: Engine, *tables: type[SQLModel]) -> None:
    """Create the given tables if missing (each service creates only its own)."""
    SQLModel.metadata.create_all(engine, tables=[t.__table__ for t in tables])  # type: ignore[attr-defined]


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


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
