"""Test helpers over the real broker: write records under one key, read a whole stream,
wait on a moving count."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord


def produce_together(
    bootstrap: str, topic: str, bodies: Iterable[bytes], *, key: bytes, **options: Any
) -> None:
    """``bodies`` in order under one ``key`` (so on one partition), flushed before the
    return; ``options`` go to the producer (``linger_ms=1000``: one record batch, which the
    consumer gets as one batch)."""
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", **options)
    try:
        for body in bodies:
            producer.send(topic, body, key=key)
        producer.flush(timeout=20)
    finally:
        producer.close()


def read_stream_to_end(bootstrap: str, topic: str, timeout_s: float = 30.0) -> list[ConsumerRecord]:
    """Every record of ``topic`` up to its end offsets at the call, read without a consumer
    group: for a stream nothing writes to any more (no idle wait at the end)."""
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, consumer_timeout_ms=500
    )
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        ends = consumer.end_offsets(parts)
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        records: list[ConsumerRecord] = []
        deadline = time.monotonic() + timeout_s
        while any(consumer.position(tp) < end for tp, end in ends.items()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{topic}: read {len(records)} records, not up to {ends}")
            for batch in consumer.poll(timeout_ms=200).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()


def read_from_start(
    bootstrap: str,
    topic: str,
    done: Callable[[list[ConsumerRecord]], bool],
    keep: Callable[[ConsumerRecord], bool] = lambda _record: True,
    timeout_s: float = 30.0,
) -> tuple[int, list[ConsumerRecord]]:
    """The partition count of ``topic`` and the records ``keep`` accepts, read from the
    start without a consumer group until ``done(kept)``: for a stream still being written."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        records: list[ConsumerRecord] = []
        deadline = time.monotonic() + timeout_s
        while not done(records):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out on {topic}: {len(records)} records kept")
            for batch in consumer.poll(timeout_ms=200).values():
                records.extend(r for r in batch if keep(r))
        return len(parts), records
    finally:
        consumer.close()


def wait_for_progress(count: Callable[[], int], target: int, stall_s: float, what: str) -> None:
    """Wait until ``count()`` reaches ``target``; fail only when it stops moving.

    A fixed deadline made the kill -9 tests flaky on a loaded 2-core machine: progress
    was slow but steady. A real hang still fails, after ``stall_s`` without progress.
    """
    last, moved = count(), time.monotonic()
    while last < target:
        time.sleep(0.01)
        now = count()
        if now != last:
            last, moved = now, time.monotonic()
        elif time.monotonic() - moved > stall_s:
            raise AssertionError(
                f"no progress for {stall_s:.0f} s waiting for {what} (at {last} of {target})"
            )
