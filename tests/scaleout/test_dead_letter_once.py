"""A poison record is dead-lettered once, however often its batch is retried.

A batch holds a record that cannot be decoded and a good one; the good one cannot be
stored for a while (the database's write lock is held), so the batch is retried with
backoff. Each retry used to send the poison record to the dead-letter topic again: an
outage of a few minutes turned one bad record into dozens of dead letters, which an
operator (and the ``WirewatchDeadLetters``-style alerting on the topic) then counts."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from wirewatch_shared import streams
from wirewatch_shared.events import DeadLetter
from wirewatch_stories.app import StoriesService
from wirewatch_stories.settings import StoriesSettings

from tests.notify.support import classified
from tests.stories.test_poison import _assigned
from tests.support.poison import impatient_engine, settings_at_end, wait_for, write_lock
from tests.support.streams import produce_together, read_stream_to_end
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = impatient_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def _letters(bootstrap: str, group: str) -> list[DeadLetter]:
    records = read_stream_to_end(bootstrap, streams.DEAD_LETTER)
    letters = [DeadLetter.model_validate_json(r.value or b"") for r in records]
    return [letter for letter in letters if letter.consumer_group == group]


async def test_a_poison_record_in_a_retried_batch_is_dead_lettered_once(
    kafka_bootstrap: str, database_url: str, engine: Engine
) -> None:
    settings = settings_at_end(
        StoriesSettings, "stories_consumer_group", kafka_bootstrap, database_url, "once"
    )
    group = settings.stories_consumer_group
    service: Any = StoriesService(settings, engine)
    service.guard.backoff.base_s = 0.05
    poison = f"not json {uuid.uuid4().hex}".encode()
    good = classified("repatriation-flights")
    app = service.build_app()
    await app.start()
    try:
        with write_lock(database_url, "stories_lock"):
            produce_together(
                kafka_bootstrap,
                streams.CLASSIFIED,
                [poison, good.model_dump_json().encode()],
                key=b"dead-letter-once",
                linger_ms=1000,
            )
            await wait_for(lambda: service.guard.backoff.failures >= 3)
        await wait_for(lambda: _assigned(engine, good.item.item_id))
        await wait_for(lambda: service.guard.backoff.failures == 0)  # acked
    finally:
        await app.stop()
    letters = _letters(kafka_bootstrap, group)
    assert [letter.payload for letter in letters] == [poison.decode()]
