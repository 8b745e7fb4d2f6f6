"""The classify service over the real broker (Tansu): items in, classified items out,
undecodable items to the dead-letter topic, user topics picked up live."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest
from kafka import KafkaProducer
from wirewatch_classify import user_topics
from wirewatch_classify.app import ClassifyService
from wirewatch_classify.settings import ClassifySettings
from wirewatch_shared import streams
from wirewatch_shared.events import ClassifiedItem, DeadLetter, FeedItem
from wirewatch_shared.kafka_admin import ensure_streams

from tests.classify.support import feed_item
from tests.support.streams import read_from_start
from tests.support.wait import wait_until
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration


def _item(title: str, summary: str = "") -> FeedItem:
    """An item of its own id (the broker is the session's)."""
    return feed_item(f"it-{uuid.uuid4().hex}", title, summary)


def produce(bootstrap: str, records: Sequence[tuple[bytes | None, bytes]]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    try:
        for key, value in records:
            producer.send(streams.ITEMS, key=key, value=value)
        producer.flush(timeout=20)
    finally:
        producer.close()


def collect(
    bootstrap: str,
    topic: str,
    done: Callable[[list[tuple[bytes | None, bytes]]], bool],
    timeout: float = 30.0,
) -> list[tuple[bytes | None, bytes]]:
    """Read ``topic`` from the start (no group) until ``done(records)`` or the timeout."""
    _, records = read_from_start(
        bootstrap, topic, lambda kept: done([(r.key, r.value) for r in kept]), timeout_s=timeout
    )
    return [(r.key, r.value) for r in records]


@pytest.fixture
async def service(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[ClassifyService]:
    settings = ClassifySettings(
        kafka_bootstrap=kafka_bootstrap,
        database_url=f"sqlite:///{tmp_path / 'classify.db'}",
        classify_user_topics_poll_s=0.3,
    )
    svc = ClassifyService(settings)
    upgrade(svc.engine)
    app = svc.build_app()
    await app.start()
    try:
        yield svc
    finally:
        await app.stop()
        svc.engine.dispose()


async def test_items_in_classified_items_out(
    service: ClassifyService, kafka_bootstrap: str
) -> None:
    flight = _item(
        "Mexico and Venezuela agree to resume deportation flights",
        "The first charter flight carrying Venezuelan deportees lands in Caracas next week.",
    )
    policy = _item("New asylum rules take effect as Title 42 border policy ends")
    bakery = _item("Local bakery wins national bread award")
    broken = f"not json {uuid.uuid4().hex}".encode()
    await asyncio.to_thread(
        produce,
        kafka_bootstrap,
        [(i.item_id.encode(), i.model_dump_json().encode()) for i in (flight, policy, bakery)]
        + [(None, broken)],
    )
    wanted = {flight.item_id, policy.item_id, bakery.item_id}

    def classified(
        records: list[tuple[bytes | None, bytes]],
    ) -> dict[str, tuple[bytes | None, ClassifiedItem]]:
        # The topic is shared by the session's tests (some put poison records on it on
        # purpose): only this test's records, by key, are read.
        out: dict[str, tuple[bytes | None, ClassifiedItem]] = {}
        for key, value in records:
            if key is not None and key.decode() in wanted:
                event = ClassifiedItem.model_validate_json(value)
                out[event.item.item_id] = (key, event)
        return out

    records = await asyncio.to_thread(
        collect, kafka_bootstrap, streams.CLASSIFIED, lambda r: set(classified(r)) == wanted
    )
    got = classified(records)
    assert all(key == item_id.encode() for item_id, (key, _) in got.items())
    flight_event = got[flight.item_id][1]
    # Two governments agreeing on deportation flights: both topics (docs/classify.md,
    # "Labelling convention").
    by_topic = {m.topic: m for m in flight_event.matches}
    assert set(by_topic) == {"repatriation-flights", "border-policy"}
    evidence = by_topic["repatriation-flights"].evidence
    assert any(e.phrase == "deportation flights" and e.field == "title" for e in evidence)
    assert flight_event.entities.countries == ("MX", "VE")
    assert "border-policy" in {m.topic for m in got[policy.item_id][1].matches}
    assert got[bakery.item_id][1].matches == ()

    letters = await asyncio.to_thread(
        collect,
        kafka_bootstrap,
        streams.DEAD_LETTER,
        lambda r: any(DeadLetter.model_validate_json(v).payload == broken.decode() for _, v in r),
    )
    assert letters


async def test_user_topics_are_picked_up_live(
    service: ClassifyService, kafka_bootstrap: str
) -> None:
    name_event, name_table = f"ev-{uuid.uuid4().hex[:8]}", f"db-{uuid.uuid4().hex[:8]}"
    # 1) Announced on the control topic only (not in this service's table): the control
    #    topic is the only way it can arrive.
    by_event = user_topics.validate(name_event, query='"small boats" NEAR/4 Channel', reserved=[])
    await asyncio.to_thread(
        user_topics.announce, kafka_bootstrap, user_topics.definition_event(name_event, by_event)
    )
    # 2) Stored through the service layer with no broker: the table poll picks it up.
    by_table = user_topics.validate(name_table, phrases=["pateras"], reserved=[])
    await asyncio.to_thread(user_topics.create, service.engine, by_table)
    await wait_until(lambda: {name_event, name_table} <= set(service.classifier.user_topics))

    item = _item("Record number of small boats cross the Channel", "Also three pateras.")
    await asyncio.to_thread(
        produce, kafka_bootstrap, [(item.item_id.encode(), item.model_dump_json().encode())]
    )

    def mine(records: list[tuple[bytes | None, bytes]]) -> list[ClassifiedItem]:
        own_key = item.item_id.encode()  # the shared topic's other records are not read
        events = (ClassifiedItem.model_validate_json(v) for k, v in records if k == own_key)
        return [e for e in events if e.item.item_id == item.item_id]

    records = await asyncio.to_thread(
        collect, kafka_bootstrap, streams.CLASSIFIED, lambda r: bool(mine(r))
    )
    matches = {m.topic: m for m in mine(records)[0].matches}
    assert {name_event, name_table} <= set(matches)
    assert [e.phrase for e in matches[name_table].evidence] == ["pateras"]
    assert {e.phrase for e in matches[name_event].evidence} == {"small boats", "Channel"}

    # Deleting from the table removes it again without a restart.
    await asyncio.to_thread(user_topics.delete, service.engine, name_table)
    await wait_until(lambda: name_table not in service.classifier.user_topics)


async def test_output_is_keyed_partitioned_and_correlated(
    service: ClassifyService, kafka_bootstrap: str
) -> None:
    """Records are grouped per partition when published: each still lands in the
    partition its key hashes to (as any Kafka producer would put it), with the JSON
    content type and the item id as correlation id."""
    from aiokafka.partitioner import murmur2

    items = [_item(f"Deportation flight {n} lands in Guatemala") for n in range(120)]
    records_in = [(i.item_id.encode(), i.model_dump_json().encode()) for i in items]
    await asyncio.to_thread(produce, kafka_bootstrap, records_in)
    wanted = {i.item_id.encode() for i in items}

    def read() -> tuple[int, list[tuple[int, bytes | None, dict[str, bytes], bytes]]]:
        count, kept = read_from_start(
            kafka_bootstrap,
            streams.CLASSIFIED,
            lambda rs: {r.key for r in rs} == wanted,
            lambda r: r.key in wanted,
        )
        return count, [(r.partition, r.key, dict(r.headers), r.value) for r in kept]

    count, records = await asyncio.to_thread(read)
    assert len({p for p, _, _, _ in records}) > 1  # really spread over partitions
    for partition, key, headers, value in records:
        assert key is not None
        assert partition == (murmur2(key) & 0x7FFFFFFF) % count
        assert headers["correlation_id"] == key
        assert headers["content-type"] == b"application/json"
        event = ClassifiedItem.model_validate_json(value)
        assert event.item.item_id.encode() == key
        assert [m.topic for m in event.matches] == ["repatriation-flights"]


async def test_send_keyed_splits_batches_that_outgrow_the_batch_size(kafka_bootstrap: str) -> None:
    from aiokafka import AIOKafkaProducer
    from wirewatch_shared.producer import send_keyed

    topic = f"test.send-keyed.{uuid.uuid4().hex[:8]}"
    await ensure_streams(kafka_bootstrap, [topic])
    producer = AIOKafkaProducer(
        bootstrap_servers=kafka_bootstrap, acks="all", enable_idempotence=False, max_batch_size=2000
    )
    await producer.start()
    try:
        sent = [(f"k{n}".encode(), b"x" * 500 + str(n).encode()) for n in range(30)]
        futures = await send_keyed(producer, topic, sent)
        assert len(futures) > 3  # ~3 records per 2,000-byte batch: several batches
        await asyncio.gather(*futures)
    finally:
        await producer.stop()

    def read() -> list[tuple[bytes | None, bytes]]:
        _, kept = read_from_start(kafka_bootstrap, topic, lambda rs: len(rs) >= len(sent))
        return [(r.key, r.value) for r in kept]

    assert sorted(await asyncio.to_thread(read)) == sorted(sent)
