"""Start-up logs of a migration: which revisions ran, not Alembic's chatter.

Alembic logs "Context impl SQLiteImpl." and "Will assume non-transactional DDL." at INFO
every time it sets up a migration context (three pairs per start on a fresh database);
they tell an operator nothing. The "Running upgrade A -> B, <what it does>" lines stay.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from wirewatch.schema import HEAD, alembic_config

SNIPPET = """
import sys
from wirewatch_shared.db import make_engine
from wirewatch_shared.logging import configure_logging
from wirewatch.schema import upgrade
configure_logging("INFO")
upgrade(make_engine(sys.argv[1]))
"""


def _upgrade_logs(database_url: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SNIPPET, database_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stderr


def test_a_fresh_database_logs_the_migrations_it_ran_and_nothing_else(tmp_path: Path) -> None:
    logs = _upgrade_logs(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert "Context impl" not in logs
    assert "Will assume" not in logs
    ran = [line for line in logs.splitlines() if "Running upgrade" in line]
    revisions = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())
    assert len(ran) == len(revisions), logs  # each revision once, the newest last
    assert f"-> {HEAD}," in ran[-1]
    # A database already at the newest revision: nothing at all.
    assert _upgrade_logs(f"sqlite:///{tmp_path / 'fresh.db'}") == ""


def test_faststreams_task_callback_notes_are_dropped_and_its_warnings_kept() -> None:
    snippet = """
import logging
from wirewatch_shared.logging import configure_logging
configure_logging("INFO")
broker = logging.getLogger("wirewatch.flights.broker")
broker.info("callback for Task-125 is being executed...")
broker.warning("callback for Task-126 is being executed...")
broker.info("Consumer m-1 assigned to partitions: (0, 1)")
"""
    done = subprocess.run(
        [sys.executable, "-c", snippet], capture_output=True, text=True, timeout=60, check=True
    )
    assert "Task-125" not in done.stderr
    assert "Task-126" in done.stderr
    assert "assigned to partitions" in done.stderr
