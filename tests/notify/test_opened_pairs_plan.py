"""Whether a story's opening alert is already recorded is read through the outbox's
(subscription, item) index, not by scanning the outbox: it holds every delivery of the
retention (30 days by default), and this read runs for every batch of story events (alone,
or in the batch's one read). Checked in the database's own query plan, on SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from wirewatch_notify import outbox
from wirewatch_notify.story_alerts import opened_pairs, read_decisions

from tests.notify.support import make_service

ROWS = 20_000


def _plan(conn: Connection, statement: str, parameters: Any) -> str:
    if conn.dialect.name == "postgresql":
        rows = conn.exec_driver_sql("EXPLAIN " + statement, parameters).all()
    else:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    return "\n".join(str(row[-1]) for row in rows)


def _plan_of(database_url: str, read: Callable[[Connection, tuple[int, ...]], object]) -> str:
    """The plan of the one SELECT on the outbox that ``read`` runs, over ROWS deliveries."""
    service = make_service(database_url)
    subs = (1, 2, 3)
    outbox.enqueue(
        service.engine,
        [outbox.NewDelivery(subs[n % 3], f"item-{n}", {}) for n in range(ROWS)],
    )
    statements: list[tuple[str, Any]] = []

    def seen(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "notify_delivery" in statement and statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    with service.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    event.listen(service.engine, "before_cursor_execute", seen)
    try:
        with service.engine.begin() as conn:
            read(conn, subs)
            [(statement, parameters)] = statements
            return _plan(conn, statement, parameters)
    finally:
        event.remove(service.engine, "before_cursor_execute", seen)
        service.engine.dispose()


def _scans_the_outbox(plan: str) -> bool:
    return "Seq Scan on notify_delivery" in plan or "SCAN notify_delivery" in plan


def test_opened_stories_are_looked_up_through_the_index(database_url: str) -> None:
    def read(conn: Connection, subs: tuple[int, ...]) -> None:
        assert opened_pairs(conn, ["story-a", "story-b"], subs) == set()

    plan = _plan_of(database_url, read)
    assert not _scans_the_outbox(plan), plan


def test_the_batch_s_one_read_looks_them_up_through_the_index(database_url: str) -> None:
    """The same lookup inside the story batch's one read (``read_decisions``: with the
    subscriptions' version and the stories' positions)."""

    def read(conn: Connection, subs: tuple[int, ...]) -> None:
        assert read_decisions(conn, ["story-a", "story-b"], subs).opened == set()

    plan = _plan_of(database_url, read)
    assert not _scans_the_outbox(plan), plan
