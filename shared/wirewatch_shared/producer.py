"""The one publish path of ingest (new items) and classify (classified items).

:class:`KeyedProducer` owns an aiokafka producer and publishes keyed records as one
record batch per partition (``send_batch``), in production and in the tests alike
(they run it against the embedded broker). Why not FastStream's ``publish``, and
why a murmur2 of our own: docs/architecture.md ("The publish path"). The partition
of a key is the one aiokafka's ``DefaultPartitioner`` gives it (the producer is
built with :func:`partition` as its partitioner, and tests compare the two on the
same keys); the records carry the JSON content type and the key as
``correlation_id``; :mod:`wirewatch_shared.metrics` counts them per stream.
"""

from __future__ import annotations

import asyncio
import struct
from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import MessageSizeTooLargeError
from aiokafka.partitioner import DefaultPartitioner

from wirewatch_shared.metrics import record_published
from wirewatch_shared.settings import CommonSettings

BATCH_BYTES = 512 * 1024
"""Record batch size of the batch producers. A whole consumed batch of classified
items (500 x ~1.5 KB, spread over the partitions), or a poll round's new items,
fits in one produce request per partition instead of the default 16 KB batches
(dozens of requests); it stays under Kafka's default ``message.max.bytes`` (1 MiB)."""

MAX_RECORD_BYTES = 1024 * 1024
"""The largest record a Wirewatch producer sends: aiokafka's ``max_request_size`` default,
which its ``send`` enforces, and within Kafka's default ``message.max.bytes`` (1 MiB +
12), which the broker enforces on a record batch (Tansu enforces none)."""

RECORD_OVERHEAD = 256
"""Bytes a keyed record takes beside its value and twice its key (the key, and the
``correlation_id`` header) in a record batch of its own, at most: the batch's and the
record's headers and the content type (~130 bytes in aiokafka's own estimate)."""

JSON_CONTENT_TYPE = ("content-type", b"application/json")

_M = 0x5BD1E995
_UNPACK_BLOCKS = [struct.Struct(f"<{n}I").unpack_from for n in range(257)]
"""Unpackers of n little-endian 32-bit blocks, for keys up to 1 KiB: built once, not a
format string per key (a fifth of murmur2's time on a short item id)."""


def murmur2(data: bytes) -> int:
    """Kafka's murmur2 (``org.apache.kafka.common.utils.Utils.murmur2``), as the
    Java client's and aiokafka's default partitioners compute it, about twice as
    fast as aiokafka's byte-by-byte version (keys are item ids, often long URLs)."""
    length = len(data)
    h = 0x9747B28C ^ length
    blocks = length // 4
    unpack = (
        _UNPACK_BLOCKS[blocks]
        if blocks < len(_UNPACK_BLOCKS)
        else struct.Struct(f"<{blocks}I").unpack_from
    )
    for k in unpack(data):
        k = (k * _M) & 0xFFFFFFFF
        k = ((k ^ (k >> 24)) * _M) & 0xFFFFFFFF
        h = ((h * _M) & 0xFFFFFFFF) ^ k
    tail = length & 3
    if tail:
        base = length & ~3
        if tail == 3:
            h ^= data[base + 2] << 16
        if tail >= 2:
            h ^= data[base + 1] << 8
        h = ((h ^ data[base]) * _M) & 0xFFFFFFFF
    h = ((h ^ (h >> 13)) * _M) & 0xFFFFFFFF
    return h ^ (h >> 15)


def record_size(key: bytes, value: bytes) -> int:
    """The most bytes a record of ours takes in a record batch (see ``RECORD_OVERHEAD``)."""
    return len(value) + 2 * len(key) + RECORD_OVERHEAD


def too_large(key: bytes, value: bytes) -> MessageSizeTooLargeError:
    """The error of a record over ``MAX_RECORD_BYTES`` (a permanent one: it is a bad
    record, dead-lettered, never retried; :mod:`wirewatch_shared.failures`)."""
    return MessageSizeTooLargeError(
        f"record of {record_size(key, value)} bytes (key {key[:100]!r}) is over the"
        f" {MAX_RECORD_BYTES}-byte record limit"
    )


def partition_for(key: bytes, partitions: Sequence[int]) -> int:
    """The partition the default partitioner gives ``key`` (``partitions`` sorted)."""
    return partitions[(murmur2(key) & 0x7FFFFFFF) % len(partitions)]


def partition(key: bytes | None, all_partitions: Sequence[int], available: Sequence[int]) -> int:
    """aiokafka's partitioner interface over :func:`partition_for` (a keyless record,
    which Wirewatch never sends, goes where aiokafka's default would send it)."""
    if key is None:
        return int(DefaultPartitioner()(None, list(all_partitions), list(available)))
    return partition_for(key, all_partitions)


class KeyedProducer:
    """Publishes keyed JSON records of one service; start it before, stop it after use."""

    def __init__(self, settings: CommonSettings, *, client_suffix: str) -> None:
        self._settings = settings
        self._client_suffix = client_suffix
        self._producer: AIOKafkaProducer | None = None

    @property
    def started(self) -> bool:
        return self._producer is not None

    async def start(self) -> None:
        """Connect, with the broker's delivery settings (:func:`make_broker`): acks from
        all in-sync replicas, no idempotence (Tansu rejects InitProducerId)."""
        if self._producer is not None:
            return
        assert self._settings.kafka_bootstrap, "WIREWATCH_KAFKA_BOOTSTRAP is not set"
        producer = AIOKafkaProducer(
            bootstrap_servers=self._settings.kafka_bootstrap.split(","),
            client_id=f"{self._settings.kafka_client_id}-{self._client_suffix}",
            acks="all",
            enable_idempotence=False,
            linger_ms=5,
            max_batch_size=BATCH_BYTES,
            max_request_size=MAX_RECORD_BYTES,
            partitioner=partition,
        )
        try:
            await producer.start()
        except BaseException:  # unreachable, or timed out: close what it opened
            await producer.stop()
            raise
        self._producer = producer

    async def stop(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            await producer.stop()

    async def send(
        self, stream: str, records: Sequence[tuple[bytes, bytes]]
    ) -> list[asyncio.Future[Any]]:
        """Queue keyed records on ``stream``; the futures resolve once the broker has
        acknowledged them (they fail if it does not)."""
        if self._producer is None:
            raise RuntimeError(f"the {self._client_suffix} producer is not started")
        return await send_keyed(self._producer, stream, records)

    async def publish(self, stream: str, records: Sequence[tuple[bytes, bytes]]) -> None:
        """:meth:`send`, then wait until the broker acknowledged every record."""
        await asyncio.gather(*await self.send(stream, records))


async def send_keyed(
    producer: AIOKafkaProducer, topic: str, records: Sequence[tuple[bytes, bytes]]
) -> list[asyncio.Future[Any]]:
    """Queue keyed JSON records on ``topic`` as one record batch per partition.

    Records are grouped by :func:`partition_for` (what the producer's partitioner
    gives them) and handed over with ``send_batch``: one Python call per partition
    instead of one ``send`` per record. Each record carries the JSON content type and
    its key (the item id) as ``correlation_id``, the id that follows a story across
    the pipeline.

    A record over ``MAX_RECORD_BYTES`` raises ``MessageSizeTooLargeError`` before any
    record is queued, as aiokafka's ``send`` would (``send_batch`` checks nothing, and
    Kafka would refuse the record's whole batch); a caller that can dead-letter one
    record checks :func:`record_size` first."""
    partitions = sorted(await producer.partitions_for(topic))
    grouped: dict[int, list[tuple[bytes, bytes]]] = {}
    limit = MAX_RECORD_BYTES - RECORD_OVERHEAD
    for record in records:
        if len(record[1]) + 2 * len(record[0]) > limit:
            raise too_large(*record)
        part = partition_for(record[0], partitions)
        found = grouped.get(part)
        if found is None:
            grouped[part] = [record]
        else:
            found.append(record)
    futures: list[asyncio.Future[Any]] = []
    for part, keyed in grouped.items():
        batch = producer.create_batch()
        for key, value in keyed:
            headers = [JSON_CONTENT_TYPE, ("correlation_id", key)]
            if batch.append(key=key, value=value, timestamp=None, headers=headers) is None:
                # Full (BATCH_BYTES): send it, start the next one (a record always
                # fits an empty batch; the broker enforces its own size limit).
                futures.append(await _send(producer, batch, topic, part))
                batch = producer.create_batch()
                batch.append(key=key, value=value, timestamp=None, headers=headers)
        futures.append(await _send(producer, batch, topic, part))
    return futures


async def _send(producer: AIOKafkaProducer, batch: Any, topic: str, partition: int) -> Any:
    # A closed batch is complete: the sender takes it at once instead of letting it
    # linger (``linger_ms``) for records that will never come.
    batch.close()
    count = batch.record_count()
    future = await producer.send_batch(batch, topic, partition=partition)
    future.add_done_callback(lambda done: _count_published(done, topic, count))
    return future


def _count_published(done: asyncio.Future[Any], topic: str, count: int) -> None:
    failed = done.cancelled() or done.exception() is not None
    record_published(topic, count, ok=not failed)
