"""Two notify processes recording one story's events at once (a rebalance hands the
partition over while the old owner is still writing): one opening alert and one
follow-up at ``followup_outlets``, never more, never fewer (SQLite and PostgreSQL).

Handler A records the opening (one outlet) and is held just before its commit until
handler B has made its decision, so B decides while A's opening is not committed: the
interleaving that cancelled (or never recorded) the follow-up."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from sqlalchemy import event
from wirewatch_notify.app import NotifyService

from tests.notify.support import make_service
from tests.notify.test_story_alerts import _event, _rows, _subscribe

_WAIT_S = 30.0


def _hold_commit_until(
    service: NotifyService, committing: threading.Event, other_decided: threading.Event
) -> None:
    """A's transaction that recorded alerts waits at its commit for B's decision."""

    def before(conn: Any, _cur: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO NOTIFY_DELIVERY"):
            conn.info["recorded"] = True

    def on_commit(conn: Any) -> None:
        if conn.info.pop("recorded", False):
            committing.set()
            assert other_decided.wait(_WAIT_S), "handler B never reached its decision"

    event.listen(service.engine, "before_cursor_execute", before)
    event.listen(service.engine, "commit", on_commit)


def _signal_decision(service: NotifyService, decided: threading.Event) -> None:
    """B has decided once it has read the alerts already recorded, or is about to take a
    lock or write (whichever it does first)."""

    def before(_c: Any, _cur: Any, statement: str, *_args: Any) -> None:
        head = statement.lstrip()[:12].upper()
        if head.startswith(("INSERT", "UPDATE")) or "pg_advisory" in statement:
            decided.set()

    def after(_c: Any, _cur: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "notify_delivery" in statement:
            decided.set()

    event.listen(service.engine, "before_cursor_execute", before)
    event.listen(service.engine, "after_cursor_execute", after)


@pytest.mark.parametrize("b_item_matches", [True, False], ids=["b-matches", "b-filtered"])
async def test_overlapping_handlers_keep_the_follow_up(
    database_url: str, b_item_matches: bool
) -> None:
    a, b = make_service(database_url), make_service(database_url)
    sub = _subscribe(a, min_score=0.5)  # story mode, follow-up at 3 outlets
    other = _subscribe(a, topic="flights")  # B always has something to record
    opened = _event("s1", ["AP"])
    grown = _event("s1", ["AP", "EFE", "BBC"], score=0.9 if b_item_matches else 0.3)
    a_committing, b_decided = threading.Event(), threading.Event()
    _hold_commit_until(a, a_committing, b_decided)
    _signal_decision(b, b_decided)

    async def run_b() -> None:
        assert await asyncio.to_thread(a_committing.wait, _WAIT_S)
        await b.handle_story_events([grown])

    await asyncio.gather(a.handle_story_events([opened]), run_b())
    rows = _rows(a)
    assert (sub, "story:s1", "pending") in rows
    assert (sub, "story:s1:grown", "pending") in rows, sorted(rows)
    assert (other, "story:s1:grown", "pending") in rows, sorted(rows)
