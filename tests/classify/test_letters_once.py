"""Classify's dead letters are remembered by record (topic, partition, offset), as every
consumer's (``wirewatch_shared.lettered``): two bad records with the same body in one
batch are two dead letters, each sent once however often the batch is read again, and
the memory is empty once the batch is acked."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from wirewatch_shared import streams
from wirewatch_shared.events import DeadLetter
from wirewatch_shared.kafka_admin import ensure_streams

from tests.classify.support import feed_item
from tests.classify.test_app import body, classified
from tests.classify.test_service_output import _retrying_service
from tests.support.poison import start_group_at_end, wait_for
from tests.support.streams import produce_together, read_stream_to_end

pytestmark = pytest.mark.integration


async def test_two_bad_records_with_one_body_are_two_letters_each_sent_once(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    run = uuid.uuid4().hex[:8]
    await ensure_streams(kafka_bootstrap, [streams.ITEMS, streams.CLASSIFIED, streams.DEAD_LETTER])
    group = f"classify-test-{run}"  # the default group may hold another test's classify
    start_group_at_end(kafka_bootstrap, group, streams.ITEMS)
    service = _retrying_service(kafka_bootstrap, tmp_path, group)
    bad = f'{{"item_id": "twice-{run}"'.encode()
    good = feed_item(f"good-{run}", "Deportation flight lands in Caracas")
    app = service.build_app()
    await app.start()
    try:
        await service.producer.stop()  # the batch fails (its output), its letters go out
        await asyncio.to_thread(
            produce_together,
            kafka_bootstrap,
            streams.ITEMS,
            [bad, body(good), bad],
            key=b"letters-once",
            linger_ms=1000,
        )
        await wait_for(lambda: service.backoff.failures >= 3)
        assert len(service.letters.lettered) == 2  # by offset: one body, two records
        await service.producer.start()
        await classified(kafka_bootstrap, {good.item_id})
        await wait_for(lambda: service.backoff.failures == 0)  # the batch acked
        assert len(service.letters.lettered) == 0
    finally:
        await app.stop()
        service.engine.dispose()
    records = await asyncio.to_thread(read_stream_to_end, kafka_bootstrap, streams.DEAD_LETTER)
    letters = [DeadLetter.model_validate_json(r.value) for r in records if run.encode() in r.value]
    assert [letter.payload for letter in letters] == [bad.decode()] * 2
