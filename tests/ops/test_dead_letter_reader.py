"""The dead-letter reader behind /status and `wirewatch status`, on the real embedded
broker: counts per source stream with the newest failure, at most ``per_partition`` of
the newest records of a partition attributed (the older ones counted as unread), a
record that is no dead-letter event counted apart, and no topic at all read as none."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from kafka import KafkaProducer
from wirewatch_shared import streams
from wirewatch_shared.deadletter import dead_letter
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.kafka_admin import ensure_streams

from wirewatch.ops.deadletters import UNREADABLE, DeadLetterSource, read_dead_letters

pytestmark = pytest.mark.integration

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as running:
        yield running


def _letter(source: str, group: str, minutes: int) -> bytes:
    letter = dead_letter(source, group, ValueError("bad record"), b"not json")
    return (
        letter.model_copy(update={"failed_at": T0 + timedelta(minutes=minutes)})
        .model_dump_json()
        .encode()
    )


def _produce(bootstrap: str, topic: str, bodies: list[bytes]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    try:
        for body in bodies:
            producer.send(topic, body, partition=0)
        producer.flush(timeout=20)
    finally:
        producer.close()


async def test_no_dead_letter_topic_reads_as_none(broker: EmbeddedBroker) -> None:
    view = await read_dead_letters(broker.bootstrap, topic="wirewatch.test-absent.v1")
    assert (view.sources, view.total, view.unread) == ([], 0, 0)


async def test_counts_per_source_and_the_newest_records_only(broker: EmbeddedBroker) -> None:
    topic = "wirewatch.test-dead-letter.v1"
    await ensure_streams(broker.bootstrap, [topic], partitions=2)
    items = [_letter(streams.ITEMS, streams.GROUP_CLASSIFY, m) for m in range(6)]
    classified = [
        _letter(streams.CLASSIFIED, streams.GROUP_NOTIFY, 10),
        _letter(streams.CLASSIFIED, streams.GROUP_STORIES, 7),
    ]
    _produce(broker.bootstrap, topic, [*items, *classified, b"garbage"])

    everything = await read_dead_letters(broker.bootstrap, topic=topic)
    assert everything.sources == [
        DeadLetterSource(UNREADABLE, 1, None),
        DeadLetterSource(
            streams.CLASSIFIED,
            2,
            T0 + timedelta(minutes=10),
            tuple(sorted((streams.GROUP_NOTIFY, streams.GROUP_STORIES))),
        ),
        DeadLetterSource(streams.ITEMS, 6, T0 + timedelta(minutes=5), (streams.GROUP_CLASSIFY,)),
    ]
    assert (everything.total, everything.unread) == (9, 0)

    # The newest four of partition 0 (offsets 5-8): the last item, the two classified
    # letters and the garbage; the five older items are counted, not attributed.
    newest = await read_dead_letters(broker.bootstrap, topic=topic, per_partition=4)
    assert (newest.total, newest.unread) == (9, 5)
    assert {s.source_topic: s.count for s in newest.sources} == {
        UNREADABLE: 1,
        streams.CLASSIFIED: 2,
        streams.ITEMS: 1,
    }
    assert not newest.complete
