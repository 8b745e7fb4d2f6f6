"""kill -9 of the classify service mid-stream loses no item.

The service runs as a real subprocess (``wirewatch service classify``) against its own
embedded broker; items stream in, the service is SIGKILLed twice while it publishes, is
restarted, and at the end every item has a ClassifiedItem on the classified stream and
the group's offsets reach the end of the items stream. A batch's offsets are committed
only once every ClassifiedItem of it is acknowledged: a commit before that would lose
the batch's items the broker had not taken when the process died."""

from __future__ import annotations

import asyncio
import signal
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kafka import KafkaProducer
from wirewatch_shared import streams
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.events import FeedItem
from wirewatch_shared.kafka_admin import ensure_streams, group_lag

from tests.support.env import spawn_service
from tests.support.streams import read_stream_to_end, wait_for_progress

pytestmark = pytest.mark.integration

ITEMS = 3000
TITLES = (
    "Deportation flight with {k} people lands in Guatemala City",
    "Border agency announces new asylum rules, number {k}",
    "Local council approves budget for road repairs, item {k}",
)


def _items() -> list[FeedItem]:
    start = datetime(2026, 12, 1, tzinfo=UTC)
    return [
        FeedItem(
            item_id=f"kill9-{k:05d}",
            feed_id=1,
            feed_url="https://example.org/feed.xml",
            title=TITLES[k % len(TITLES)].format(k=k),
            summary="Officials said the charter flight landed in the morning.",
            published=start + timedelta(seconds=k),
            fetched_at=start + timedelta(seconds=k),
            language="en",
        )
        for k in range(ITEMS)
    ]


def _spawn(bootstrap: str, tmp_path: Path) -> subprocess.Popen[bytes]:
    return spawn_service(
        "classify",
        bootstrap,
        f"sqlite:///{tmp_path / 'classify.db'}",
        tmp_path,
        WIREWATCH_CLASSIFY_BATCH_MAX_RECORDS="50",
    )


def _classified_ids(bootstrap: str) -> set[bytes]:
    return {r.key for r in read_stream_to_end(bootstrap, streams.CLASSIFIED) if r.key}


def _lag(bootstrap: str) -> int:
    rows = asyncio.run(group_lag(bootstrap, {streams.GROUP_CLASSIFY: streams.ITEMS}))
    return sum((r.highwater or 0) - (r.committed or 0) for r in rows)


@pytest.mark.timeout(300)
def test_kill_9_mid_stream_loses_no_item(tmp_path: Path) -> None:
    items = _items()
    with EmbeddedBroker() as broker:
        asyncio.run(ensure_streams(broker.bootstrap))
        service = _spawn(broker.bootstrap, tmp_path)
        producer = KafkaProducer(bootstrap_servers=broker.bootstrap, acks="all", linger_ms=5)
        try:
            for item in items:
                producer.send(
                    streams.ITEMS, key=item.item_id.encode(), value=item.model_dump_json().encode()
                )
            producer.flush()
            published = lambda: len(_classified_ids(broker.bootstrap))  # noqa: E731
            for kill_at in (ITEMS // 4, ITEMS // 2):
                wait_for_progress(published, kill_at, 90, "classified items before the kill")
                service.send_signal(signal.SIGKILL)
                service.wait()
                service = _spawn(broker.bootstrap, tmp_path)
            wait_for_progress(published, ITEMS, 90, "a ClassifiedItem for every item")
            lag = lambda: ITEMS - _lag(broker.bootstrap)  # noqa: E731
            wait_for_progress(lag, ITEMS, 60, "the group's offsets at the end")
            found = _classified_ids(broker.bootstrap)
            letters = read_stream_to_end(broker.bootstrap, streams.DEAD_LETTER)
        finally:
            service.send_signal(signal.SIGKILL)
            service.wait()
            producer.close()
    assert found == {item.item_id.encode() for item in items}
    assert letters == []
