"""Consumer lag per partition, as the consumer itself sees it: highwater − position.

The highwater comes back with every fetch response, so it is exact for the broker
the consumer talks to. ListOffsets is never used: some Kafka-wire brokers (Tansu)
answer it wrongly while producers batch.

:class:`LagCollector` holds the samples of the last :meth:`LagCollector.refresh`
and exposes them as ``wirewatch_consumer_lag_messages``; ``/metrics`` refreshes it
just before each scrape.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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

    @property
    def lag(self) -> int | None:
        if self.highwater is None or self.position is None:
            return None
        return max(0, self.highwater - self.position)


async def _position(consumer: object, tp: object, timeout_s: float) -> int | None:
    try:
        value = await asyncio.wait_for(consumer.position(tp), timeout_s)  # type: ignore[attr-defined]
    except Exception:  # unassigned meanwhile (rebalance), or no valid position yet
        return None
    return int(value) if value is not None else None


async def consumer_lag(
    broker: KafkaBroker, service: str, *, timeout_s: float = 0.2
) -> list[PartitionLag]:
    """Lag of every partition assigned to the consumers of ``broker``."""
    samples: list[PartitionLag] = []
    for subscriber in broker.subscribers:
        consumer = getattr(subscriber, "consumer", None)
        if consumer is None:
            continue
        group = getattr(subscriber, "group_id", None) or NO_GROUP
        for tp in sorted(consumer.assignment()):
            try:
                highwater = consumer.highwater(tp)
            except AssertionError:  # partition revoked between the two calls
                continue
            position = await _position(consumer, tp, timeout_s)
            samples.append(
                PartitionLag(service, group, tp.topic, tp.partition, highwater, position)
            )
    return samples


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
    def _families() -> tuple[GaugeMetricFamily, GaugeMetricFamily, GaugeMetricFamily]:
        lag = GaugeMetricFamily(
            "wirewatch_consumer_lag_messages",
            "Messages not yet fetched per partition (highwater - position of the consumer).",
            labels=["service", "group", "topic", "partition"],
        )
        highwater = GaugeMetricFamily(
            "wirewatch_consumer_highwater_offset",
            "Last highwater offset the consumer saw per partition.",
            labels=["service", "group", "topic", "partition"],
        )
        position = GaugeMetricFamily(
            "wirewatch_consumer_position_offset",
            "Next offset the consumer will fetch per partition.",
            labels=["service", "group", "topic", "partition"],
        )
        return lag, highwater, position

    def describe(self) -> Iterator[GaugeMetricFamily]:
        yield from self._families()

    def collect(self) -> Iterator[GaugeMetricFamily]:
        lag, highwater, position = self._families()
        for s in self._samples:
            labels = [s.service, s.group, s.topic, str(s.partition)]
            if s.lag is not None:
                lag.add_metric(labels, s.lag)
            if s.highwater is not None:
                highwater.add_metric(labels, s.highwater)
            if s.position is not None:
                position.add_metric(labels, s.position)
        yield lag
        yield highwater
        yield position
