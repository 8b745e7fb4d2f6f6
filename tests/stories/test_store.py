"""The story store over SQLite and PostgreSQL: assignments, redelivery, two processes."""

from __future__ import annotations

import json
import multiprocessing
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from wirewatch_shared.db import make_engine
from wirewatch_shared.events import STORY_MAX_ITEMS, StoryEvent
from wirewatch_stories.assign import features_of
from wirewatch_stories.cluster import Clusterer
from wirewatch_stories.evaluation import evaluate
from wirewatch_stories.settings import StoriesSettings
from wirewatch_stories.store import (
    ITEM,
    LOCK,
    STORY,
    Assigner,
    count_stories,
    cues_text,
    get_story,
    list_stories,
    stored_cues,
)

from tests.stories.support import classified_row, dev_rows, in_published_order, with_entities
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration
WINDOW = 72 * 3600.0
# The service's default (the kill -9 test runs the service and replays its decisions here).
THRESHOLD = StoriesSettings.model_fields["stories_threshold"].default


def _assigner(engine: Engine) -> Assigner:
    return Assigner(engine, window_s=WINDOW, threshold=THRESHOLD)


def _stored(engine: Engine) -> list[tuple[int, str, str, str, Any]]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                select(
                    ITEM.c.seq, ITEM.c.item_id, ITEM.c.story_id, ITEM.c.cues, ITEM.c.published
                ).order_by(ITEM.c.seq)
            ).all()
        )


def _replays_as_one_process(engine: Engine) -> None:
    """Every stored decision is the one a single process makes, replaying in ``seq`` order."""
    clusterer = Clusterer(window_s=WINDOW, threshold=THRESHOLD)
    for _, item_id, story_id, cues, published in _stored(engine):
        decision = clusterer.assign(item_id, stored_cues(cues), published.timestamp())
        assert decision.story_id == story_id, item_id


def test_assign_persist_and_republish(engine: Engine) -> None:
    upgrade(engine)
    rows = in_published_order(dev_rows())[:40]
    items = [classified_row(r) for r in rows]
    assigner = _assigner(engine)
    events = [e for k in range(0, len(items), 8) for e in assigner.assign(items[k : k + 8])]
    assert len(events) == len(items)
    parsed = [StoryEvent.model_validate_json(e.value) for e in events]
    assert all(e.key == p.story_id for e, p in zip(events, parsed, strict=True))
    opened = {p.story_id for p in parsed if p.kind == "opened"}
    assert opened == {p.story_id for p in parsed}  # every story was opened exactly once
    assert len(opened) == sum(p.kind == "opened" for p in parsed)
    stories, assigned = count_stories(engine)
    assert (stories, assigned) == (len(opened), len(items))
    grown = max(parsed, key=lambda p: p.item_count)
    story = get_story(engine, grown.story_id)
    assert story is not None and story["item_count"] == grown.item_count
    assert len(story["items"]) == grown.item_count and story["outlets"]
    assert list_stories(engine, topic="repatriation-flights", limit=5)
    assert not list_stories(engine, topic="no-such-topic")

    # A redelivered batch (crash before the offset commit) re-publishes the same events
    # and assigns nothing twice, also from a fresh process that loads the open stories.
    fresh = _assigner(engine)
    again = fresh.assign(items[:8])
    assert [e.value for e in again] == [e.value for e in events[:8]]
    assert count_stories(engine) == (stories, assigned)
    _replays_as_one_process(engine)


def _utc(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return value


def _contents(engine: Engine) -> tuple[list[Any], list[Any], Any]:
    """Every row of the items, stories and lock tables (events decoded), without the times
    they were written at."""
    with engine.connect() as conn:
        items = []
        for row in conn.execute(select(ITEM).order_by(ITEM.c.seq)).mappings():
            event = json.loads(row["event"])
            del event["assigned_at"]
            kept = {k: _utc(v) for k, v in row.items() if k not in ("event", "assigned_at")}
            items.append((kept, event))
        stories = [
            {k: _utc(v) for k, v in row.items() if k not in ("created_at", "updated_at")}
            for row in conn.execute(select(STORY).order_by(STORY.c.id)).mappings()
        ]
        lock = conn.execute(select(LOCK.c.seq, LOCK.c.clock)).one()
    return items, stories, tuple(lock)


def test_one_item_at_a_time_stores_what_batches_store(database_url: str, tmp_path: Path) -> None:
    """The stage's usual batch is one item (PostgreSQL writes its item, its story and the
    lock in one statement): it stores what a batch of several items does."""
    items = [with_entities(r) for r in in_published_order(dev_rows())[:60]]
    one, batched = make_engine(database_url), make_engine(f"sqlite:///{tmp_path / 'b.db'}")
    upgrade(one)
    upgrade(batched)
    single = _assigner(one)
    events = [e for item in items for e in single.assign([item])]
    several = _assigner(batched)
    for k in range(0, len(items), 8):
        several.assign(items[k : k + 8])
    kinds = Counter(StoryEvent.model_validate_json(e.value).kind for e in events)
    assert kinds["opened"] and kinds["item_added"]  # both writes: a new story, a grown one
    contents = _contents(one)
    assert contents == _contents(batched)
    assert contents[2][0] == len(items)  # the lock's seq
    one.dispose()
    batched.dispose()


CHUNK = 2


def _worker(url: str, rows: list[dict[str, Any]], rounds: int, barrier: Any) -> None:
    """Assign ``rows`` one by one, meeting the other process after every chunk: both
    go through the stream at the same pace (as consumers of one topic do), racing
    within each chunk."""
    engine = make_engine(url)
    assigner = _assigner(engine)
    items = [classified_row(r) for r in rows]
    for n in range(rounds):
        barrier.wait()
        chunk = items[n * CHUNK : (n + 1) * CHUNK]
        for item in chunk:
            assigner.assign([item])
    engine.dispose()


def test_two_processes_never_split_a_story_nor_open_it_twice(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    rows = in_published_order(dev_rows())
    # Items of one story reach both processes (as Kafka partitions by item id do); both
    # also get a few of the same items, as after a rebalance.
    shares = [rows[0::2] + rows[1:12:2], rows[1::2] + rows[0:12:2]]
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    rounds = max(len(s) for s in shares) // CHUNK + 1
    workers = [
        context.Process(target=_worker, args=(database_url, s, rounds, barrier)) for s in shares
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    stored = _stored(engine)
    assert sorted(r[1] for r in stored) == sorted(r["id"] for r in rows)  # each item once
    assert [r[0] for r in stored] == list(range(1, len(rows) + 1))  # one gapless order
    _replays_as_one_process(engine)  # decided on the full state, as one process would
    by_item = {r[1]: r[2] for r in stored}
    # Each process keeps the state of the stories it grew: the other's decisions, replayed,
    # make it read them again (a stale state would lose the other's items).
    sizes = Counter(by_item.values())
    for story_id, size in sizes.items():
        story = get_story(engine, story_id)
        assert story is not None and story["item_count"] == size, story_id
        assert len(story["items"]) == min(size, STORY_MAX_ITEMS)
    report = evaluate([r["story"] for r in rows], [by_item[r["id"]] for r in rows])
    assert report.alerts_per_story <= 1.6  # a regression guard (quality: docs/stories.md)
    engine.dispose()


def test_cues_are_read_back_as_stored() -> None:
    cues = frozenset({"p:el paso", "a:home office", "c:GT", "w:vuelo"})
    assert sorted(stored_cues(cues_text(cues))) == sorted(cues)
    assert stored_cues(cues_text(frozenset())) == []
    assert stored_cues("c:GT w:vuelo") == ["c:GT", "w:vuelo"]  # a row stored before


def _decisions(clusterer: Clusterer, probes: list[Any]) -> list[Any]:
    """What the clusterer would decide for each probe now (no state change); a probe is
    scored under an id of its own, so an item already decided is scored against the state."""
    return [
        clusterer.decide(
            f"{p.item.item_id}/probe", features_of(p).cues, p.item.published.timestamp()
        )
        for p in probes
    ]


def test_other_processes_and_a_restart_hold_the_cues_one_process_holds(engine: Engine) -> None:
    """Items carrying classify's entities, as in the service: several-word places and agencies
    (``p:el paso``) come back from the store as one cue each, so a process that replays the
    others' decisions, or a restart, decides exactly as the one that made them."""
    upgrade(engine)
    items = [with_entities(r) for r in in_published_order(dev_rows())[:160]]
    decided = items[:120]
    probes = (
        items  # the decided ones again (each is scored against its own stored cues) and 40 more
    )
    assert any(" " in cue for item in decided for cue in features_of(item).cues)
    one, other = _assigner(engine), _assigner(engine)
    for n, k in enumerate(range(0, len(decided), 8)):  # the two take turns, as two consumers
        (one if n % 2 == 0 else other).assign(decided[k : k + 8])
    restarted = _assigner(engine)  # a fresh process: loads the open stories from the store
    alone = Clusterer(window_s=WINDOW, threshold=THRESHOLD)
    for item in decided:
        alone.assign(item.item.item_id, features_of(item).cues, item.item.published.timestamp())
    for assigner in (one, other, restarted):
        assigner.assign([])  # catch up with the decisions stored by the others
    expected = _decisions(alone, probes)
    for assigner in (one, other, restarted):
        assert _decisions(assigner.clusterer, probes) == expected
    _replays_as_one_process(engine)
