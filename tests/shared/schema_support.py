"""Helpers of the schema-history tests (tests/shared and tests/ops): what the database
lacks against the models, release 0.1.0's tables, a feed row of the baseline."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from wirewatch.schema import target_metadata

RELEASE_0_1_0 = Path(__file__).parent / "migrations"


def differences(engine: Engine) -> list[object]:
    """What the models have that the database has not (or the other way round)."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, target_metadata()))


def create_release_0_1_0(engine: Engine) -> None:
    """The tables exactly as release 0.1.0's ``create_all`` made them (frozen DDL)."""
    ddl = (RELEASE_0_1_0 / f"release_0_1_0_{engine.dialect.name}.sql").read_text()
    with engine.begin() as conn:
        for statement in ddl.split(";\n"):
            if statement.strip():
                conn.execute(text(statement))


def insert_baseline_feed(conn: Connection) -> None:
    """Feed 1 (https://example.org/feed), as a baseline-era row: in the columns release
    0.1.0 and revision 0001 have."""
    conn.execute(
        text(
            "INSERT INTO ingest_feed (url, title, enabled, created_at, next_check_at,"
            " consecutive_errors, parked, items_seen) VALUES ('https://example.org/feed',"
            " '', TRUE, '2025-01-01 00:00:00', '2025-01-01 00:00:00', 0, FALSE, 0)"
        )
    )
