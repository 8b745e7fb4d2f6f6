"""kill -9 of the flights stage mid-stream loses no item, no record event and makes no
story's flight twice.

The stage runs as a real subprocess (``wirewatch service flights``, reading story events,
its default) against its own embedded broker and the test database. The development set's
real items (EN/ES, tests/data/flights_dev.jsonl) stream in as story events, one story per
labelled story, in publication order; the stage is SIGKILLed twice while recording,
restarted, and at the end every item the extractor reads as a flight is observed once, no
story's items are in two records, and the flights stream holds every record's current
version (an event lost between a commit and its publish would leave a record without it).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import signal
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from kafka import KafkaProducer
from sqlmodel import Session, select
from wirewatch_flights.intake import observe_story_event
from wirewatch_flights.models import FlightObservation, FlightRecord
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.events import StoryEvent
from wirewatch_shared.kafka_admin import ensure_streams

from tests.flights.split import DATA
from tests.stories.support import classified_row, in_published_order
from tests.support.env import spawn_service
from tests.support.streams import read_stream_to_end, wait_for_progress
from wirewatch.schema import upgrade

if not DATA.exists():
    pytest.skip(f"{DATA} is missing", allow_module_level=True)

pytestmark = pytest.mark.integration
TOPICS = ("repatriation-flights",)


def _spawn(bootstrap: str, database_url: str, tmp_path: Path) -> subprocess.Popen[bytes]:
    return spawn_service(
        "flights", bootstrap, database_url, tmp_path, WIREWATCH_FLIGHTS_BATCH_MAX_RECORDS="7"
    )


def _story_events() -> list[StoryEvent]:
    """Every development-set item as the stories stage would send it: its labelled story
    (an item without one is a story alone), tagged with the flights topic."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    events: list[StoryEvent] = []
    seen: defaultdict[str, int] = defaultdict(int)
    for row in in_published_order(rows):
        label = str(row.get("story") or row["id"])
        story_id = "st_" + hashlib.sha256(label.encode()).hexdigest()[:16]
        seen[story_id] += 1
        item = classified_row(row, TOPICS[0])
        events.append(
            StoryEvent(
                kind="opened" if seen[story_id] == 1 else "item_added",
                story_id=story_id,
                position=seen[story_id],
                item=item,
                topics=TOPICS,
                item_count=seen[story_id],
                first_seen=item.item.published,
                assigned_at=item.item.published,
            )
        )
    return events


def _count(database_url: str) -> int:
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            return len(session.exec(select(FlightObservation.item_id)).all())
    finally:
        engine.dispose()


@pytest.mark.timeout(300)
def test_kill_9_mid_stream_loses_no_item_and_no_record_event(
    database_url: str, tmp_path: Path
) -> None:
    events = _story_events()
    flights = {e.item.item.item_id for e in events if observe_story_event(e, TOPICS)}
    assert len(flights) > 100  # real flight reports, not a handful
    engine = make_engine(database_url)
    upgrade(engine)
    with EmbeddedBroker() as broker:
        asyncio.run(ensure_streams(broker.bootstrap))
        producer = KafkaProducer(bootstrap_servers=broker.bootstrap, acks="all", linger_ms=5)
        stage = _spawn(broker.bootstrap, database_url, tmp_path)
        try:
            for event in events:
                body = event.model_dump_json().encode()
                producer.send(streams.STORIES, key=event.story_id.encode(), value=body)
            producer.flush()
            observed = lambda: _count(database_url)  # noqa: E731
            for kill_at in (len(flights) // 4, len(flights) // 2):
                wait_for_progress(observed, kill_at, 60, "observations before the kill")
                stage.send_signal(signal.SIGKILL)
                stage.wait()
                stage = _spawn(broker.bootstrap, database_url, tmp_path)
            wait_for_progress(observed, len(flights), 60, "every flight item observed")
            with Session(engine) as session:
                records = session.exec(select(FlightRecord)).all()
                current = {(r.id, r.version) for r in records}
                story_ids = [s for r in records for s in r.story_ids]

            def published() -> int:
                values = read_stream_to_end(broker.bootstrap, streams.FLIGHTS)
                seen = {
                    (e["record_id"], e["version"])
                    for e in map(json.loads, (r.value for r in values))
                }
                return len(current & seen)

            # Events follow the commit of their record: wait for every current version.
            wait_for_progress(published, len(current), 30, "every record's current event")
        finally:
            stage.send_signal(signal.SIGKILL)
            stage.wait()
            producer.close()
    with Session(engine) as session:
        stored = session.exec(select(FlightObservation.item_id)).all()
    assert sorted(stored) == sorted(flights)  # each flight item once
    assert len(story_ids) == len(set(story_ids))  # no story's flight in two records
    engine.dispose()
