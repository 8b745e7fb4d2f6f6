"""Which outbox transactions wait for their WAL flush: new deliveries always; the
worker's claims and outcomes not (PostgreSQL's asynchronous commit, README "stop 31")."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from wirewatch_notify import outbox
from wirewatch_notify.models import DeliveryStatus
from wirewatch_shared.clock import utcnow

from wirewatch.schema import upgrade

ASYNC = "SET LOCAL synchronous_commit TO off"


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_claims_and_outcomes_commit_without_the_flush_wait_new_rows_with_it(
    engine: Engine,
) -> None:
    upgrade(engine)
    postgres = engine.dialect.name == "postgresql"
    with statements(engine) as seen:
        outbox.enqueue(engine, [outbox.NewDelivery(1, f"i{n}", {}) for n in range(3)])
    assert ASYNC not in seen  # durable before the Kafka offset is committed

    with statements(engine) as seen:
        assert len(outbox.claim_due(engine, utcnow(), 10)) == 3
    assert seen.count(ASYNC) == (1 if postgres else 0)

    with statements(engine) as seen:  # nothing due: a read-only claim, nothing to flush
        assert outbox.claim_due(engine, utcnow(), 10) == []
    assert ASYNC not in seen

    rows = outbox.list_deliveries(engine)
    with statements(engine) as seen:
        outbox.record_outcomes(
            engine, [outbox.Outcome(r.id, DeliveryStatus.SENT) for r in rows if r.id is not None]
        )
    assert seen.count(ASYNC) == (1 if postgres else 0)
    assert outbox.count_by_status(engine) == {DeliveryStatus.SENT: 3}

    # The setting ends with its transaction: the pooled connection commits durably again.
    if postgres:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW synchronous_commit")).scalar_one() == "on"
