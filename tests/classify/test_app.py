"""The classify service's handlers on FastStream's in-memory test broker."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from faststream.kafka import TestKafkaBroker
from faststream.kafka.annotations import KafkaMessage
from sqlalchemy.engine import Engine
from wirewatch_classify import store, user_topics
from wirewatch_classify.app import ClassifyService, create_app
from wirewatch_classify.settings import ClassifySettings
from wirewatch_shared import streams
from wirewatch_shared.events import ClassifiedItem, DeadLetter, FeedItem


def feed_item(item_id: str, title: str, summary: str = "") -> FeedItem:
    now = datetime.now(UTC)
    return FeedItem(
        item_id=item_id,
        feed_id=1,
        feed_url="https://example.org/feed",
        title=title,
        summary=summary,
        published=now,
        fetched_at=now,
        language="en",
    )


@pytest.fixture
def service(tmp_path: Path) -> ClassifyService:
    settings = ClassifySettings(
        kafka_bootstrap="localhost:9092", database_url=f"sqlite:///{tmp_path / 'c.db'}"
    )
    svc = ClassifyService(settings)
    store.create_classify_tables(svc.engine)
    return svc


async def test_items_are_classified_published_keyed_and_stored(service: ClassifyService) -> None:
    received: list[tuple[ClassifiedItem, bytes | None]] = []
    dead: list[DeadLetter] = []

    @service.broker.subscriber(streams.CLASSIFIED)
    async def classified(body: ClassifiedItem, message: KafkaMessage) -> None:
        raw = message.raw_message
        assert not isinstance(raw, tuple)  # a single record, not a batch
        received.append((body, raw.key))

    @service.broker.subscriber(streams.DEAD_LETTER)
    async def dead_letter(body: DeadLetter) -> None:
        dead.append(body)

    async with TestKafkaBroker(service.broker) as broker:
        on_topic = feed_item("a", "US resumes deportation flights to Venezuela")
        off_topic = feed_item("b", "Local bakery wins national bread award")
        await broker.publish(on_topic.model_dump(mode="json"), streams.ITEMS, key=b"a")
        await broker.publish(off_topic.model_dump(mode="json"), streams.ITEMS, key=b"b")
        await broker.publish(b'{"item_id": "broken"', streams.ITEMS)
        await broker.publish({"item_id": "x", "feed_id": "nope"}, streams.ITEMS)

    by_id = {event.item.item_id: event for event, _ in received}
    assert {event.item.item_id.encode(): key for event, key in received} == {b"a": b"a", b"b": b"b"}
    assert set(by_id) == {"a", "b"}  # every item is published, matched or not
    match = by_id["a"].matches[0]
    assert match.topic == "repatriation-flights" and match.evidence
    assert by_id["a"].entities.countries == ("US", "VE")
    assert by_id["b"].matches == ()
    assert [d.payload for d in dead] == ['{"item_id": "broken"', '{"item_id":"x","feed_id":"nope"}']
    assert all(d.source_topic == streams.ITEMS for d in dead)
    assert dead[0].consumer_group == streams.GROUP_CLASSIFY
    await service.flush_store()  # the last batch's write runs beside the next batch
    stored = {
        r.item_id: r for r in store.items_since(service.engine, datetime(2000, 1, 1, tzinfo=UTC))
    }
    assert set(stored) == {"a", "b"}
    assert json.loads(stored["a"].matches_json)[0]["topic"] == "repatriation-flights"


async def test_control_event_adds_and_removes_a_user_topic(service: ClassifyService) -> None:
    definition = user_topics.validate("boats", phrases=["pateras"], reserved=[])
    async with TestKafkaBroker(service.broker) as broker:
        event = user_topics.definition_event("boats", definition)
        await broker.publish(event.model_dump(mode="json"), streams.TOPIC_DEFINITIONS, key=b"boats")
        assert "boats" in service.classifier.user_topics
        matches, _ = service.classifier.classify("Llegan tres pateras a Lampedusa", "")
        assert [m.topic for m in matches] == ["boats"]
        await broker.publish(b"garbage", streams.TOPIC_DEFINITIONS)  # ignored, not fatal
        gone = user_topics.definition_event("boats", None)
        await broker.publish(gone.model_dump(mode="json"), streams.TOPIC_DEFINITIONS)
        assert "boats" not in service.classifier.user_topics


async def test_table_changes_are_picked_up_by_reload(service: ClassifyService) -> None:
    assert await service.reload_user_topics() is True
    assert await service.reload_user_topics() is False  # unchanged table: no rebuild
    user_topics.create(service.engine, user_topics.validate("q", query="Lampedusa", reserved=[]))
    assert await service.reload_user_topics() is True
    assert "q" in service.classifier.user_topics


def test_create_app_builds_without_singletons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP", "localhost:9092")
    monkeypatch.setenv("WIREWATCH_DATABASE_URL", f"sqlite:///{tmp_path / 'c.db'}")
    first, second = create_app(), create_app()
    assert first is not second and first.broker is not second.broker


async def test_worker_processes_give_the_same_events(service: ClassifyService) -> None:
    """With a worker process, chunks are classified out of process (user topics too)."""
    from wirewatch_classify import workers

    received: dict[str, ClassifiedItem] = {}

    @service.broker.subscriber(streams.CLASSIFIED)
    async def classified(body: ClassifiedItem) -> None:
        received[body.item.item_id] = body

    service._pool = workers.WorkerPool(1, None)
    try:
        await asyncio.to_thread(service._pool.warm_up)
        async with TestKafkaBroker(service.broker) as broker:
            definition = user_topics.validate("boats", phrases=["pateras"], reserved=[])
            event = user_topics.definition_event("boats", definition)
            await broker.publish(event.model_dump(mode="json"), streams.TOPIC_DEFINITIONS)
            titles = [f"Deportation flight number {n} lands" for n in range(5)] + [
                "Llegan tres pateras a Lampedusa"
            ]
            for n, title in enumerate(titles):
                item = feed_item(f"w{n}", title)
                await broker.publish(item.model_dump(mode="json"), streams.ITEMS)
    finally:
        service._pool.close()
        service._pool = None
    assert set(received) == {f"w{n}" for n in range(6)}
    assert [m.topic for m in received["w0"].matches] == ["repatriation-flights"]
    assert [m.topic for m in received["w5"].matches] == ["boats"]
    local, _ = service.classifier.classify(titles[0], "")
    assert received["w0"].matches == local


async def test_item_store_failure_does_not_stop_the_pipeline(service: ClassifyService) -> None:
    from sqlalchemy import text

    with service.engine.begin() as conn:
        conn.execute(text("DROP TABLE classify_item"))
    received: list[ClassifiedItem] = []

    @service.broker.subscriber(streams.CLASSIFIED)
    async def classified(body: ClassifiedItem) -> None:
        received.append(body)

    async with TestKafkaBroker(service.broker) as broker:
        item = feed_item("s1", "Deportation flight lands in Haiti")
        await broker.publish(item.model_dump(mode="json"), streams.ITEMS)
    assert [e.item.item_id for e in received] == ["s1"]


async def test_a_batch_waits_for_the_previous_batchs_store_write(
    service: ClassifyService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's store write overlaps the next batch, never more: once batch 2 is
    handled, batch 1 is stored; batch 2's write is awaited by flush_store (shutdown)."""

    def stored() -> set[str]:
        since = datetime(2000, 1, 1, tzinfo=UTC)
        return {r.item_id for r in store.items_since(service.engine, since)}

    release = threading.Event()
    real_save = store.save_items

    def gated_save(engine: Engine, records: Sequence[store.ItemRecord]) -> None:
        if records[0].item_id == "two":  # runs in a worker thread: block it there
            assert release.wait(timeout=30)
        real_save(engine, records)

    monkeypatch.setattr(store, "save_items", gated_save)

    def body(item_id: str, title: str) -> bytes:
        return feed_item(item_id, title).model_dump_json().encode()

    async with TestKafkaBroker(service.broker):
        await service.handle_items([body("one", "Deportation flight lands in Haiti")])
        # Returns while its own write is still held (it would time out if it waited).
        await asyncio.wait_for(
            service.handle_items([body("two", "Bakery wins national bread award")]), timeout=10
        )
        assert stored() == {"one"}  # batch 2 returned only after batch 1's write ended
        release.set()
        await service.flush_store()
    assert stored() == {"one", "two"}
