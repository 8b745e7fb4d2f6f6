"""The classify service's output side: what happens when publishing a ClassifiedItem
fails, for good (a record over the size limit) or for a while (the broker away)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiokafka.errors import MessageSizeTooLargeError
from wirewatch_classify import batch, itemstore
from wirewatch_classify.app import ClassifyService
from wirewatch_classify.settings import ClassifySettings
from wirewatch_shared import producer, streams
from wirewatch_shared.events import DeadLetter, FeedItem
from wirewatch_shared.kafka_admin import ensure_streams, group_lag
from wirewatch_shared.producer import MAX_RECORD_BYTES, KeyedProducer

from tests.classify.support import feed_item
from tests.classify.test_app import body, classified, read_stream
from tests.support.poison import start_group_at_end, wait_for
from tests.support.streams import produce_together, read_stream_to_end
from wirewatch.ops.durable import DurableBroker, DurableModeUnavailable, weed_binary
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration


def padded(item_body: bytes, size: int) -> bytes:
    """The same FeedItem as JSON of ``size`` bytes (blanks before its closing brace): a
    valid item, and the service passes the body on as it came (encoding.assemble)."""
    return item_body[:-1] + b" " * (size - len(item_body)) + b"}"


async def test_an_item_whose_output_is_over_the_record_limit_is_dead_lettered_once(
    service: ClassifyService, kafka_bootstrap: str
) -> None:
    """Kafka refuses a record over ``message.max.bytes`` (1 MiB by default): the batch's
    publish failed, and the batch was read and published again, forever. Tansu takes it,
    so the service checks the size itself (as aiokafka's ``send`` does)."""
    run = uuid.uuid4().hex[:8]
    large = feed_item(f"large-{run}", "US resumes deportation flights to Venezuela")
    small = feed_item(f"small-{run}", "US resumes deportation flights to Venezuela")
    large_body = padded(body(large), MAX_RECORD_BYTES + 10)
    await service.handle_items([large_body, body(small)])

    by_id = await classified(kafka_bootstrap, {small.item_id})
    assert by_id[small.item_id][0].matches
    letters = await asyncio.to_thread(
        read_stream, kafka_bootstrap, streams.DEAD_LETTER, 1, lambda _k, v: run.encode() in v
    )
    letter = DeadLetter.model_validate_json(letters[0][1])
    assert "MessageSizeTooLarge" in letter.error and str(MAX_RECORD_BYTES) in letter.error
    assert letter.source_topic == streams.ITEMS
    assert large.item_id in letter.payload
    on_classified = await asyncio.to_thread(read_stream_to_end, kafka_bootstrap, streams.CLASSIFIED)
    assert not [r for r in on_classified if r.key == large.item_id.encode()]
    await service.flush_store()
    stored = itemstore.items_since(service.engine, datetime(2000, 1, 1, tzinfo=UTC))
    assert [r.item_id for r in stored] == [small.item_id]


def test_the_batch_limit_is_the_producers() -> None:
    assert batch.MAX_RECORD_BYTES == producer.MAX_RECORD_BYTES - producer.RECORD_OVERHEAD


async def test_the_producer_refuses_a_record_over_the_limit_before_sending_any(
    kafka_bootstrap: str,
) -> None:
    """``send_batch`` checks no size (aiokafka's ``send`` does): a record over the limit
    raises before anything is queued, rather than Kafka refusing its whole batch."""
    run = uuid.uuid4().hex[:8]
    keyed = KeyedProducer(ClassifySettings(kafka_bootstrap=kafka_bootstrap), client_suffix="t")
    await keyed.start()
    try:
        big, last = f"big-{run}".encode(), f"end-{run}".encode()  # 12 bytes each
        fits = b"x" * (producer.MAX_RECORD_BYTES - producer.RECORD_OVERHEAD - 2 * 12)
        with pytest.raises(MessageSizeTooLargeError, match="over the 1048576-byte record"):
            await keyed.send(
                streams.CLASSIFIED,
                [(f"a-{run}".encode(), b"{}"), (big, fits + b"x")],
            )
        await keyed.publish(streams.CLASSIFIED, [(last, fits)])
    finally:
        await keyed.stop()
    records = await asyncio.to_thread(read_stream_to_end, kafka_bootstrap, streams.CLASSIFIED)
    assert [r.key for r in records if run.encode() in (r.key or b"")] == [last]


def _retrying_service(
    bootstrap: str, tmp_path: Path, group: str = streams.GROUP_CLASSIFY
) -> ClassifyService:
    """A classify service on a database of its own, its batch retries 0.1 s apart at first;
    ``group``: a test's own on the session broker, where another test's classify may be in
    the default one."""
    settings = ClassifySettings(
        kafka_bootstrap=bootstrap,
        database_url=f"sqlite:///{tmp_path / 'c.db'}",
        log_level="WARNING",
        classify_consumer_group=group,
    )
    service = ClassifyService(settings)
    upgrade(service.engine)
    service.backoff.base_s = 0.1
    return service


async def _send_bad_then_good(bootstrap: str, run: str) -> tuple[bytes, list[FeedItem]]:
    """A record that is no item, then three good items, in one record batch on one
    partition (the consumer gets them as one batch); the bad record and the good items."""
    bad = f'{{"item_id": "bad-{run}"'.encode()
    good = [feed_item(f"good-{k}-{run}", "Deportation flight lands in Caracas") for k in range(3)]
    await asyncio.to_thread(
        produce_together,
        bootstrap,
        streams.ITEMS,
        [bad, *map(body, good)],
        key=b"output-retry",
        linger_ms=1000,
    )
    return bad, good


async def test_a_failing_publish_is_retried_with_backoff_and_dead_letters_go_once(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    """The output producer away (its broker connection lost): the batch is read again
    after a growing backoff, its bad record is not dead-lettered again on every try, and
    once the producer is back every good item is published and the batch committed. The
    batch used to be nacked and read again at once, its dead letter sent again each time
    (357 dead letters of one bad record, and as many tracebacks, in a 3 s outage)."""
    run = uuid.uuid4().hex[:8]
    await ensure_streams(kafka_bootstrap, [streams.ITEMS, streams.CLASSIFIED, streams.DEAD_LETTER])
    group = f"classify-test-{run}"
    start_group_at_end(kafka_bootstrap, group, streams.ITEMS)
    service = _retrying_service(kafka_bootstrap, tmp_path, group)
    app = service.build_app()
    await app.start()
    try:
        await service.producer.stop()
        bad, good = await _send_bad_then_good(kafka_bootstrap, run)
        await wait_for(lambda: service.backoff.failures >= 4)
        await service.producer.start()
        by_id = await classified(kafka_bootstrap, {item.item_id for item in good})
        await wait_for(lambda: service.backoff.failures == 0)  # the batch acked
    finally:
        await app.stop()
        service.engine.dispose()
    assert set(by_id) == {item.item_id for item in good}
    records = await asyncio.to_thread(read_stream_to_end, kafka_bootstrap, streams.DEAD_LETTER)
    letters = [DeadLetter.model_validate_json(r.value) for r in records if run.encode() in r.value]
    assert [letter.payload for letter in letters] == [bad.decode()]
    assert not [letter for letter in letters if "good-" in letter.payload]


async def test_a_broker_restart_during_the_retries_loses_nothing_and_letters_once(
    tmp_path: Path,
) -> None:
    """As above, and the broker itself (Tansu over its durable store) stops and starts
    again while the batch is being retried: once both are back, every good item is
    published, the batch committed, and its bad record was dead-lettered once."""
    try:
        weed_binary()
    except DurableModeUnavailable as exc:
        pytest.skip(str(exc))
    durable = await asyncio.to_thread(DurableBroker(tmp_path / "broker").start)
    try:
        bootstrap = durable.bootstrap
        await ensure_streams(bootstrap, partitions=1)
        service = _retrying_service(bootstrap, tmp_path)
        app = service.build_app()
        await app.start()
        try:
            await service.producer.stop()
            bad, good = await _send_bad_then_good(bootstrap, uuid.uuid4().hex[:8])
            await wait_for(lambda: service.backoff.failures >= 2, timeout=60)
            await asyncio.to_thread(durable.broker.stop)
            await asyncio.to_thread(durable.broker.start)  # the same port, the same store
            await service.producer.start()
            await wait_for(lambda: service.backoff.failures == 0, timeout=90)  # acked
            by_id = await classified(bootstrap, {item.item_id for item in good})
        finally:
            await app.stop()
            service.engine.dispose()
        records = await asyncio.to_thread(read_stream_to_end, bootstrap, streams.DEAD_LETTER)
        rows = await group_lag(bootstrap, {streams.GROUP_CLASSIFY: streams.ITEMS})
    finally:
        await asyncio.to_thread(durable.stop)
    assert set(by_id) == {item.item_id for item in good}
    assert [DeadLetter.model_validate_json(r.value).payload for r in records] == [bad.decode()]
    assert [(r.committed, r.highwater) for r in rows] == [(4, 4)]
