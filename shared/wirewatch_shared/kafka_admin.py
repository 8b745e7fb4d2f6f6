"""The one adapter to Kafka's admin side (kafka-python, blocking: call it from a thread).

- :func:`ensure_streams`: create the streams that do not exist yet (services on start,
  ``wirewatch kafka-topics create``);
- :func:`group_lag`: consumer-group lag from outside the groups, committed offset vs
  highwater (``wirewatch status``, the /status page). Committed offsets come from the
  admin API (OffsetFetch). The highwater comes back in a fetch response, so a
  throw-away consumer (no group) fetches one small record from each partition at its
  committed offset — never ListOffsets, which some Kafka-wire brokers (Tansu) answer
  wrongly while producers batch.

Publishing is not here: services publish through :mod:`wirewatch_shared.producer`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.admin import NewTopic
from kafka.errors import BrokerResponseError, KafkaError, TopicAlreadyExistsError

from wirewatch_shared import streams

log = logging.getLogger(__name__)


def ensure_streams(
    bootstrap: str,
    names: Iterable[str] = streams.ALL_STREAMS,
    *,
    partitions: int = 3,
    replication: int = 1,
    timeout_s: float = 30.0,
) -> list[str]:
    """Create the streams (Kafka topics) that do not exist yet; return the ones created.

    Idempotent, so every service (and `wirewatch kafka-topics create`) may call it on
    start-up against a real cluster.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            admin = KafkaAdminClient(
                bootstrap_servers=bootstrap.split(","),
                client_id="wirewatch-admin",
                # One attempt never outlasts the whole deadline (its default is 30 s).
                bootstrap_timeout_ms=max(500, int((deadline - time.monotonic()) * 1000)),
            )
            break
        except KafkaError as exc:  # broker still starting
            if time.monotonic() > deadline:
                raise ConnectionError(f"Kafka at {bootstrap} is not reachable: {exc}") from exc
            time.sleep(0.2)
    try:
        existing = set(admin.list_topics())
        missing = [n for n in names if n not in existing]
        created: list[str] = []
        for name in missing:
            try:
                admin.create_topics(
                    [NewTopic(name, num_partitions=partitions, replication_factor=replication)]
                )
                created.append(name)
            except TopicAlreadyExistsError:  # created concurrently by another service
                pass
        if created:
            log.info("created topics %s", created)
        return created
    finally:
        admin.close()


class _DropCancelledRefresh(logging.Filter):
    """Closing the throw-away client cancels its metadata refresh; kafka-python logs that
    as an error although nothing failed."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Cancelled" not in record.getMessage()


logging.getLogger("kafka.cluster").addFilter(_DropCancelledRefresh())

GROUP_TOPICS: Mapping[str, str] = {
    consumer.group: stream
    for stream, info in streams.STREAM_INFO.items()
    for consumer in info.consumers
    if consumer.group is not None
}
"""Each consumer group of the pipeline and the stream it consumes, from ``STREAM_INFO``
(so ``wirewatch status`` shows the lag of every stage, the stories and flights ones too)."""


@dataclass(frozen=True, slots=True)
class GroupLag:
    group: str
    topic: str
    partition: int
    committed: int | None
    highwater: int | None

    @property
    def lag(self) -> int | None:
        if self.highwater is None:
            return None
        return max(0, self.highwater - (self.committed or 0))


def group_lag(
    bootstrap: str,
    groups: Mapping[str, str] = GROUP_TOPICS,
    *,
    timeout_s: float = 5.0,
) -> list[GroupLag]:
    """Lag per (group, partition); raises ``kafka.errors.KafkaError`` if Kafka is down."""
    servers = bootstrap.split(",")
    timeout_ms = int(timeout_s * 1000)
    admin = KafkaAdminClient(
        bootstrap_servers=servers,
        client_id="wirewatch-status",
        request_timeout_ms=timeout_ms,
        bootstrap_timeout_ms=timeout_ms,
    )
    try:
        committed: dict[tuple[str, TopicPartition], int] = {}
        for group in groups:
            try:
                found = admin.list_group_offsets(group).get(group, {})
            except BrokerResponseError:
                found = {}  # the group never committed (or does not exist yet)
            for tp, meta in found.items():
                if meta.offset is not None and meta.offset >= 0:
                    committed[(group, tp)] = int(meta.offset)
    finally:
        admin.close()
    consumer = KafkaConsumer(
        bootstrap_servers=servers,
        client_id="wirewatch-status",
        group_id=None,
        enable_auto_commit=False,
        fetch_max_wait_ms=50,
        max_partition_fetch_bytes=1024,
        request_timeout_ms=max(timeout_ms, 1000) + 500,
        bootstrap_timeout_ms=timeout_ms,
    )
    try:
        return _read_highwaters(consumer, groups, committed, timeout_s)
    finally:
        consumer.close()


def _read_highwaters(
    consumer: KafkaConsumer,
    groups: Mapping[str, str],
    committed: Mapping[tuple[str, TopicPartition], int],
    timeout_s: float,
) -> list[GroupLag]:
    partitions: dict[str, list[TopicPartition]] = {}
    for topic in set(groups.values()):
        ids = consumer.partitions_for_topic(topic) or set()
        partitions[topic] = [TopicPartition(topic, p) for p in sorted(ids)]
    assigned = [tp for tps in partitions.values() for tp in tps]
    highwater: dict[TopicPartition, int] = {}
    if assigned:
        consumer.assign(assigned)
        # Fetch from the smallest committed offset of any group (0 when none): an offset
        # that exists, so the fetch answers with the highwater and no reset is needed.
        for tp in assigned:
            offsets = [off for (g, t), off in committed.items() if t == tp]
            consumer.seek(tp, min(offsets) if offsets else 0)
        deadline = time.monotonic() + timeout_s
        while len(highwater) < len(assigned) and time.monotonic() < deadline:
            consumer.poll(timeout_ms=100, max_records=1, update_offsets=False)
            for tp in assigned:
                value = consumer.highwater(tp)
                if value is not None:
                    highwater[tp] = int(value)
    rows = []
    for group, topic in groups.items():
        for tp in partitions.get(topic, []):
            rows.append(
                GroupLag(group, topic, tp.partition, committed.get((group, tp)), highwater.get(tp))
            )
    return rows
