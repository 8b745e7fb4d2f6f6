"""One Alembic history for every service's tables, on SQLite and PostgreSQL: from an
empty database, from release 0.1.0's schema (``create_all``, no version table), and
with several processes migrating one database at once."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from wirewatch_classify import itemstore as classify_store
from wirewatch_ingest import feedstore as ingest_store
from wirewatch_notify import subscriptions
from wirewatch_notify.secrets import SecretBox
from wirewatch_shared.db import make_engine

from tests.shared.schema_support import create_release_0_1_0, differences, insert_baseline_feed
from wirewatch.schema import (
    HEAD,
    SchemaOutOfDate,
    alembic_config,
    current_revision,
    head,
    heads,
    prepare,
    require_current,
    upgrade,
)


def test_the_history_has_one_head() -> None:
    """A new revision's down_revision is the current head: the history never forks."""
    assert len(heads()) == 1, heads()


def test_head_names_the_history_head() -> None:
    """``HEAD`` lets a start recognise a current database without Alembic: a new
    revision must move it too."""
    assert head() == HEAD


_IMPORTED_BY_PREPARE = """
import sys
from wirewatch_shared.db import make_engine
from wirewatch.schema import prepare
prepare(make_engine(sys.argv[1]))
print(",".join(sorted({m.split(".")[0] for m in sys.modules} & {"alembic", "mako"})))
"""


def test_a_start_on_a_current_database_does_not_load_alembic(
    engine: Engine, database_url: str
) -> None:
    """What a service does on start (``prepare``) costs one query when the database is
    at this release's revision: the long-running process never imports Alembic."""

    def modules_after_prepare() -> str:
        run = subprocess.run(
            [sys.executable, "-c", _IMPORTED_BY_PREPARE, database_url],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return run.stdout.strip()

    if engine.dialect.name == "sqlite":
        assert modules_after_prepare() == "alembic,mako"  # an empty database: upgraded
    else:
        upgrade(engine)
    assert current_revision(engine) == HEAD
    assert modules_after_prepare() == ""


def test_empty_database_upgrades_to_the_models(engine: Engine) -> None:
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head()
    assert differences(engine) == []
    upgrade(engine)  # idempotent
    assert current_revision(engine) == head()


def test_downgrade_to_nothing_and_back(engine: Engine) -> None:
    upgrade(engine)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert differences(engine) == []


def test_release_0_1_0_database_is_adopted_with_its_rows(engine: Engine) -> None:
    create_release_0_1_0(engine)
    assert current_revision(engine) is None
    with engine.begin() as conn:
        insert_baseline_feed(conn)
    with pytest.raises(SchemaOutOfDate, match="wirewatch db upgrade"):
        require_current(engine)
    upgrade(engine)
    assert current_revision(engine) == head()
    assert differences(engine) == []
    (feed,) = ingest_store.list_feeds(engine)
    assert feed.url == "https://example.org/feed"
    assert feed.created_at == datetime(2025, 1, 1, tzinfo=UTC)
    # Every service's tables work after the upgrade.
    request = subscriptions.parse_create(
        {"topics": ["border-policy"], "channel": "webhook", "target": "https://93.184.215.14/h"}
    )
    created = subscriptions.create_subscription(engine, request, SecretBox(b"migration-test"))
    assert [s.id for s in subscriptions.list_subscriptions(engine)] == [created.subscription.id]
    assert list(classify_store.items_since(engine, datetime(2020, 1, 1, tzinfo=UTC))) == []


def test_prepare_upgrades_sqlite_but_only_checks_postgresql(engine: Engine) -> None:
    if engine.dialect.name == "sqlite":
        prepare(engine)
        assert current_revision(engine) == head()
    else:
        with pytest.raises(SchemaOutOfDate, match="revision none"):
            prepare(engine)
        prepare(engine, always_upgrade=True)
        assert current_revision(engine) == head()
        prepare(engine)  # at head: nothing to say


def test_concurrent_upgrades_of_one_database(database_url: str) -> None:
    """Services started together on one database migrate it once, without errors."""
    errors: list[BaseException] = []

    def run() -> None:
        engine = make_engine(database_url)
        try:
            upgrade(engine)
        except BaseException as exc:
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) == head()
    finally:
        engine.dispose()
