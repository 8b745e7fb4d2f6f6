"""Consumer-group lag from outside the groups: committed offset vs highwater.

Committed offsets come from the admin API (OffsetFetch). The highwater comes back in
a fetch response, so a throw-away consumer (no group) fetches one small record from
each partition at its committed offset — never ListOffsets, which some Kafka-wire
brokers (Tansu) answer wrongly while producers batch. Blocking (kafka-python): call
it from a thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.errors import BrokerResponseError
from wirewatch_shared import streams


class _DropCancelledRefresh(logging.Filter):
    """Closing the throw-away client cancels its metadata refresh; kafka-python logs that
    as an error although nothing failed."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Cancelled" not in record.getMessage()


logging.getLogger("kafka.cluster").addFilter(_DropCancelledRefresh())

GROUP_TOPICS: Mapping[str, str] = {
    streams.GROUP_CLASSIFY: streams.ITEMS,
    streams.GROUP_NOTIFY: streams.CLASSIFIED,
}
"""Each consumer group of the pipeline and the topic it consumes."""


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
