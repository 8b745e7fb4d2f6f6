"""The schema history from every earlier revision, with rows, on SQLite and PostgreSQL;
and a database a newer release made (a rolled-back deployment)."""

from __future__ import annotations

import os
import subprocess

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine

from tests.shared.schema_support import differences, insert_baseline_feed
from tests.support.env import WIREWATCH
from wirewatch.schema import (
    HEAD,
    SchemaOutOfDate,
    alembic_config,
    current_revision,
    prepare,
    require_current,
    upgrade,
)

# Revisions before the legacy copy of seen items (0006 made it): upgraded with rows.
EARLIER = ("0001", "0002", "0003", "0004", "0005")
# Every revision but the head, read from the history (a new revision joins by itself).
ALL_EARLIER = tuple(
    sorted(
        r.revision
        for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()
        if r.revision != HEAD
    )
)


def _seed(engine: Engine) -> None:
    """Rows in the baseline's tables that the later revisions copy or extend."""
    with engine.begin() as conn:
        insert_baseline_feed(conn)
        conn.execute(
            text(
                "INSERT INTO ingest_seen_item (item_id, feed_id, first_seen_at, claimed_at,"
                " published_at) VALUES ('old-published', 1, '2025-01-01 00:00:00', NULL,"
                " '2025-01-01 00:00:01'), ('old-unconfirmed', 1, '2025-01-01 00:00:00',"
                " '2025-01-01 00:00:00', NULL)"
            )
        )


@pytest.mark.parametrize("start", EARLIER)
def test_every_earlier_revision_upgrades_with_its_rows(engine: Engine, start: str) -> None:
    upgrade(engine, start)
    assert current_revision(engine) == start
    _seed(engine)
    upgrade(engine)
    assert current_revision(engine) == HEAD
    assert differences(engine) == []
    with engine.connect() as conn:
        legacy = conn.execute(text("SELECT item_id FROM ingest_legacy_seen_item")).scalars()
        assert list(legacy) == ["old-published"]  # the unconfirmed claim is republished


def test_each_revision_downgrades_one_step_and_back(engine: Engine) -> None:
    upgrade(engine)
    for target in reversed(ALL_EARLIER):
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), target)
        assert current_revision(engine) == target
    upgrade(engine)
    assert differences(engine) == []


def _made_by_a_newer_release(engine: Engine) -> None:
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))


def test_a_newer_releases_database_is_named_as_such(engine: Engine) -> None:
    """A rolled-back deployment: `run wirewatch db upgrade` (PostgreSQL) or Alembic's
    "Can't locate revision" (SQLite) used to send the operator the wrong way."""
    _made_by_a_newer_release(engine)
    for check in (require_current, prepare, upgrade):
        with pytest.raises(SchemaOutOfDate, match="9999, newer than this release") as refused:
            check(engine)
        assert "db upgrade" not in str(refused.value)


def test_the_cli_names_a_newer_releases_database(engine: Engine, database_url: str) -> None:
    _made_by_a_newer_release(engine)
    env = {**os.environ, "WIREWATCH_DATABASE_URL": database_url}
    for args in (["db", "upgrade"], ["feeds", "list"]):
        done = subprocess.run(
            [WIREWATCH, *args], env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 2, done.stderr
        assert "revision 9999, newer than this release" in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1
