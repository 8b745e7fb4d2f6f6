"""What lies on the dead-letter topic, per source stream: for `wirewatch status` and /status.

Read from outside any group (nothing is committed), with aiokafka's admin client and a
throw-away consumer as :func:`wirewatch_shared.kafka_admin.group_lag` does. Offsets come
from fetch answers, never ListOffsets (Tansu answers it wrongly while producers batch).
At most ``per_partition`` of the newest records of each partition are read: a topic
flooded by a bad producer still answers within ``timeout_s``; the older ones are counted
(``unread``) from offsets, not attributed to a stream.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from pydantic import ValidationError
from wirewatch_shared import streams
from wirewatch_shared.events import DeadLetter

PER_PARTITION = 500
UNREADABLE = "(not a dead-letter event)"


@dataclass(frozen=True, slots=True)
class DeadLetterSource:
    """The dead letters of one source stream (the stream the failed record came from)."""

    source_topic: str
    count: int
    newest_at: datetime | None
    groups: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DeadLetterView:
    sources: list[DeadLetterSource] = field(default_factory=list)
    total: int = 0
    """Records on the topic (from offsets): the attributed ones plus ``unread``."""
    unread: int = 0
    """Older records past the per-partition cap, or not reached in time."""

    @property
    def complete(self) -> bool:
        return self.unread == 0


class _Tally:
    def __init__(self) -> None:
        self.count: dict[str, int] = {}
        self.newest: dict[str, datetime] = {}
        self.groups: dict[str, set[str]] = {}

    def add(self, value: bytes | None) -> None:
        try:
            letter = DeadLetter.model_validate_json(value or b"")
        except ValidationError:
            self.count[UNREADABLE] = self.count.get(UNREADABLE, 0) + 1
            return
        source = letter.source_topic
        self.count[source] = self.count.get(source, 0) + 1
        self.groups.setdefault(source, set()).add(letter.consumer_group)
        if source not in self.newest or letter.failed_at > self.newest[source]:
            self.newest[source] = letter.failed_at

    def sources(self) -> list[DeadLetterSource]:
        return [
            DeadLetterSource(
                source, n, self.newest.get(source), tuple(sorted(self.groups.get(source, ())))
            )
            for source, n in sorted(self.count.items())
        ]


async def read_dead_letters(
    bootstrap: str,
    *,
    topic: str = streams.DEAD_LETTER,
    timeout_s: float = 5.0,
    per_partition: int = PER_PARTITION,
) -> DeadLetterView:
    """The dead letters on ``topic`` per source stream; raises :class:`ConnectionError`
    when Kafka does not answer, ``KafkaError`` when it answers with an error."""
    servers = bootstrap.split(",")
    partitions = await _partitions(servers, topic, timeout_s)
    if not partitions:
        return DeadLetterView()  # not created yet: nothing was ever dead-lettered
    consumer = AIOKafkaConsumer(
        bootstrap_servers=servers,
        client_id="wirewatch-status",
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",  # offset 0 gone (retention): the first one kept
        fetch_max_wait_ms=50,
        request_timeout_ms=max(int(timeout_s * 1000), 1000) + 500,
    )
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    tally, total, unread = _Tally(), 0, 0
    try:
        await consumer.start()
        for tp in partitions:
            read, span = await _read_partition(consumer, tp, tally, per_partition, deadline)
            total += span
            unread += span - read
    finally:
        await consumer.stop()
    return DeadLetterView(tally.sources(), total, unread)


async def _partitions(servers: list[str], topic: str, timeout_s: float) -> list[TopicPartition]:
    """The topic's partitions, from a metadata answer for all topics (naming it would let
    a broker auto-create it)."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=servers,
        client_id="wirewatch-status",
        request_timeout_ms=int(timeout_s * 1000),
    )
    try:
        try:
            async with asyncio.timeout(timeout_s):
                await admin.start()
        except (KafkaError, OSError, TimeoutError) as exc:
            raise ConnectionError(
                f"Kafka at {','.join(servers)} is not reachable ({type(exc).__name__})"
            ) from exc
        described: list[Any] = await admin.describe_topics()
    finally:
        await admin.close()
    for found in described:
        if found["topic"] == topic and not found["error_code"]:
            return [TopicPartition(topic, p["partition"]) for p in found["partitions"]]
    return []


async def _read_partition(
    consumer: AIOKafkaConsumer,
    tp: TopicPartition,
    tally: _Tally,
    per_partition: int,
    deadline: float,
) -> tuple[int, int]:
    """Tally the newest ``per_partition`` records of ``tp``; (records read, records there)."""
    loop = asyncio.get_running_loop()
    consumer.assign([tp])
    consumer.seek(tp, 0)
    first: int | None = None
    # One record first: its offset is where the partition starts, and the answer
    # carries the highwater (where it ends).
    while consumer.highwater(tp) is None and loop.time() < deadline:
        for record in (await consumer.getmany(tp, timeout_ms=100, max_records=1)).get(tp, []):
            first = record.offset
    end = consumer.highwater(tp)
    if end is None:
        return 0, 0  # no answer in time: nothing known of this partition
    if first is None:
        first = await consumer.position(tp)  # empty (or emptied by retention): position = end
    span = max(0, end - first)
    start = max(first, end - per_partition)
    consumer.seek(tp, start)
    read = 0
    while await consumer.position(tp) < end and loop.time() < deadline:
        batch = await consumer.getmany(tp, timeout_ms=100, max_records=200)
        for record in batch.get(tp, []):
            if record.offset < end:
                tally.add(record.value)
                read += 1
    return read, span
