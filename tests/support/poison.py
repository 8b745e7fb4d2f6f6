"""Helpers for the poison-record tests of every stage: the dead letters a consumer group
sent, a real lock that makes the stage's database writes fail for a while, the two
scenarios, and :class:`PoisonTests`, the whole test class of a stage that reads
classified items (stories, flights)."""

from __future__ import annotations

import asyncio
import functools
import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
import structlog.testing
from aiokafka import AIOKafkaConsumer
from kafka import KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import Engine
from wirewatch_shared import failures, streams
from wirewatch_shared.events import ITEM_ID_MAX, DeadLetter


async def dead_letters(bootstrap: str, group: str, count: int) -> list[DeadLetter]:
    """The dead letters of consumer group ``group`` (waits until ``count`` or 30 s)."""
    # No consumer group: every partition from the start, without waiting out a group join
    # (aiokafka's default 10 s session timeout made Tansu hold each join for 5 s).
    consumer = AIOKafkaConsumer(
        streams.DEAD_LETTER,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        group_id=None,
    )
    await consumer.start()
    found: list[DeadLetter] = []
    deadline = time.monotonic() + 30
    try:
        while len(found) < count and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    letter = DeadLetter.model_validate_json(record.value or b"")
                    if letter.consumer_group == group:
                        found.append(letter)
    finally:
        await consumer.stop()
    return found


def start_group_at_end(bootstrap: str, group: str, topic: str) -> None:
    """Commit ``group``'s offsets at the end of ``topic``: a fresh group then reads only
    what the test publishes, not every earlier test's records on the session broker
    (thousands, which made these tests time out on a busy machine)."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        ends = consumer.end_offsets(partitions)
        consumer.commit({tp: OffsetAndMetadata(end, "", -1) for tp, end in ends.items()})
    finally:
        consumer.close()


def settings_at_end(
    settings: Callable[..., Any],
    group_field: str,
    bootstrap: str,
    database_url: str,
    name: str,
    stream: str = streams.CLASSIFIED,
    **extra: Any,
) -> Any:
    """A stage's settings in a fresh consumer group (``<stage>-<name>-<random>``, in the
    ``group_field`` setting) whose offsets start at the end of ``stream``: the stage reads
    only what the test publishes. Warnings only; ``extra`` are more settings."""
    group = f"{group_field.removesuffix('_consumer_group')}-{name}-{uuid.uuid4().hex[:8]}"
    start_group_at_end(bootstrap, group, stream)
    return settings(
        kafka_bootstrap=bootstrap,
        database_url=database_url,
        log_level="WARNING",
        **{group_field: group},
        **extra,
    )


def patient_reader(database_url: str) -> Engine:
    """An engine for the test's own reads of what a stage stored: it waits out the stage's
    commits. Reading through the stage's impatient engine failed on a loaded host (SQLite
    without WAL: a reader waits while a commit holds the lock, and 0.2 s was not enough)."""
    if database_url.startswith("sqlite"):
        return create_engine(database_url, connect_args={"check_same_thread": False, "timeout": 30})
    return create_engine(database_url)


def impatient_engine(database_url: str) -> Engine:
    """An engine that waits at most 0.2 s for a lock another connection holds (the
    stage's own engine waits much longer), so a held lock is a quick transient error."""
    if database_url.startswith("sqlite"):
        args: dict[str, Any] = {"check_same_thread": False, "timeout": 0.2}
        return create_engine(database_url, connect_args=args)
    return create_engine(database_url, connect_args={"options": "-c lock_timeout=200"})


@contextmanager
def write_lock(database_url: str, table: str) -> Iterator[None]:
    """Hold the database's write lock (SQLite) or ``table``'s exclusive lock (PostgreSQL)."""
    if database_url.startswith("sqlite"):
        conn = sqlite3.connect(str(make_url(database_url).database), isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield
            conn.execute("ROLLBACK")
        finally:
            conn.close()
        return
    engine = create_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE"))
            yield
    finally:
        engine.dispose()


async def wait_for(check: Callable[[], bool], timeout: float = 30.0) -> None:
    """Poll ``check`` (in a thread: it may read the database) until it holds."""
    deadline = time.monotonic() + timeout
    while not await asyncio.to_thread(check):
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


async def poison_then_good(
    service: Any, group: str, stored: Callable[[str], bool], database_url: str, topic: str
) -> list[DeadLetter]:
    """Over ``service``'s running app: an item over an event bound, then one with a NUL
    character, then a good one, on one partition of the classified stream. The good one
    gets ``stored``; the first (and on PostgreSQL the second) are dead-lettered (returned)."""
    from tests.notify.support import classified

    long_id = f"long-{uuid.uuid4().hex}".ljust(ITEM_ID_MAX + 40, "x")
    too_long = classified(topic).model_dump(mode="json")
    too_long["item"]["item_id"] = long_id
    nul = classified(topic, item_id=f"nul\x00{uuid.uuid4().hex}")
    good = classified(topic)
    app = service.build_app()
    await app.start()
    try:
        for body in (json.dumps(too_long).encode(), nul.model_dump_json().encode()):
            await service.broker.publish(body, streams.CLASSIFIED, key=b"same-partition")
        await service.broker.publish(
            good.model_dump_json().encode(), streams.CLASSIFIED, key=b"same-partition"
        )
        await wait_for(lambda: stored(good.item.item_id))
        postgres = database_url.startswith("postgresql")
        letters = await dead_letters(service.settings.kafka_bootstrap, group, 2 if postgres else 1)
    finally:
        await app.stop()
    payloads = [letter.payload for letter in letters]
    assert any(long_id in p for p in payloads), payloads
    assert all(letter.source_topic == streams.CLASSIFIED for letter in letters)
    if postgres:  # text cannot hold NUL: a permanent error of that one record
        assert any(nul.item.item_id.split("\x00")[1] in p for p in payloads), payloads
    return letters


@contextmanager
def fresh_failures_log() -> Iterator[None]:
    """A logger proxy not cached yet for ``wirewatch_shared.failures``: one that an earlier
    test bound (``cache_logger_on_first_use``) would bypass ``capture_logs``."""
    cached = failures.log
    failures.log = structlog.get_logger(failures.__name__)
    try:
        yield
    finally:
        failures.log = cached


async def retried_while_locked(
    service: Any, stored: Callable[[str], bool], database_url: str, table: str, topic: str
) -> list[MutableMapping[str, Any]]:
    """Over ``service``'s running app: a good item arrives while ``table`` is locked; it
    is stored once the lock is gone. The log lines of the run."""
    from tests.notify.support import classified

    item = classified(topic)
    service.guard.backoff.base_s = 0.05
    app = service.build_app()
    await app.start()
    try:
        with fresh_failures_log(), structlog.testing.capture_logs() as lines:
            with write_lock(database_url, table):
                body = item.model_dump_json().encode()
                await service.broker.publish(body, streams.CLASSIFIED, key=b"k")
                await wait_for(lambda: service.guard.backoff.failures >= 3)
            # Stored, and the batch committed (the backoff is reset after the ack).
            await wait_for(lambda: stored(item.item.item_id))
            await wait_for(lambda: service.guard.backoff.failures == 0)
    finally:
        await app.stop()
    return lines


def assert_one_line_per_retry(lines: Sequence[Mapping[str, Any]], event: str) -> None:
    failures = [line for line in lines if line.get("event") == event]
    assert len(failures) >= 3, lines
    assert sum("Traceback" in json.dumps(line) for line in failures) == 1
    assert all("\n" not in line["error"] for line in failures[1:])
    assert any(line.get("event") == "recovered" for line in lines)


@dataclass(frozen=True)
class Stage:
    """What the poison-record tests need to know of a stage that reads classified items."""

    service: Callable[[Any, Engine], Any]
    """(settings, engine) -> the stage's service."""
    settings: Callable[..., Any]
    """The stage's settings class."""
    group_field: str
    """The settings field of its consumer group (a fresh group per test)."""
    stored: Callable[[Engine, str], bool]
    """Whether the item with this id went through the stage."""
    locked_table: str
    """A table the stage writes for every item (held locked for the transient case)."""
    failure_event: str
    """The log event of its BatchGuard's failures."""
    extra: dict[str, Any] = field(default_factory=dict)
    """More settings."""


class PoisonTests:
    """A stage's poison-record tests over the real broker, on SQLite and PostgreSQL:
    subclass it as ``Test…`` in the stage's tests and set ``stage``.

    A record over an event bound (refused at decoding) and, on PostgreSQL, one the
    database refuses (text cannot hold NUL) go to the dead-letter topic and the next
    record of the partition goes through; a held lock is retried, one log line per
    retry and the traceback once, until the record goes through."""

    stage: Stage
    topic = "repatriation-flights"

    @pytest.fixture
    def service(self, database_url: str, kafka_bootstrap: str) -> Iterator[Any]:
        from wirewatch.schema import upgrade

        settings = settings_at_end(
            self.stage.settings,
            self.stage.group_field,
            kafka_bootstrap,
            database_url,
            "poison",
            **self.stage.extra,
        )
        engine = impatient_engine(database_url)
        upgrade(engine)
        yield self.stage.service(settings, engine)
        engine.dispose()

    @pytest.fixture
    def reader(self, database_url: str) -> Iterator[Engine]:
        engine = patient_reader(database_url)
        yield engine
        engine.dispose()

    async def test_poison_records_are_dead_lettered_and_the_partition_goes_on(
        self, service: Any, reader: Engine, database_url: str
    ) -> None:
        group = getattr(service.settings, self.stage.group_field)
        stored = functools.partial(self.stage.stored, reader)
        await poison_then_good(service, group, stored, database_url, self.topic)

    async def test_a_transient_error_is_retried_one_line_per_retry(
        self, service: Any, reader: Engine, database_url: str
    ) -> None:
        stored = functools.partial(self.stage.stored, reader)
        lines = await retried_while_locked(
            service, stored, database_url, self.stage.locked_table, self.topic
        )
        assert_one_line_per_retry(lines, self.stage.failure_event)
