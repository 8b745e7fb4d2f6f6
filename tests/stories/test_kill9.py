"""kill -9 of the stories stage mid-stream loses no item and opens no story twice.

The stage runs as a real subprocess (``wirewatch service stories``) against its own
embedded broker and the test database; the real labelled items (EN/ES) stream in as
classified items, the stage is SIGKILLed twice while assigning, restarted, and at the
end every item is assigned exactly once, every assignment is the one a single
uninterrupted process makes, and the stories stream has an event for every item with
no story opened twice (re-published events are identical).
"""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from kafka import KafkaProducer
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.kafka_admin import ensure_streams
from wirewatch_stories.store import count_stories

from tests.stories.support import classified_row, dev_rows, in_published_order
from tests.stories.test_store import _replays_as_one_process, _stored
from tests.support.env import spawn_service
from tests.support.streams import read_stream_to_end, wait_for_progress
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration


def _spawn(bootstrap: str, database_url: str, tmp_path: Path) -> subprocess.Popen[bytes]:
    return spawn_service(
        "stories", bootstrap, database_url, tmp_path, WIREWATCH_STORIES_BATCH_MAX_RECORDS="7"
    )


def _story_events(bootstrap: str) -> list[dict[str, object]]:
    return [json.loads(r.value) for r in read_stream_to_end(bootstrap, streams.STORIES)]


def _items_published(bootstrap: str) -> int:
    """Distinct items with a story event so far (a restarted stage re-publishes some)."""
    return len({e["item"]["item"]["item_id"] for e in _story_events(bootstrap)})  # type: ignore[index]


@pytest.mark.timeout(300)
def test_kill_9_mid_stream_loses_no_item_and_opens_no_story_twice(
    database_url: str, tmp_path: Path
) -> None:
    rows = in_published_order(dev_rows())
    items = [classified_row(r) for r in rows]
    engine = make_engine(database_url)
    upgrade(engine)
    with EmbeddedBroker() as broker:
        asyncio.run(ensure_streams(broker.bootstrap))
        producer = KafkaProducer(bootstrap_servers=broker.bootstrap, acks="all", linger_ms=5)
        stage = _spawn(broker.bootstrap, database_url, tmp_path)
        try:
            for item in items:
                producer.send(
                    streams.CLASSIFIED,
                    key=item.item.item_id.encode(),
                    value=item.model_dump_json().encode(),
                )
            producer.flush()
            assigned = lambda: count_stories(engine)[1]  # noqa: E731
            for kill_at in (len(items) // 4, len(items) // 2):
                wait_for_progress(assigned, kill_at, 60, "assignments before the kill")
                stage.send_signal(signal.SIGKILL)
                stage.wait()
                stage = _spawn(broker.bootstrap, database_url, tmp_path)
            wait_for_progress(assigned, len(items), 60, "every item assigned")
            # Events follow the commit of their assignment: wait for all of them rather
            # than for the stream to go quiet.
            published = lambda: _items_published(broker.bootstrap)  # noqa: E731
            wait_for_progress(published, len(items), 30, "an event for every item")
            events = _story_events(broker.bootstrap)
        finally:
            stage.send_signal(signal.SIGKILL)
            stage.wait()
            producer.close()

    stored = _stored(engine)
    assert sorted(r[1] for r in stored) == sorted(i.item.item_id for i in items)  # each once
    _replays_as_one_process(engine)
    story_of = {r[1]: r[2] for r in stored}
    opened: defaultdict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    for event in events:
        item_id = event["item"]["item"]["item_id"]  # type: ignore[index]
        assert event["story_id"] == story_of[item_id]  # no item in two stories
        seen.add(item_id)
        if event["kind"] == "opened":
            opened[str(event["story_id"])].add(json.dumps(event, sort_keys=True))
    assert seen == set(story_of)  # every item's event was published
    assert all(len(v) == 1 for v in opened.values())  # no story opened twice
    assert set(opened) == set(story_of.values())
    engine.dispose()
