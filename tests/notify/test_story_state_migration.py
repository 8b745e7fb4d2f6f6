"""Revision 0009 (``notify_story_state``): made empty on an upgrade from 0008 (the story
alerts' payloads carry no position), gone on a downgrade, made again; SQLite and
PostgreSQL, the models' schema each time."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from tests.shared.schema_support import differences
from wirewatch.schema import HEAD, alembic_config, current_revision, upgrade

_TABLE = "notify_story_state"


def test_0009_downgrades_and_upgrades_again(engine: Engine) -> None:
    upgrade(engine, "0008")
    assert _TABLE not in inspect(engine).get_table_names()
    upgrade(engine)
    assert current_revision(engine) == HEAD == "0009"
    assert _TABLE in inspect(engine).get_table_names()
    assert differences(engine) == []
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0008")
    assert current_revision(engine) == "0008"
    assert _TABLE not in inspect(engine).get_table_names()
    upgrade(engine)
    assert differences(engine) == []
