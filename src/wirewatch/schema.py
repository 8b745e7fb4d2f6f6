"""The database schema: one Alembic history for every service's tables.

Services never create or alter tables themselves; the composition root brings the
database to the newest revision before it starts them:

- ``wirewatch up`` (the embedded default) upgrades on start, on any database;
- ``wirewatch service NAME`` and the CLI upgrade a SQLite database on start, and on
  PostgreSQL refuse to run against an out-of-date schema (``wirewatch db upgrade``
  is a deployment step there, run once per release before the services).

A database made by the first release (``create_all``, no ``alembic_version`` table)
is adopted: its tables are exactly the baseline revision's, so it is stamped with it
and upgraded from there.

A database already at :data:`HEAD` is recognised with one query, without importing
Alembic: a long-running service would otherwise keep Alembic and Mako (~8 MB) for a
step it did not need.
"""

from __future__ import annotations

import fcntl
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import MetaData, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD = "0009"
"""This release's schema revision: the history's head (a test keeps them equal)."""
BASELINE = "0001"
"""The schema ``create_all`` made in release 0.1.0 (before migrations)."""

PRE_MIGRATION: tuple[tuple[str, str], ...] = (
    ("0003", "flights_record"),
    ("0002", "stories_story"),
    (BASELINE, "ingest_feed"),
)
"""(revision, a table it creates), newest first: a database made by ``create_all``
(no version table) is stamped with the newest revision whose table it has. The stories
and flights tables were made by ``create_all`` for a short while before this history
existed."""

MODEL_MODULES: tuple[str, ...] = (
    "wirewatch_ingest.models",
    "wirewatch_classify.models",
    "wirewatch_notify.models",
    "wirewatch_stories.models",
    "wirewatch_flights.models",
)
"""Every module that defines tables; a new service adds its own here."""

_PG_LOCK_KEY = 0x77697265  # "wire": one migrator at a time per PostgreSQL database


class SchemaOutOfDate(RuntimeError):
    """The database is not at this release's schema revision."""


def target_metadata() -> MetaData:
    """The metadata of every service's tables (what the newest revision must create)."""
    for module in MODEL_MODULES:
        importlib.import_module(module)
    return SQLModel.metadata


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def heads() -> list[str]:
    """The head revisions of the history (exactly one, kept so by a test)."""
    from alembic.script import ScriptDirectory

    return list(ScriptDirectory.from_config(alembic_config()).get_heads())


def head() -> str:
    found = heads()
    if len(found) != 1:
        raise RuntimeError(f"the migration history has {len(found)} heads: {found}")
    return found[0]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _pre_migration_revision(conn: Connection) -> str | None:
    """The revision a database made by ``create_all`` (no version table) matches."""
    names = set(inspect(conn).get_table_names())
    if "alembic_version" in names:
        return None
    return next((rev for rev, table in PRE_MIGRATION if table in names), None)


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """One migrator at a time (several services may start together on one database)."""
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        with open(f"{database}.migrate-lock", "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
        return
    if engine.dialect.name == "postgresql":
        # A session-level lock on a session outside any transaction: one left "idle in
        # transaction" for the whole migration is ended by idle_in_transaction_session_timeout,
        # which frees the lock mid-migration.
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_LOCK_KEY})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_LOCK_KEY})
        return
    yield


@contextmanager
def _one_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection whose one transaction holds the whole upgrade, DDL included.

    PostgreSQL's DDL is transactional. The SQLite driver (pysqlite) opens a transaction
    only before DML, so each CREATE/ALTER of a revision committed by itself: a revision
    that failed or was killed halfway left its tables behind at the old version, and
    every later upgrade stopped on "table ... already exists". Here the driver's own
    transaction handling is off and the connection begins (and ends) one itself."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            yield conn
        return
    with engine.connect() as conn:
        driver = conn.connection.dbapi_connection
        assert driver is not None
        legacy = driver.isolation_level  # type: ignore[attr-defined]
        driver.isolation_level = None  # type: ignore[attr-defined]
        try:
            with conn.begin():
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                yield conn
        finally:
            driver.isolation_level = legacy  # type: ignore[attr-defined]


def at_head(engine: Engine) -> bool:
    """Whether the database is at :data:`HEAD` (one query; no version table: no)."""
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
            return list(found) == [HEAD]
    except DBAPIError:
        return False


def _refuse_a_newer_release(found: str | None) -> None:
    """A database a newer release migrated (a rolled-back deployment): neither upgrading
    nor running helps, and Alembic only says it cannot locate the revision."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    if found is None:
        return
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(found)
    except CommandError:
        raise SchemaOutOfDate(
            f"the database schema is at revision {found}, newer than this release knows "
            f"({HEAD}): run the release that migrated it"
        ) from None


class Upgraded(NamedTuple):
    """What :func:`upgrade` found and left, both read under the migration lock: a run
    that waited for a concurrent one finds the work done (``before == after``)."""

    before: str | None
    after: str | None
    adopted: bool = False
    """``before`` is the revision a database without a version table was adopted at."""


def upgrade(engine: Engine, revision: str = "heads") -> Upgraded:
    """Bring the database to ``revision`` (default: this release's schema)."""
    if revision == "heads" and at_head(engine):
        return Upgraded(HEAD, HEAD)
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    _refuse_a_newer_release(current_revision(engine))

    with _migration_lock(engine), _one_transaction(engine) as conn:
        config = alembic_config(conn)
        before = MigrationContext.configure(conn).get_current_revision()
        adopted = _pre_migration_revision(conn)
        if adopted is not None:
            command.stamp(config, adopted)
        command.upgrade(config, revision)
        after = MigrationContext.configure(conn).get_current_revision()
    return Upgraded(adopted or before, after, adopted is not None)


def require_current(engine: Engine) -> None:
    """Raise :class:`SchemaOutOfDate` unless the database is at this release's revision."""
    if at_head(engine):
        return
    wanted = head()
    found = current_revision(engine)
    _refuse_a_newer_release(found)
    if found != wanted:
        raise SchemaOutOfDate(
            f"the database schema is at revision {found or 'none'}, this release needs "
            f"{wanted}: run `wirewatch db upgrade`"
        )


def prepare(engine: Engine, *, always_upgrade: bool = False) -> None:
    """What the composition root does before starting services or running a command:
    upgrade SQLite (or any database when ``always_upgrade``), else check the revision."""
    if always_upgrade or engine.dialect.name == "sqlite":
        upgrade(engine)
    else:
        require_current(engine)
