"""A story's ``items`` (oldest first) and ``outlets`` (first reporter first) keep the
order of publication, whatever the order the items are read (SQLite and PostgreSQL).

Real items of the development set: the first UK deportation flight to Rwanda, stopped by
the European Court of Human Rights on 14 June 2022 (English and Spanish outlets,
14-15 June).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine
from wirewatch_shared.events import STORY_EVENT_ITEMS, ClassifiedItem
from wirewatch_stories.store import Assigner

from tests.stories.support import dev_rows, in_published_order, with_entities
from tests.stories.test_store import THRESHOLD
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

STORY = "2022-06-14-uk-rwanda-first-flight-blocked"


def _story_items() -> list[ClassifiedItem]:
    rows = in_published_order(dev_rows())
    return [with_entities(r) for r in rows if r["story"] == STORY]


def test_a_story_lists_its_items_oldest_first_whatever_the_order_they_are_read(
    engine: Engine,
) -> None:
    """The event's ``items`` are "the story's first items, oldest first" (its contract):
    an outlet's report read after a later one's is listed before it."""
    upgrade(engine)
    story = _story_items()
    newest_first = sorted(story, key=lambda c: c.item.published, reverse=True)
    assigner = Assigner(engine, window_s=72 * 3600.0, threshold=THRESHOLD)
    events = [e for c in newest_first for e in assigner.assign([c])]
    assert len({e.key for e in events}) == 1
    body = json.loads(events[-1].value)
    published = [i["published"] for i in body["items"]]
    # The event carries the story's oldest STORY_EVENT_ITEMS items (this story has 13).
    assert len(story) > STORY_EVENT_ITEMS
    assert len(published) == STORY_EVENT_ITEMS and published == sorted(published)
    listed = {i["item_id"] for i in body["items"]}
    unlisted = [c.item.published for c in story if c.item.item_id not in listed]
    assert max(published) <= min(unlisted).isoformat().replace("+00:00", "Z")
    assert body["items"][0]["item_id"] == min(story, key=lambda c: c.item.published).item.item_id


@pytest.mark.parametrize("restarted", [False, True])
def test_a_story_names_its_outlets_first_reporter_first_whatever_the_order_read(
    engine: Engine, restarted: bool
) -> None:
    """``outlets`` are "first reporter first" (the event contract): an outlet whose report
    is older than the others' but read after them is named before them, also by a process
    that reads the story back from the store."""
    upgrade(engine)
    story = _story_items()
    newest_first = sorted(story, key=lambda c: c.item.published, reverse=True)
    assigner = Assigner(engine, window_s=72 * 3600.0, threshold=THRESHOLD)
    events = [e for c in newest_first[:-2] for e in assigner.assign([c])]
    if restarted:
        assigner = Assigner(engine, window_s=72 * 3600.0, threshold=THRESHOLD)
    events += [e for c in newest_first[-2:] for e in assigner.assign([c])]
    assert len({e.key for e in events}) == 1
    oldest_first = sorted(story, key=lambda c: c.item.published)
    expected = list(dict.fromkeys(c.item.feed_title for c in oldest_first))
    assert len(expected) > 2
    assert json.loads(events[-1].value)["outlets"] == expected
