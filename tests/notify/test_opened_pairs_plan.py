"""Whether a story's opening alert is already recorded is read through the outbox's
(subscription, item) index, not by scanning the outbox: it holds every delivery of the
retention (30 days by default), and this read runs for every batch of story events.
Checked in the database's own query plan, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from wirewatch_notify import outbox
from wirewatch_notify.story_alerts import opened_pairs

from tests.notify.support import make_service

ROWS = 20_000


def _plan(conn: Connection, statement: str, parameters: Any) -> str:
    if conn.dialect.name == "postgresql":
        rows = conn.exec_driver_sql("EXPLAIN " + statement, parameters).all()
    else:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    return "\n".join(str(row[-1]) for row in rows)


def test_opened_stories_are_looked_up_through_the_index(database_url: str) -> None:
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
            assert opened_pairs(conn, ["story-a", "story-b"], subs) == set()
            [(statement, parameters)] = statements
            plan = _plan(conn, statement, parameters)
    finally:
        event.remove(service.engine, "before_cursor_execute", seen)
        service.engine.dispose()
    assert "Seq Scan" not in plan and "SCAN notify_delivery" not in plan, plan
