"""A story's events read out of order (stop 39): the stories stage commits a story's change
and then publishes its event, so in a rebalance two stories processes may publish one
story's events out of order. Notify read "3 outlets" (an item the subscription does not
match), then "2 outlets" (one it does): the opening alert said 2 outlets and the follow-up
at 3 was never sent. Now a late event (lower ``position``) shows the story as the newest
event read says it is (SQLite and PostgreSQL, through the real broker)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from kafka import KafkaProducer
from wirewatch_notify import outbox
from wirewatch_shared import streams
from wirewatch_shared.events import StoryEvent, StoryItemRef
from wirewatch_shared.kafka_admin import ensure_streams

from tests.notify.support import NOW, classified, make_service
from tests.notify.test_story_alerts import _rows, _subscribe
from tests.support.poison import start_group_at_end, wait_for

OUTLETS = ["AP", "EFE", "BBC"]


def _event(story: str, position: int, topic: str) -> StoryEvent:
    """The event of the story's ``position``-th item (from the ``position``-th outlet)."""
    refs = tuple(
        StoryItemRef(item_id=f"{story}-{n}", outlet=outlet, published=NOW)
        for n, outlet in enumerate(OUTLETS[:position])
    )
    return StoryEvent(
        kind="opened" if position == 1 else "item_added",
        story_id=story,
        position=position,
        item=classified(topic, item_id=f"{story}-{position - 1}"),
        topics=("flights", "border-policy"),
        item_count=position,
        outlets=tuple(OUTLETS[:position]),
        first_seen=NOW,
        items=refs,
        assigned_at=NOW,
    )


def _story(service: Any, sub_id: int, key: str) -> dict[str, Any]:
    rows = outbox.list_deliveries(service.engine, subscription_id=sub_id)
    [row] = [d for d in rows if d.item_id == key]
    return dict(json.loads(row.payload)["data"]["story"]) if row.payload != "{}" else {}


@pytest.mark.integration
async def test_a_late_event_of_a_story_opens_it_with_the_outlets_of_the_newest(
    kafka_bootstrap: str, database_url: str
) -> None:
    group = f"notify-order-{uuid.uuid4().hex[:8]}"
    await ensure_streams(kafka_bootstrap, [streams.STORIES])
    start_group_at_end(kafka_bootstrap, group, streams.STORIES)
    service = make_service(
        database_url, kafka_bootstrap=kafka_bootstrap, story_consumer_group=group
    )
    # Story mode on "flights", a follow-up at 3 outlets; its webhook refuses on loopback.
    sub = _subscribe(service, target="http://127.0.0.1:9/hook")
    story = f"st_{uuid.uuid4().hex[:16]}"
    # Item 3 (border policy: not the subscription's topic) was published before item 2.
    late = [_event(story, 3, "border-policy"), _event(story, 2, "flights")]
    app = service.build_app()
    await app.start()
    try:
        producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
        for event in late:  # one key: one partition, read in this order
            producer.send(streams.STORIES, event.model_dump_json().encode(), key=story.encode())
        producer.flush(timeout=20)
        producer.close()
        await wait_for(lambda: service.stories_handled >= 2, timeout=60)
    finally:
        await app.stop()
    opening = _story(service, sub, f"story:{story}")
    assert opening["outlets"] == OUTLETS, opening["outlets"]  # was ["AP", "EFE"]
    assert opening["item_count"] == 3
    # It opened with 3 outlets: its follow-up is taken (cancelled), as for any story that
    # already has enough outlets when it opens for a subscription.
    rows = _rows(service)  # of this story (the stream is shared with other tests)
    keys = {(key, status == "cancelled") for _, key, status in rows if story in key}
    assert keys == {(f"story:{story}", False), (f"story:{story}:grown", True)}


async def test_events_late_in_one_batch_and_across_batches(database_url: str) -> None:
    service = make_service(database_url)
    sub = _subscribe(service, followup_outlets=2)
    batch = [_event("s1", 3, "border-policy"), _event("s1", 1, "flights")]
    await service.handle_story_events(batch)
    assert _story(service, sub, "story:s1")["outlets"] == OUTLETS
    await service.handle_story_events([_event("s2", 3, "border-policy")])
    await service.handle_story_events([_event("s2", 2, "flights")])
    opening = _story(service, sub, "story:s2")
    assert (opening["outlets"], opening["item_count"]) == (OUTLETS, 3)
    assert opening["items"][1]["id"] == "s2-1"  # the late item is listed, as the story lists it
    # In order, nothing changes: the opening says what its event says.
    await service.handle_story_events([_event("s3", n, "flights") for n in (1, 2, 3)])
    assert _story(service, sub, "story:s3")["outlets"] == OUTLETS[:1]
    assert _story(service, sub, "story:s3:grown")["outlets"] == OUTLETS[:2]
