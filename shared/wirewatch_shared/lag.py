"""Consumer lag per partition, read in the consumer itself: highwater − committed.

The highwater comes back with every fetch response, so it is exact for the broker
the consumer talks to. ListOffsets is never used: some Kafka-wire brokers (Tansu)
answer it wrongly while producers batch. Lag counts from the group's committed offset
(what `wirewatch status` counts from, too): the position runs a batch ahead of it, so a
batch fetched but retried for ever (its database down) read as lag 0. A group that has
not committed yet counts from 0 (it starts at the earliest offset); a consumer without a
group counts from its position.

:class:`LagCollector` holds the samples of the last :meth:`LagCollector.refresh`
and exposes them as ``wirewatch_consumer_lag_messages``; ``/metrics`` refreshes it
just before each scrape.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from faststream.kafka import KafkaBroker
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

NO_GROUP = "-"


@dataclass(frozen=True, slots=True)
class PartitionLag:
    service: str
    group: str
    topic: str
    partition: int
    highwater: int | None
    position: int | None
    committed: int | None = None

    @property
    def lag(self) -> int | None:
        done = self.position if self.group == NO_GROUP else self.committed
        if self.highwater is None or done is None:
            return None
        return max(0, self.highwater - done)


async def _position(consumer: object, tp: object, timeout_s: float) -> int | None:
    try:
        value = await asyncio.wait_for(consumer.position(tp), timeout_s)  # type: ignore[attr-defined]
    except Exception:  # unassigned meanwhile (rebalance), or no valid position yet
        return None
    return int(value) if value is not None else None


async def _committed(consumer: object, tp: object, timeout_s: float) -> int | None:
    """The group's committed offset (one OffsetFetch; aiokafka caches none); None when
    it could not be read (then the partition's lag is left out of this scrape)."""
    try:
        value = await asyncio.wait_for(consumer.committed(tp), timeout_s)  # type: ignore[attr-defined]
    except Exception:  # coordinator busy (rebalance) or unreachable: no figure this scrape
        return None
    # Never committed: the group starts from the earliest offset (auto_offset_reset), 0
    # as `wirewatch status` counts it.
    return int(value) if value is not None and value >= 0 else 0


async def _partition_lag(
    consumer: object, service: str, group: str, tp: Any, timeout_s: float
) -> PartitionLag | None:
    try:
        highwater = consumer.highwater(tp)  # type: ignore[attr-defined]
    except AssertionError:  # partition revoked meanwhile
        return None
    position = await _position(consumer, tp, timeout_s)
    committed = await _committed(consumer, tp, timeout_s) if group != NO_GROUP else None
    return PartitionLag(service, group, tp.topic, tp.partition, highwater, position, committed)


async def consumer_lag(
    broker: KafkaBroker, service: str, *, timeout_s: float = 0.5
) -> list[PartitionLag]:
    """Lag of every partition assigned to the consumers of ``broker`` (read concurrently)."""
    reads: list[Coroutine[Any, Any, PartitionLag | None]] = []
    for subscriber in broker.subscribers:
        consumer = getattr(subscriber, "consumer", None)
        if consumer is None:
            continue
        group = getattr(subscriber, "group_id", None) or NO_GROUP
        reads.extend(
            _partition_lag(consumer, service, group, tp, timeout_s)
            for tp in sorted(consumer.assignment())
        )
    return [sample for sample in await asyncio.gather(*reads) if sample is not None]


PARTITION_LABELS = ("service", "group", "topic", "partition")


def _partition_gauge(name: str, documentation: str) -> GaugeMetricFamily:
    """A gauge with one sample per consumer partition (the labels every lag gauge shares)."""
    return GaugeMetricFamily(name, documentation, labels=PARTITION_LABELS)


class LagCollector(Collector):
    """The last lag samples of one or more brokers, for Prometheus."""

    def __init__(self) -> None:
        self._brokers: list[tuple[str, KafkaBroker]] = []
        self._samples: Sequence[PartitionLag] = ()

    def watch(self, service: str, broker: KafkaBroker) -> None:
        self._brokers.append((service, broker))

    @property
    def samples(self) -> Sequence[PartitionLag]:
        return self._samples

    async def refresh(self) -> Sequence[PartitionLag]:
        fresh: list[PartitionLag] = []
        for service, broker in self._brokers:
            fresh.extend(await consumer_lag(broker, service))
        self._samples = tuple(fresh)  # one assignment: a concurrent scrape sees old or new
        return self._samples

    @staticmethod
    def _families() -> tuple[GaugeMetricFamily, ...]:
        lag = _partition_gauge(
            "wirewatch_consumer_lag_messages",
            "Messages not yet processed per partition (highwater - committed offset; "
            "- position for a consumer without a group).",
        )
        highwater = _partition_gauge(
            "wirewatch_consumer_highwater_offset",
            "Last highwater offset the consumer saw per partition.",
        )
        position = _partition_gauge(
            "wirewatch_consumer_position_offset",
            "Next offset the consumer will fetch per partition.",
        )
        committed = _partition_gauge(
            "wirewatch_consumer_committed_offset",
            "Offset the consumer group committed per partition (next record to process).",
        )
        return lag, highwater, position, committed

    def describe(self) -> Iterator[GaugeMetricFamily]:
        yield from self._families()

    def collect(self) -> Iterator[GaugeMetricFamily]:
        lag, highwater, position, committed = self._families()
        for s in self._samples:
            labels = [s.service, s.group, s.topic, str(s.partition)]
            for family, figure in (
                (lag, s.lag),
                (highwater, s.highwater),
                (position, s.position),
                (committed, s.committed),
            ):
                if figure is not None:
                    family.add_metric(labels, figure)
        yield from (lag, highwater, position, committed)
