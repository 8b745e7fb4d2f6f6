"""An item read long after its story (a late outlet, a feed added later with its archive)
joins that story, as it would have on time: it does not open a second story, hence a
second story alert (SQLite and PostgreSQL).

A story's window is counted in publication time: it takes items published up to the
window after its latest item, whenever they are read. The stage holds in memory only the
stories that ended less than four windows before the latest publication time it has
seen; an older one is read back from the store for a late item that may belong to it.

Real items of the development set: the first UK deportation flight to Rwanda, stopped by
the European Court of Human Rights on 14 June 2022 (English and Spanish outlets,
14-15 June), and "Why UK stopped Rwanda flight after European Court of Human Rights
ruling" published on 16 June 2022 (st-0076), read after the items of later stories.
"""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import Engine
from wirewatch_shared.db import make_engine
from wirewatch_shared.events import ClassifiedItem
from wirewatch_stories.store import Assigner, Published

from tests.stories.support import classified_row, dev_rows, in_published_order, with_entities
from tests.stories.test_store import THRESHOLD, _decisions, _replays_as_one_process
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

LATE = "st-0076"
STORY = "2022-06-14-uk-rwanda-first-flight-blocked"
MOVERS_AFTER = datetime(2022, 10, 1, tzinfo=UTC)


def _items() -> tuple[list[ClassifiedItem], ClassifiedItem, list[ClassifiedItem]]:
    """The story's items but the late one, the late one, and items of later stories."""
    rows = in_published_order(dev_rows())
    story = [with_entities(r) for r in rows if r["story"] == STORY and r["id"] != LATE]
    [late] = [with_entities(r) for r in rows if r["id"] == LATE]
    later = [with_entities(r) for r in rows if r["story"] != STORY]
    movers = [c for c in later if c.item.published >= MOVERS_AFTER]
    return story, late, movers


def _story_of(events: list[Published]) -> tuple[str, str]:
    [event] = events
    body = json.loads(event.value)
    return body["story_id"], body["kind"]


@pytest.mark.parametrize(
    ("window_h", "movers", "restarted"),
    [
        (72, 10, False),  # read long after: older than anything held in memory
        (72, 10, True),  # ... by a process started since
        (24, 5, False),  # read just as its story was forgotten (within four windows)
        (24, 5, True),
    ],
)
def test_an_item_read_long_after_its_story_joins_it(
    engine: Engine, window_h: int, movers: int, restarted: bool
) -> None:
    upgrade(engine)
    story, late, later = _items()
    one = Assigner(engine, window_s=window_h * 3600.0, threshold=THRESHOLD)
    opened = {_story_of(one.assign([c]))[0] for c in story}
    assert len(opened) == 1  # read on time, the outlets make one story
    [story_id] = opened
    one.assign(later[:movers])
    assert one.clusterer.story_of(story[0].item.item_id) is None  # no longer held in memory
    deciding = Assigner(engine, window_s=window_h * 3600.0, threshold=THRESHOLD)
    assert _story_of((deciding if restarted else one).assign([late])) == (story_id, "item_added")


def test_processes_that_replay_a_late_decision_hold_what_the_deciding_one_holds(
    engine: Engine,
) -> None:
    """The late item keeps its story held (it is within four windows of the clock): the
    process that decided, one that replays the decision and one started afterwards
    hold the same stories, so they decide the next items alike."""
    upgrade(engine)
    story, late, later = _items()
    window = 24 * 3600.0
    one, other = (Assigner(engine, window_s=window, threshold=THRESHOLD) for _ in range(2))
    for c in story:
        one.assign([c])
    one.assign(later[:5])
    other.assign([])  # in step before the late item
    one.assign([late])
    other.assign([])  # replays it
    restarted = Assigner(engine, window_s=window, threshold=THRESHOLD)
    restarted.assign([])
    probes = [*story, late, *later[5:12]]
    expected = _decisions(one.clusterer, probes)
    assert one.clusterer.story_of(LATE) is not None
    for assigner in (other, restarted):
        assert _decisions(assigner.clusterer, probes) == expected
        assert assigner.clusterer.story_of(story[0].item.item_id) == one.clusterer.story_of(
            story[0].item.item_id
        )


def test_late_items_open_no_more_stories_than_on_time(engine: Engine) -> None:
    """Each story's last item read after all the others (seven to a batch): late items
    open no more stories of their own than the same items read in published order."""
    upgrade(engine)
    rows = in_published_order(dev_rows())
    last = {r["story"]: r["id"] for r in rows}  # each story's last item (published order)
    held = {i for s, i in last.items() if sum(r["story"] == s for r in rows) > 1}
    order = [r for r in rows if r["id"] not in held] + [r for r in rows if r["id"] in held]
    late = _assigned(engine, [classified_row(r) for r in order])
    on_time_engine = make_engine("sqlite://")
    upgrade(on_time_engine)
    on_time = _assigned(on_time_engine, [classified_row(r) for r in rows])
    alone = sorted(i for i in held if list(late.values()).count(late[i]) == 1)
    alone_on_time = sorted(i for i in held if list(on_time.values()).count(on_time[i]) == 1)
    assert len(alone) <= len(alone_on_time), (alone, alone_on_time)


def test_a_batch_with_late_items_decides_as_the_items_one_by_one(engine: Engine) -> None:
    """Three partitions, each read whole after the other (a consumer lagging behind), seven
    items to a batch: a late item may join a story that another late item of its batch
    opened, which the store does not hold yet. Every decision is the one a single process
    makes reading the items one by one."""
    upgrade(engine)
    rows = in_published_order(dev_rows())
    parts = [[r for r in rows if zlib.crc32(r["id"].encode()) % 3 == k] for k in range(3)]
    items = [classified_row(r) for part in parts for r in part]
    _assigned(engine, items)
    _replays_as_one_process(engine, items)


def _assigned(engine: Engine, items: list[ClassifiedItem]) -> dict[str, str]:
    """Assign the items seven to a batch; their stories."""
    assigner = Assigner(engine, window_s=72 * 3600.0, threshold=THRESHOLD)
    story: dict[str, str] = {}
    for k in range(0, len(items), 7):
        batch = items[k : k + 7]
        for c, e in zip(batch, assigner.assign(batch), strict=True):
            story[c.item.item_id] = e.key
    return story


def test_a_story_lists_its_items_oldest_first_whatever_the_order_they_are_read(
    engine: Engine,
) -> None:
    """The event's ``items`` are "the story's first items, oldest first" (its contract):
    an outlet's report read after a later one's is listed before it."""
    upgrade(engine)
    story, _, _ = _items()
    newest_first = sorted(story, key=lambda c: c.item.published, reverse=True)
    assigner = Assigner(engine, window_s=72 * 3600.0, threshold=THRESHOLD)
    events = [e for c in newest_first for e in assigner.assign([c])]
    assert len({e.key for e in events}) == 1
    body = json.loads(events[-1].value)
    published = [i["published"] for i in body["items"]]
    assert len(published) == len(story) and published == sorted(published)
    assert body["items"][0]["item_id"] == min(story, key=lambda c: c.item.published).item.item_id


@pytest.mark.parametrize("restarted", [False, True])
def test_a_story_names_its_outlets_first_reporter_first_whatever_the_order_read(
    engine: Engine, restarted: bool
) -> None:
    """``outlets`` are "first reporter first" (the event contract): an outlet whose report
    is older than the others' but read after them is named before them, also by a process
    that reads the story back from the store."""
    upgrade(engine)
    story, _, _ = _items()
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
