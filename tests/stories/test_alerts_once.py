"""Issue 13's promise, from the story events the stage really makes to notify's outbox
(SQLite and PostgreSQL): a story-mode subscription gets one alert when a story opens and
one follow-up when it reaches three outlets, never more, whatever replays the events
(a redelivered batch, a restarted notify reading the stream again, two notify processes
at once), and a story of several outlets, English and Spanish, is one story.

Real items of the development set: the first UK deportation flight to Rwanda stopped by
the European Court of Human Rights, 14-16 June 2022, English and Spanish outlets.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy.engine import Engine
from wirewatch_notify import outbox, subscriptions
from wirewatch_shared.events import StoryEvent
from wirewatch_stories.store import Assigner

from tests.notify.support import make_service
from tests.stories.support import dev_rows, in_published_order, with_entities
from tests.stories.test_store import THRESHOLD

pytestmark = pytest.mark.integration

STORY = "2022-06-14-uk-rwanda-first-flight-blocked"


def _events(engine: Engine) -> list[StoryEvent]:
    rows = [r for r in in_published_order(dev_rows()) if r["story"] == STORY]
    assigner = Assigner(engine, window_s=72 * 3600.0, threshold=THRESHOLD)
    published = [e for r in rows for e in assigner.assign([with_entities(r)])]
    return [StoryEvent.model_validate_json(e.value) for e in published]


async def test_one_alert_and_one_follow_up_whatever_replays_them(database_url: str) -> None:
    one, two = make_service(database_url), make_service(database_url)
    events = _events(one.engine)
    assert len({e.story_id for e in events}) == 1  # the outlets, EN and ES: one story
    assert {"en", "es"} <= set(events[-1].languages) and len(events[-1].outlets) >= 3
    request = subscriptions.parse_create(
        {
            "topic": "repatriation-flights",
            "channel": "webhook",
            "target": "https://hooks.example.org/desk",
        }
    )
    sub = subscriptions.create_subscription(one.engine, request, one.box).subscription
    assert sub.id is not None and sub.alert_mode == "story" and sub.followup_outlets == 3

    for event in events:  # as the stream delivers them
        await one.handle_story_events([event])
    await one.handle_story_events(events)  # the whole stream again (a reset consumer)
    await asyncio.gather(one.handle_story_events(events), two.handle_story_events(events))
    restarted = make_service(database_url)
    await restarted.handle_story_events(events[2:])

    alerts = sorted(
        outbox.list_deliveries(one.engine, subscription_id=sub.id), key=lambda d: d.id or 0
    )
    stories = [json.loads(a.payload)["data"]["story"] for a in alerts]
    assert [s["event"] for s in stories] == ["opened", "grown"]
    opened, grown = stories
    assert opened["id"] == grown["id"] == events[0].story_id
    assert opened["items"] and opened["items"][0]["link"]
    assert len(grown["outlets"]) == 3 and grown["also_reported_by"]
    assert set(grown["also_reported_by"]) < set(grown["outlets"])
