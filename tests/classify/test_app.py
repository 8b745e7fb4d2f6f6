"""The classify service's handlers, run as production runs them: items handed to
``handle_items`` (what the batch subscriber does), classified items published by the
service's own producer to the real (Tansu) broker and read back from it."""

from __future__ import annotations

import asyncio
import gc
import json
import threading
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from wirewatch_classify import batch, itemstore, user_topics
from wirewatch_classify.app import ClassifyService, create_app
from wirewatch_shared import streams
from wirewatch_shared.events import ClassifiedItem, DeadLetter, FeedItem

from tests.classify.support import feed_item
from tests.support.streams import read_from_start

pytestmark = pytest.mark.integration


def body(item: FeedItem) -> bytes:
    return item.model_dump_json().encode()


def read_stream(
    bootstrap: str, stream: str, wanted: int, keep: object, timeout: float = 30.0
) -> list[tuple[bytes | None, bytes]]:
    """Read ``stream`` from the start until ``wanted`` records pass ``keep(key, value)``."""
    _, records = read_from_start(
        bootstrap,
        stream,
        lambda kept: len(kept) >= wanted,
        lambda r: keep(r.key, r.value),  # type: ignore[operator]
        timeout,
    )
    return [(r.key, r.value) for r in records]


async def classified(bootstrap: str, ids: set[str]) -> dict[str, tuple[ClassifiedItem, bytes]]:
    """The ClassifiedItems published for ``ids``, with their record keys."""
    keys = {i.encode() for i in ids}
    records = await asyncio.to_thread(
        read_stream, bootstrap, streams.CLASSIFIED, len(ids), lambda k, _v: k in keys
    )
    out: dict[str, tuple[ClassifiedItem, bytes]] = {}
    for key, value in records:
        event = ClassifiedItem.model_validate_json(value)
        assert key is not None
        out[event.item.item_id] = (event, key)
    return out


async def test_items_are_classified_published_keyed_and_stored(
    service: ClassifyService, kafka_bootstrap: str
) -> None:
    run = uuid.uuid4().hex[:8]
    on_topic = feed_item(f"a-{run}", "US resumes deportation flights to Venezuela")
    off_topic = feed_item(f"b-{run}", "Local bakery wins national bread award")
    broken = f'{{"item_id": "broken-{run}"'.encode()
    invalid = json.dumps({"item_id": f"x-{run}", "feed_id": "nope"}).encode()
    await service.handle_items([body(on_topic), body(off_topic), broken, invalid])

    by_id = await classified(kafka_bootstrap, {on_topic.item_id, off_topic.item_id})
    assert {key for _, key in by_id.values()} == {i.encode() for i in by_id}  # keyed by id
    match = by_id[on_topic.item_id][0].matches[0]
    assert match.topic == "repatriation-flights" and match.evidence
    assert by_id[on_topic.item_id][0].entities.countries == ("US", "VE")
    assert by_id[off_topic.item_id][0].matches == ()  # every item is published
    letters = await asyncio.to_thread(
        read_stream,
        kafka_bootstrap,
        streams.DEAD_LETTER,
        2,
        lambda _k, v: run.encode() in v,
    )
    dead = [DeadLetter.model_validate_json(v) for _, v in letters]
    assert sorted(d.payload for d in dead) == sorted([broken.decode(), invalid.decode()])
    assert all(d.source_topic == streams.ITEMS for d in dead)
    assert all(d.consumer_group == streams.GROUP_CLASSIFY for d in dead)
    await service.flush_store()  # the last batch's write runs beside the next batch
    stored = {
        r.item_id: r
        for r in itemstore.items_since(service.engine, datetime(2000, 1, 1, tzinfo=UTC))
    }
    assert set(stored) == {on_topic.item_id, off_topic.item_id}
    assert json.loads(stored[on_topic.item_id].matches_json)[0]["topic"] == "repatriation-flights"


async def test_control_event_adds_and_removes_a_user_topic(service: ClassifyService) -> None:
    definition = user_topics.validate("boats", phrases=["pateras"], reserved=[])
    event = user_topics.definition_event("boats", definition)
    await service.handle_definition(event.model_dump_json().encode())
    assert "boats" in service.classifier.user_topics
    matches, _ = service.classifier.classify("Llegan tres pateras a Lampedusa", "")
    assert [m.topic for m in matches] == ["boats"]
    await service.handle_definition(b"garbage")  # ignored, not fatal
    gone = user_topics.definition_event("boats", None)
    await service.handle_definition(gone.model_dump_json().encode())
    assert "boats" not in service.classifier.user_topics


async def test_table_changes_are_picked_up_by_reload(service: ClassifyService) -> None:
    assert await service.reload_user_topics() is True
    assert await service.reload_user_topics() is False  # unchanged table: no rebuild
    user_topics.create(service.engine, user_topics.validate("q", query="Lampedusa", reserved=[]))
    assert await service.reload_user_topics() is True
    assert "q" in service.classifier.user_topics


async def test_a_built_classifier_is_kept_out_of_the_collector(service: ClassifyService) -> None:
    """Each (re)built classifier is frozen (``gc.freeze``) so full collections stop
    walking it; its ~170,000 containers are far more than a test's own objects."""
    gc.unfreeze()
    try:
        assert await service.reload_user_topics() is True
        assert gc.get_freeze_count() > 100_000
        assert gc.get_threshold()[0] >= 10_000
        matches, _ = service.classifier.classify("Deportation flight lands in Guatemala", "")
        assert matches
    finally:
        gc.unfreeze()


def test_create_app_builds_without_singletons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP", "localhost:9092")
    monkeypatch.setenv("WIREWATCH_DATABASE_URL", f"sqlite:///{tmp_path / 'c.db'}")
    first, second = create_app(), create_app()
    assert first is not second and first.broker is not second.broker


async def test_worker_processes_give_the_same_events(
    service: ClassifyService, kafka_bootstrap: str
) -> None:
    """With a worker process, chunks are classified out of process (user topics too)."""
    from wirewatch_classify import workers

    run = uuid.uuid4().hex[:8]
    service.chunks.pool = workers.WorkerPool(1, None)
    try:
        await asyncio.to_thread(service.chunks.pool.warm_up)
        definition = user_topics.validate("boats", phrases=["pateras"], reserved=[])
        event = user_topics.definition_event("boats", definition)
        await service.handle_definition(event.model_dump_json().encode())
        titles = [f"Deportation flight number {n} lands" for n in range(5)] + [
            "Llegan tres pateras a Lampedusa"
        ]
        items = [feed_item(f"w{n}-{run}", title) for n, title in enumerate(titles)]
        await service.handle_items([body(i) for i in items])
    finally:
        service.chunks.pool.close()
        service.chunks.pool = None
    received = await classified(kafka_bootstrap, {i.item_id for i in items})
    assert [m.topic for m in received[items[0].item_id][0].matches] == ["repatriation-flights"]
    assert [m.topic for m in received[items[5].item_id][0].matches] == ["boats"]
    local, _ = service.classifier.classify(titles[0], "")
    assert received[items[0].item_id][0].matches == local


async def test_item_store_failure_does_not_stop_the_pipeline(
    service: ClassifyService, kafka_bootstrap: str
) -> None:
    from sqlalchemy import text

    with service.engine.begin() as conn:
        conn.execute(text("DROP TABLE classify_item"))
    item = feed_item(f"s1-{uuid.uuid4().hex[:8]}", "Deportation flight lands in Haiti")
    await service.handle_items([body(item)])
    assert set(await classified(kafka_bootstrap, {item.item_id})) == {item.item_id}


async def test_a_batch_waits_for_the_previous_batchs_store_write(
    service: ClassifyService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's store write overlaps the next batch, never more: once batch 2 is
    handled, batch 1 is stored; batch 2's write is awaited by flush_store (shutdown)."""

    def stored() -> set[str]:
        since = datetime(2000, 1, 1, tzinfo=UTC)
        return {r.item_id for r in itemstore.items_since(service.engine, since)}

    release = threading.Event()
    real_save = itemstore.save_items

    def gated_save(engine: Engine, records: Sequence[batch.ItemRecord]) -> None:
        if records[0].item_id == "two":  # runs in a worker thread: block it there
            assert release.wait(timeout=30)
        real_save(engine, records)

    monkeypatch.setattr(itemstore, "save_items", gated_save)

    await service.handle_items([body(feed_item("one", "Deportation flight lands in Haiti"))])
    # Returns while its own write is still held (it would time out if it waited).
    await asyncio.wait_for(
        service.handle_items([body(feed_item("two", "Bakery wins national bread award"))]),
        timeout=10,
    )
    assert stored() == {"one"}  # batch 2 returned only after batch 1's write ended
    release.set()
    await service.flush_store()
    assert stored() == {"one", "two"}


async def test_the_heap_is_trimmed_once_batches_pause_not_between_them(
    service: ClassifyService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backlog's batches follow each other: trimming after each one handed the freed
    pages back only for the next batch to fault them in again. The heap is trimmed
    once no batch has started for TRIM_IDLE_S after a large one, and at shutdown."""
    from wirewatch_shared import memory

    trims: list[float] = []
    monkeypatch.setattr(memory, "trim", lambda: trims.append(time.monotonic()))
    service.idle_trims[0].idle_s = 2.0
    run = uuid.uuid4().hex[:8]
    for n in range(3):  # back to back, each large enough to trim after (memory.TRIM_AFTER)
        await service.handle_items(
            [body(feed_item(f"t{n}-{k}-{run}", f"Bakery {k} wins an award")) for k in range(25)]
        )
    last_batch = time.monotonic()
    assert trims == []  # not between the batches of a backlog
    deadline = time.monotonic() + 20
    while not trims:
        assert time.monotonic() < deadline, "the heap was never trimmed after the burst"
        await asyncio.sleep(0.02)
    assert len(trims) == 1 and trims[0] - last_batch >= 1.0  # 2 s after the last start
    # A small batch after a large one postpones the trim the large one owes, never drops it.
    await service.handle_items(
        [body(feed_item(f"t8-{k}-{run}", f"Bakery {k} wins an award")) for k in range(25)]
    )
    await service.handle_items([body(feed_item(f"small-{run}", "Bakery wins"))])
    assert len(trims) == 1
    while len(trims) < 2:
        assert time.monotonic() < deadline + 10, "the trim owed was dropped by a small batch"
        await asyncio.sleep(0.02)
    await service.handle_items(
        [body(feed_item(f"t9-{k}-{run}", f"Bakery {k} wins an award")) for k in range(25)]
    )
    await service.after_shutdown()  # no batch comes any more: the owed trim runs now
    assert len(trims) == 3


async def test_a_worker_process_that_dies_does_not_stop_the_service(
    service: ClassifyService, kafka_bootstrap: str
) -> None:
    """A classify worker killed under the service (the kernel's OOM killer, an operator's
    kill) broke the process pool for good: every batch after it failed and was read
    again, forever, until the service was restarted. The batch in hand is classified
    in the service process, a new pool takes over for the next ones."""
    import os
    import signal

    from wirewatch_classify import workers

    service.chunks.pool = workers.WorkerPool(1, None)
    run = uuid.uuid4().hex[:8]
    try:
        await asyncio.to_thread(service.chunks.pool.warm_up)
        [pid] = await asyncio.to_thread(lambda: list(service.chunks.pool._executor._processes))  # type: ignore[union-attr]
        os.kill(pid, signal.SIGKILL)
        titles = ["Deportation flight lands in Guatemala", "Bakery wins national bread award"]
        first = [feed_item(f"k{n}-{run}", title) for n, title in enumerate(titles)]
        await asyncio.wait_for(service.handle_items([body(i) for i in first]), timeout=60)
        second = [feed_item(f"k{n + 2}-{run}", title) for n, title in enumerate(titles)]
        await asyncio.wait_for(service.handle_items([body(i) for i in second]), timeout=60)
        assert (
            service.chunks.pool is not None and pid not in service.chunks.pool._executor._processes
        )
    finally:
        if service.chunks.pool is not None:
            service.chunks.pool.close()
            service.chunks.pool = None
    received = await classified(kafka_bootstrap, {i.item_id for i in first + second})
    for item in first + second:
        local, _ = service.classifier.classify(item.title, "")
        assert received[item.item_id][0].matches == local
