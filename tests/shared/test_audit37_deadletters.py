"""A record that cannot be decoded is dead-lettered once, however often its batch is
retried, on SQLite and PostgreSQL over the real broker.

The guard dead-lettered while decoding, before handling the rest of the batch: when the
rest then failed transiently (the database locked, or down), the batch was read again and
the same record dead-lettered again on every retry (one copy per retry on the dead-letter
stream for as long as the outage lasted)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy.engine import Engine
from sqlmodel import select
from wirewatch_shared import streams
from wirewatch_shared.db import session_scope
from wirewatch_stories.app import StoriesService
from wirewatch_stories.models import StoryItem
from wirewatch_stories.settings import StoriesSettings

from tests.notify.support import classified
from tests.support.poison import (
    dead_letters,
    impatient_engine,
    start_group_at_end,
    wait_for,
    write_lock,
)
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration


def _assigned(engine: Engine, item_id: str) -> bool:
    with session_scope(engine) as session:
        stmt = select(StoryItem).where(StoryItem.item_id == item_id)
        return session.exec(stmt).first() is not None


@pytest.fixture
def service(database_url: str, kafka_bootstrap: str) -> Iterator[StoriesService]:
    group = f"stories-dead-once-{uuid.uuid4().hex[:8]}"
    settings = StoriesSettings(
        kafka_bootstrap=kafka_bootstrap,
        database_url=database_url,
        log_level="WARNING",
        stories_consumer_group=group,
    )
    engine = impatient_engine(database_url)
    upgrade(engine)
    start_group_at_end(kafka_bootstrap, group, streams.CLASSIFIED)
    yield StoriesService(settings, engine)
    engine.dispose()


async def test_a_poison_record_is_dead_lettered_once_while_its_batch_is_retried(
    service: StoriesService, database_url: str
) -> None:
    good = classified("repatriation-flights")
    poison = b'{"not": "a classified item"} ' + uuid.uuid4().hex.encode()
    bootstrap = service.settings.kafka_bootstrap
    assert bootstrap is not None
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:  # one partition, one batch: the poison record first, then a good one
        await producer.send_and_wait(streams.CLASSIFIED, poison, key=b"dead-once")
        await producer.send_and_wait(
            streams.CLASSIFIED, good.model_dump_json().encode(), key=b"dead-once"
        )
    finally:
        await producer.stop()
    service.guard.backoff.base_s = 0.05
    app = service.build_app()
    with write_lock(database_url, "stories_lock"):
        await app.start()
        try:
            await wait_for(lambda: service.guard.backoff.failures >= 3)
        except BaseException:
            await app.stop()
            raise
    try:
        await wait_for(lambda: _assigned(service.engine, good.item.item_id))
        await wait_for(lambda: service.guard.backoff.failures == 0)  # acked
    finally:
        await app.stop()
    assert service.guard.dead_letters.sent == 1
    (letter,) = await dead_letters(bootstrap, service.settings.stories_consumer_group, 1)
    assert letter.payload == poison.decode()
