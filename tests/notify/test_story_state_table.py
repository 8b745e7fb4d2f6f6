"""Each story's newest state notify has read, kept in a table (``notify_story_state``,
stop 40), not in one process's memory.

A story event read late (a lower ``position`` than one already read: two stories processes
publishing one story's events out of order) shows the story's fields (outlets, items,
counts) of the newest event read (stop 39). That newest event was kept in memory, per
notify process: after a restart between the two events, or when the late one was read by
another notify process (a notify rebalance at that moment), the opening alert said "2
outlets" and the follow-up at 3 was never sent. Now every event read records its story's
newest position and fields in the transaction that decides its alerts (SQLite and
PostgreSQL; through the real broker for the restart)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from kafka import KafkaProducer
from sqlalchemy import select, update
from wirewatch_notify import story_versions
from wirewatch_notify.models import StoryState
from wirewatch_shared import streams
from wirewatch_shared.kafka_admin import ensure_streams

from tests.notify.support import make_service, wait_until
from tests.notify.test_story_alerts import _rows, _subscribe
from tests.notify.test_story_events_out_of_order import OUTLETS, _event, _story
from tests.support.poison import start_group_at_end, wait_for
from tests.support.sql import sent_statements

_STATES = StoryState.__table__  # type: ignore[attr-defined]


def _positions(service: Any) -> dict[str, int]:
    with service.engine.connect() as conn:
        rows = conn.execute(select(_STATES.c.story_id, _STATES.c.position)).all()
    return {story: position for story, position in rows}


def _opened_with_all_outlets(service: Any, sub: int, story: str) -> None:
    opening = _story(service, sub, f"story:{story}")
    assert opening["outlets"] == OUTLETS, opening["outlets"]  # was ["AP", "EFE"]
    assert opening["item_count"] == 3
    assert opening["items"][1]["id"] == f"{story}-1"  # the late item, as the story lists it
    # Opened with 3 outlets: its follow-up is taken at once (cancelled), never sent at 2.
    keys = {(key, status == "cancelled") for _, key, status in _rows(service) if story in key}
    assert keys == {(f"story:{story}", False), (f"story:{story}:grown", True)}


@pytest.mark.integration
async def test_a_restart_between_the_newer_and_the_late_event(
    kafka_bootstrap: str, database_url: str
) -> None:
    """Item 3 (not the subscription's topic) read by one notify process, which stops;
    item 2 (the subscription's), published late, read by the next one on the database."""
    group = f"notify-state-{uuid.uuid4().hex[:8]}"
    await ensure_streams(kafka_bootstrap, [streams.STORIES])
    start_group_at_end(kafka_bootstrap, group, streams.STORIES)
    story = f"st_{uuid.uuid4().hex[:16]}"
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    try:
        first = make_service(
            database_url, kafka_bootstrap=kafka_bootstrap, story_consumer_group=group
        )
        sub = _subscribe(first, target="http://127.0.0.1:9/hook")
        app = first.build_app()
        await app.start()
        try:
            newer = _event(story, 3, "border-policy")
            producer.send(streams.STORIES, newer.model_dump_json().encode(), key=story.encode())
            producer.flush(timeout=20)
            await wait_for(lambda: first.stories_handled >= 1, timeout=60)
        finally:
            await app.stop()
        assert _rows(first) == set()  # item 3 opens nothing: not the subscription's topic
        late = _event(story, 2, "flights")
        producer.send(streams.STORIES, late.model_dump_json().encode(), key=story.encode())
        producer.flush(timeout=20)
        second = make_service(
            database_url, kafka_bootstrap=kafka_bootstrap, story_consumer_group=group
        )
        app = second.build_app()
        await app.start()
        try:
            await wait_for(lambda: second.stories_handled >= 1, timeout=60)
        finally:
            await app.stop()
    finally:
        producer.close()
    _opened_with_all_outlets(second, sub, story)


async def test_the_late_event_read_by_the_other_notify_process(database_url: str) -> None:
    """Two notify processes on one database (a notify rebalance): the one that reads the
    late event never read the newer one."""
    one, other = make_service(database_url), make_service(database_url)
    sub = _subscribe(one)
    await one.handle_story_events([_event("s1", 3, "border-policy")])
    await other.handle_story_events([_event("s1", 2, "flights")])
    _opened_with_all_outlets(other, sub, "s1")
    # And back: a later event read by the first process after the other's is not late.
    await one.handle_story_events([_event("s2", 1, "flights")])
    await other.handle_story_events([_event("s2", 3, "border-policy")])
    await one.handle_story_events([_event("s2", 2, "flights")])
    assert _story(one, sub, "story:s2")["outlets"] == OUTLETS[:1]
    grown = _story(one, sub, "story:s2:grown")  # sent at 3, by the newer event
    assert (grown["outlets"], grown["item_count"]) == (OUTLETS, 3)
    assert _positions(one) == {"s1": 3, "s2": 3}


async def test_the_state_is_kept_while_no_story_subscription_exists(database_url: str) -> None:
    """Item 3 read while nobody subscribed in story mode; then a subscription is made and
    item 2 arrives late."""
    service = make_service(database_url)
    await service.handle_story_events([_event("early", 3, "border-policy")])
    assert _positions(service) == {"early": 3}
    sub = _subscribe(service)
    await wait_until(lambda: bool(service.rules.story_index().rules))
    await service.handle_story_events([_event("early", 2, "flights")])
    _opened_with_all_outlets(service, sub, "early")


async def test_the_state_is_read_in_one_query_per_batch(database_url: str) -> None:
    service = make_service(database_url)
    _subscribe(service)
    batch = [_event(f"q{i}", 1 + i % 3, "flights") for i in range(25)]
    with sent_statements(service.engine) as sent:
        await service.handle_story_events(batch)
    reads = [s for s in sent if s.startswith("select")]
    assert len([s for s in reads if "notify_story_state" in s]) == 1, reads
    assert _positions(service) == {f"q{i}": 1 + i % 3 for i in range(25)}
    # The fields kept are the newest event's, as JSON.
    with service.engine.connect() as conn:
        kept = conn.execute(select(_STATES.c.story).where(_STATES.c.story_id == "q2")).scalar_one()
    kept = json.loads(kept)
    assert (kept["outlets"], kept["item_count"]) == (OUTLETS, 3)
    assert set(kept) == set(story_versions.STORY_FIELDS)


async def test_the_running_worker_forgets_stories_not_read_within_the_retention(
    database_url: str,
) -> None:
    from tests.notify.support import running_worker

    service = make_service(database_url, delivery_retention_days=30, log_level="WARNING")
    await service.handle_story_events(
        [_event("dormant", 2, "flights"), _event("lively", 1, "flights")]
    )
    with service.engine.begin() as conn:
        conn.execute(
            update(_STATES)
            .where(_STATES.c.story_id == "dormant")
            .values(updated_at=datetime.now(UTC) - timedelta(days=40))
        )
    async with running_worker(service):  # its first release round purges
        await wait_until(lambda: _positions(service) == {"lively": 1})
