"""An output event over the record limit is a bad record: dead-lettered once, never retried.

Kafka refuses a record over its ``message.max.bytes`` (1 MiB by default) and aiokafka's
``send`` refuses one over ``max_request_size`` (1 MiB) before it leaves the process. A
story event carries its whole classified item, so an item near the limit (valid by every
event bound) made a story event over it: ``MessageSizeTooLargeError`` was taken for a
transient failure, and the stories consumer retried the batch forever, the partition
stalled behind it (stop 38). A classified item's entities alone could hold 3 x 256 names
of 512 characters: valid by every bound, and over the limit. Since stop 39 such an item,
from an older producer, reads cut to the new bounds, and its story event fits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from wirewatch_shared import events, streams
from wirewatch_shared.events import ClassifiedItem, DeadLetter, FeedItem, StoryEvent
from wirewatch_shared.producer import MAX_RECORD_BYTES, record_size
from wirewatch_stories.app import StoriesService
from wirewatch_stories.settings import StoriesSettings
from wirewatch_stories.store import ITEM

from tests.notify.support import classified
from tests.stories.test_poison import _assigned
from tests.support.poison import settings_at_end, wait_for
from tests.support.streams import produce_together
from wirewatch.schema import upgrade

NOW = datetime(2026, 12, 6, tzinfo=UTC)
WIDE = "\x01"  # a character JSON writes as six bytes (\u0001): the widest per character


def _largest_feed_item() -> FeedItem:
    """A FeedItem at every bound, of the widest characters."""
    return FeedItem(
        item_id=WIDE * events.ITEM_ID_MAX,
        feed_id=2**62,
        feed_url=WIDE * events.URL_MAX,
        feed_title=WIDE * events.NAME_MAX,
        title=WIDE * events.TITLE_MAX,
        summary=WIDE * events.SUMMARY_MAX,
        link=WIDE * events.URL_MAX,
        published=NOW,
        fetched_at=NOW,
        language=WIDE * events.LANGUAGE_MAX,
        categories=(WIDE * events.CATEGORY_MAX,) * events.CATEGORIES_MAX,
        author=WIDE * events.NAME_MAX,
    )


def test_the_largest_feed_item_and_dead_letter_fit_one_record() -> None:
    """What ingest publishes and what every consumer dead-letters can never be over the
    limit (their bounds keep them under it); a classified item, a story or a flight
    event can, and those are dead-lettered instead (tests below and in tests/classify)."""
    item = _largest_feed_item().model_dump_json().encode()
    assert len(item) < MAX_RECORD_BYTES - 2048, len(item)  # room for key and headers
    letter = DeadLetter(
        source_topic=WIDE * events.NAME_MAX,
        consumer_group=WIDE * events.NAME_MAX,
        error=WIDE * events.ERROR_MAX,
        payload=WIDE * events.DEAD_LETTER_PAYLOAD_MAX,
        failed_at=NOW,
    )
    assert len(letter.model_dump_json().encode()) < MAX_RECORD_BYTES - 2048


def _too_large_classified(topic: str) -> tuple[ClassifiedItem, bytes]:
    """A classified item valid by the bounds before stop 39 (3 x 256 entity names of 512
    characters), over the limit, as an older producer wrote it: (its item, its JSON)."""
    good = classified(topic)
    places = [f"{i:03d}" + WIDE * (512 - 3) for i in range(256)]
    old = good.model_dump(mode="json")
    old["entities"] = {"countries": [], "places": places, "agencies": places}
    return good, json.dumps(old).encode()


@pytest.fixture
def stories_engine(database_url: str) -> Iterator[Engine]:
    from wirewatch_shared.db import make_engine

    engine = make_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.mark.integration
async def test_an_item_over_the_limit_from_an_older_producer_makes_a_story_event_that_fits(
    kafka_bootstrap: str, database_url: str, stories_engine: Engine
) -> None:
    """Before stop 39 its story event was over the limit: dead-lettered, the story lost."""
    settings = settings_at_end(
        StoriesSettings, "stories_consumer_group", kafka_bootstrap, database_url, "large"
    )
    service: Any = StoriesService(settings, stories_engine)
    service.guard.backoff.base_s = 0.05
    large, body = _too_large_classified("repatriation-flights")
    assert len(body) > MAX_RECORD_BYTES  # valid by the older bounds, over the limit
    good = classified("border-policy", title="New asylum rules announced at the border")
    app = service.build_app()
    await app.start()
    try:
        # The test's own producer takes records of any size.
        produce_together(
            kafka_bootstrap,
            streams.CLASSIFIED,
            [body, good.model_dump_json().encode()],
            key=b"too-large",
            max_request_size=16 * MAX_RECORD_BYTES,
        )
        await wait_for(lambda: _assigned(stories_engine, good.item.item_id), timeout=60)
    finally:
        await app.stop()
    assert service.guard.dead_letters.sent == 0
    assert _assigned(stories_engine, large.item.item_id)  # read in order, before the good one
    with stories_engine.connect() as conn:
        query = select(ITEM.c.event).where(ITEM.c.item_id == large.item.item_id)
        stored = conn.execute(query).scalar_one()
    event = StoryEvent.model_validate_json(stored)
    assert len(event.item.entities.places) == events.ENTITIES_MAX
    assert record_size(event.story_id.encode(), stored.encode()) <= MAX_RECORD_BYTES
