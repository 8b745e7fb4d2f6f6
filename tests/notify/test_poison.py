"""Records that cannot be stored never jam notify: they go to the dead-letter topic.

A schema-invalid record (an item id longer than any column) is refused at decoding;
a record the database refuses (PostgreSQL cannot store a NUL character as text) is
isolated from its batch. Both land in the dead-letter topic and the next record of the
same partition is recorded. Transient errors are retried, one log line per retry.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import pytest
import structlog.testing
from sqlalchemy import create_engine, insert, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select
from wirewatch_notify import subscriptions
from wirewatch_notify.models import Delivery
from wirewatch_shared.db import session_scope
from wirewatch_shared.events import ITEM_ID_MAX, ClassifiedItem
from wirewatch_shared.failures import Backoff, is_permanent, is_transient

from tests.notify.support import NOW, classified, make_service
from tests.support.http import HttpReceiver
from tests.support.poison import fresh_failures_log, poison_then_good

pytestmark = pytest.mark.integration


def _recorded(engine: object, item_id: str) -> Callable[[], bool]:
    def check() -> bool:
        with session_scope(engine) as session:  # type: ignore[arg-type]
            stmt = select(Delivery).where(Delivery.item_id == item_id)
            return session.exec(stmt).first() is not None

    return check


async def test_poison_records_are_dead_lettered_and_the_partition_goes_on(
    database_url: str, kafka_bootstrap: str, http_receiver: HttpReceiver
) -> None:
    group = f"notify-poison-{uuid.uuid4().hex[:8]}"
    topic = f"poison-{uuid.uuid4().hex[:8]}"
    service = make_service(
        database_url, kafka_bootstrap=kafka_bootstrap, consumer_group=group, log_level="WARNING"
    )
    subscriptions.create_subscription(
        service.engine,
        subscriptions.parse_create(
            {
                "topic": topic,
                "channel": "webhook",
                "target": http_receiver.url("/hook"),
                "alert_mode": "item",
            }
        ),
        service.box,
    )
    try:
        letters = await poison_then_good(
            service, group, lambda i: _recorded(service.engine, i)(), database_url, topic
        )
    finally:
        service.engine.dispose()
    assert service.dead_letters.sent == len(letters)


def test_database_errors_are_told_apart(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE poison_probe (id INTEGER PRIMARY KEY, v VARCHAR(4))"))
            conn.execute(text("INSERT INTO poison_probe (id, v) VALUES (1, 'a')"))
        with pytest.raises(DBAPIError) as duplicate, engine.begin() as conn:
            conn.execute(text("INSERT INTO poison_probe (id, v) VALUES (1, 'b')"))
        assert is_permanent(duplicate.value) and not is_transient(duplicate.value)
        if database_url.startswith("postgresql"):
            with pytest.raises(DBAPIError) as too_long, engine.begin() as conn:
                conn.execute(text("INSERT INTO poison_probe (id, v) VALUES (2, 'toolong')"))
            assert is_permanent(too_long.value) and not is_transient(too_long.value)
    finally:
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS poison_probe"))
        engine.dispose()
    gone = create_engine(database_url.rsplit("/", 1)[0] + "/no_such_database_here")
    if database_url.startswith("sqlite"):
        gone = create_engine("sqlite:////nonexistent-dir/x.db")
    with pytest.raises(DBAPIError) as unreachable, gone.connect() as conn:
        conn.execute(insert(Delivery.__table__).values())  # type: ignore[attr-defined]
    gone.dispose()
    assert is_transient(unreachable.value) and not is_permanent(unreachable.value)
    assert is_transient(ConnectionResetError()) and is_transient(TimeoutError())
    assert is_permanent(ValueError("bad record")) and not is_transient(ValueError())


def test_retries_log_one_line_each_and_the_traceback_once() -> None:
    backoff = Backoff(base_s=0.5, cap_s=4.0)
    delays = []
    with fresh_failures_log(), structlog.testing.capture_logs() as lines:
        for _ in range(6):
            try:
                raise ConnectionResetError("connection lost\nsecond line of detail")
            except ConnectionResetError as exc:
                delays.append(backoff.failed("recording deliveries failed", exc))
        backoff.succeeded()
    failures = [line for line in lines if line.get("event") == "recording deliveries failed"]
    assert delays == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert len(failures) == 6
    assert sum("Traceback" in json.dumps(line) for line in failures) == 1
    assert all("second line" not in json.dumps(line) for line in failures[1:])
    assert any(line.get("event") == "recovered" for line in lines)


def test_a_classified_item_over_any_bound_is_refused_at_decoding() -> None:
    body = classified("t").model_dump(mode="json")
    for path, value in (
        (("item", "item_id"), "i" * (ITEM_ID_MAX + 1)),
        (("item", "title"), "t" * 1001),
        (("item", "summary"), "s" * 20_001),
        (("item", "link"), "https://example.org/" + "l" * 5000),
        (("item", "feed_title"), "f" * 513),
    ):
        broken = json.loads(json.dumps(body))
        broken[path[0]][path[1]] = value
        with pytest.raises(ValueError, match="at most"):
            ClassifiedItem.model_validate_json(json.dumps(broken))


def _story_event(topic: str, story_id: str) -> bytes:
    from wirewatch_shared.events import StoryEvent, StoryItemRef

    item = classified(topic)
    ref = StoryItemRef(item_id=item.item.item_id, outlet="Border Desk", published=NOW)
    event = StoryEvent(
        kind="opened",
        story_id=story_id,
        position=1,
        item=item,
        topics=(topic,),
        item_count=1,
        outlets=("Border Desk",),
        first_seen=NOW,
        items=(ref,),
        assigned_at=NOW,
    )
    return event.model_dump_json().encode()


def _flight_record(record_id: str) -> bytes:
    from wirewatch_shared.events import FlightRecordEvent

    record = FlightRecordEvent(
        change="created",
        record_id=record_id,
        version=1,
        origin="US",
        destination="GT",
        status="completed",
        source_count=1,
        updated_at=NOW,
    )
    return record.model_dump_json().encode()


async def test_poison_story_events_and_flight_records_are_dead_lettered(
    database_url: str, kafka_bootstrap: str
) -> None:
    """Notify's two other input topics: a record that does not decode, and (PostgreSQL)
    one whose key the database refuses, go to the dead-letter topic; the next record of
    the partition is recorded."""
    from wirewatch_shared import streams

    from tests.support.poison import dead_letters, start_group_at_end, wait_for

    topic, story_group = f"poison-{uuid.uuid4().hex[:8]}", f"stories-{uuid.uuid4().hex[:8]}"
    service = make_service(
        database_url,
        kafka_bootstrap=kafka_bootstrap,
        story_consumer_group=story_group,
        log_level="WARNING",
    )
    extras: list[dict[str, object]] = [{"topic": topic}, {"routes": [{"destination": "GT"}]}]
    for extra in extras:
        request = {"channel": "webhook", "target": "https://hooks.example.org/x", **extra}
        subscriptions.create_subscription(
            service.engine, subscriptions.parse_create(request), service.box
        )
    # The flights group is fixed (not a setting): it resumes where an earlier test left it,
    # or reads the few earlier flight records of the session.
    flights_group = streams.GROUP_NOTIFY_FLIGHTS
    start_group_at_end(kafka_bootstrap, story_group, streams.STORIES)
    good_story, good_record = uuid.uuid4().hex, uuid.uuid4().hex
    app = service.build_app()
    await app.start()
    try:
        for stream, poison, good in (
            (streams.STORIES, _story_event(topic, f"nul\x00{good_story}"), good_story),
            (streams.FLIGHTS, _flight_record(f"nul\x00{good_record}"), good_record),
        ):
            for body in (json.dumps({"not an event": good}).encode(), poison):
                await service.broker.publish(body, stream, key=b"same-partition")
        await service.broker.publish(
            _story_event(topic, good_story), streams.STORIES, key=b"same-partition"
        )
        await service.broker.publish(
            _flight_record(good_record), streams.FLIGHTS, key=b"same-partition"
        )
        await wait_for(_recorded(service.engine, f"story:{good_story}"))
        await wait_for(_recorded(service.engine, f"flight:{good_record}"))
        count = 2 if database_url.startswith("postgresql") else 1
        by_group = {
            group: await dead_letters(kafka_bootstrap, group, count)
            for group in (story_group, flights_group)
        }
    finally:
        await app.stop()
        service.engine.dispose()
    for group, stream, good in (
        (story_group, streams.STORIES, good_story),
        (flights_group, streams.FLIGHTS, good_record),
    ):
        letters = [letter for letter in by_group[group] if good in letter.payload]
        assert len(letters) == count, (group, by_group[group])
        assert all(letter.source_topic == stream for letter in letters)
