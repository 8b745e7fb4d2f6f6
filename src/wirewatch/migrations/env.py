"""Alembic environment: one migration history for every service's tables.

Run through :mod:`wirewatch.schema` (``wirewatch db upgrade``, ``wirewatch up``,
``wirewatch service NAME`` on SQLite) or the ``alembic`` command with the repository's
``alembic.ini`` (for ``alembic revision --autogenerate``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from wirewatch.schema import target_metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata(),
        # SQLite cannot ALTER most things: a revision's batch_alter_table copies the table.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from wirewatch_shared.db import make_engine
    from wirewatch_shared.settings import CommonSettings

    url = context.config.get_main_option("sqlalchemy.url") or CommonSettings().database_url
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run them against a database")
run_migrations_online()
