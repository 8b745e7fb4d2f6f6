"""`wirewatch db upgrade` run while another migrator works on the same database (two
deployment jobs, or a job beside `wirewatch up`), on SQLite and PostgreSQL: it waits,
then says truthfully that there was nothing left to do.

It read the revision before taking the migration lock: the one that waited printed
"database schema upgraded from none to 0006" although the other had done the upgrade."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from wirewatch_shared.db import make_engine

from tests.shared.schema_support import create_release_0_1_0
from tests.support.env import WIREWATCH
from wirewatch.schema import HEAD, _migration_lock, alembic_config, current_revision, upgrade


def _wait_until(check: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.02)


_THIS_DATABASE = (
    "locktype = 'advisory' AND database = "
    "(SELECT oid FROM pg_database WHERE datname = current_database())"
)
"""The advisory locks of the test's own database (other tests' databases on the server
take the same key)."""


def _waits_for_the_lock(engine: Engine, pid: int) -> bool:
    """Whether process ``pid`` (SQLite: its flock) or any session (PostgreSQL: an
    advisory lock) is blocked on the migration lock."""
    if engine.dialect.name == "sqlite":
        blocked = [line.split() for line in Path("/proc/locks").read_text().splitlines()]
        return any("->" in fields and str(pid) in fields for fields in blocked)
    with engine.connect() as conn:
        waiting = conn.execute(
            text(f"SELECT count(*) FROM pg_locks WHERE {_THIS_DATABASE} AND NOT granted")
        ).scalar_one()
    return bool(waiting)


def _db_upgrade(database_url: str, tmp_path: Path) -> subprocess.Popen[str]:
    """`wirewatch db upgrade` of ``database_url`` started in a process of its own, with none
    of the suite's settings, its output kept."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(WIREWATCH_DATA_DIR=str(tmp_path), WIREWATCH_DATABASE_URL=database_url)
    return subprocess.Popen(
        [WIREWATCH, "db", "upgrade"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_upgrade_that_waited_for_another_says_nothing_was_left(
    database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url)
    try:
        with _migration_lock(engine):  # another migrator is at work
            waiting = _db_upgrade(database_url, tmp_path)
            try:
                _wait_until(
                    lambda: waiting.poll() is not None or _waits_for_the_lock(engine, waiting.pid),
                    "the second upgrade waits for the lock",
                )
                with engine.begin() as conn:  # ... and brings the schema to head
                    command.upgrade(alembic_config(conn), "heads")
            except BaseException:
                waiting.kill()
                raise
        out, err = waiting.communicate(timeout=120)
        assert waiting.returncode == 0, err
        assert out == f"database schema already at revision {HEAD}\n"
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()


def test_four_upgrades_at_once_report_one_upgrade(database_url: str, tmp_path: Path) -> None:
    """Exactly one of several concurrent `db upgrade` runs says it upgraded."""
    runs = [_db_upgrade(database_url, tmp_path) for _ in range(4)]
    outputs = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], [err for _, err in outputs]
    said = sorted(out for out, _ in outputs)
    assert said == [
        *[f"database schema already at revision {HEAD}\n"] * 3,
        f"database schema upgraded from none to {HEAD}\n",
    ]


def test_the_postgresql_migration_lock_is_not_held_in_an_open_transaction(
    database_url: str,
) -> None:
    """The session holding the advisory lock sat 'idle in transaction' for the whole
    migration: a server with `idle_in_transaction_session_timeout` (common on managed
    PostgreSQL) ends that session mid-migration, which frees the lock for a second
    migrator and fails the first one's unlock after its migration has committed."""
    if not database_url.startswith("postgresql"):
        return  # SQLite's lock is a file lock
    engine = make_engine(database_url)
    try:
        with _migration_lock(engine), engine.connect() as probe:
            states = probe.execute(
                text(
                    "SELECT a.state FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
                    f"WHERE {_THIS_DATABASE} AND l.granted"
                )
            ).scalars()
            assert list(states) == ["idle"]
    finally:
        engine.dispose()


_FAIL_THE_VERSION_UPDATE = {
    "sqlite": [
        "CREATE TRIGGER ww_fail BEFORE UPDATE ON alembic_version "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION ww_fail() RETURNS trigger AS "
        "$$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$ "
        "LANGUAGE plpgsql",
        "CREATE TRIGGER ww_fail BEFORE UPDATE ON alembic_version "
        "FOR EACH ROW EXECUTE FUNCTION ww_fail()",
    ],
}
_UNDO = {
    "sqlite": ["DROP TRIGGER ww_fail"],
    "postgresql": ["DROP TRIGGER ww_fail ON alembic_version", "DROP FUNCTION ww_fail()"],
}


def test_a_revision_that_fails_halfway_leaves_the_database_as_it_was(engine: Engine) -> None:
    """A revision that fails after its first statement (here: when its version is
    recorded, as a full disk or a kill would) must leave nothing behind. On SQLite every
    CREATE TABLE committed on its own: 0006's table stayed while the version stayed at
    0005, and every later upgrade (each `wirewatch up`) failed with "table
    ingest_legacy_seen_item already exists"."""
    upgrade(engine, "0005")
    dialect = engine.dialect.name
    with engine.begin() as conn:
        for statement in _FAIL_THE_VERSION_UPDATE[dialect]:
            conn.execute(text(statement))
    try:
        upgrade(engine)
    except Exception as exc:
        assert "full" in str(exc) or "No space" in str(exc), exc
    else:
        raise AssertionError("the upgrade should have failed")
    assert current_revision(engine) == "0005"
    assert "ingest_legacy_seen_item" not in inspect(engine).get_table_names()

    with engine.begin() as conn:  # the disk has room again
        for statement in _UNDO[dialect]:
            conn.execute(text(statement))
    upgrade(engine)
    assert current_revision(engine) == HEAD


def test_an_adopted_release_0_1_0_database_says_which_schema_it_had(
    engine: Engine, database_url: str, tmp_path: Path
) -> None:
    """A database made by release 0.1.0 (its tables, no version table) is adopted at the
    baseline: `db upgrade` said "upgraded from none", as for an empty database."""
    create_release_0_1_0(engine)
    done = _db_upgrade(database_url, tmp_path)
    out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    assert out == f"database schema upgraded from 0001 (no version table) to {HEAD}\n"
