"""Records that cannot be stored never jam the stories stage.

Over the real broker, on SQLite and PostgreSQL: a record over an event bound is refused
at decoding, a record the database refuses (PostgreSQL cannot store a NUL character as
text) is isolated from its batch; both go to the dead-letter topic and the next record of
the same partition is assigned. A held lock (a transient error) is retried, one log line
per retry and the traceback once, until the record goes through.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select
from wirewatch_shared.db import session_scope
from wirewatch_stories.app import StoriesService
from wirewatch_stories.models import StoryItem
from wirewatch_stories.settings import StoriesSettings

from tests.support.poison import (
    assert_one_line_per_retry,
    impatient_engine,
    poison_then_good,
    retried_while_locked,
)
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration
TOPIC = "repatriation-flights"


@pytest.fixture
def service(database_url: str, kafka_bootstrap: str) -> Iterator[StoriesService]:
    settings = StoriesSettings(
        kafka_bootstrap=kafka_bootstrap,
        database_url=database_url,
        stories_consumer_group=f"stories-poison-{uuid.uuid4().hex[:8]}",
        log_level="WARNING",
    )
    engine = impatient_engine(database_url)
    upgrade(engine)
    yield StoriesService(settings, engine)
    engine.dispose()


def _assigned(engine: Engine, item_id: str) -> bool:
    with session_scope(engine) as session:
        return (
            session.exec(select(StoryItem).where(StoryItem.item_id == item_id)).first() is not None
        )


async def test_poison_records_are_dead_lettered_and_the_partition_goes_on(
    service: StoriesService, database_url: str
) -> None:
    group = service.settings.stories_consumer_group
    await poison_then_good(
        service, group, lambda item_id: _assigned(service.engine, item_id), database_url, TOPIC
    )


async def test_a_transient_error_is_retried_one_line_per_retry(
    service: StoriesService, database_url: str
) -> None:
    lines = await retried_while_locked(
        service, lambda i: _assigned(service.engine, i), database_url, "stories_lock", TOPIC
    )
    assert_one_line_per_retry(lines, "assigning stories failed")
