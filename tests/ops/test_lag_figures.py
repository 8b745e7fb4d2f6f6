"""The figures operators read, against ground truth on the real embedded stack.

N items and K undecodable records go onto the items stream before classify runs; the
lag `wirewatch status` reports (committed offsets vs highwater) must be N + K then 0
once classify has run, and classify's own /metrics must agree with the broker: lag,
highwater and position per partition, items classified, records dead-lettered (also
counted on the dead-letter stream itself).
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from kafka import KafkaProducer
from wirewatch_shared import streams
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.events import FeedItem
from wirewatch_shared.kafka_admin import ensure_streams, group_lag

from tests.ops.support import get, value, wait_until
from tests.support.env import WIREWATCH, is_setting
from tests.support.listening import served_url
from tests.support.streams import read_stream_to_end

pytestmark = pytest.mark.integration

N, K = 40, 3
CLASSIFY = {streams.GROUP_CLASSIFY: streams.ITEMS}


@pytest.fixture
def broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as running:
        yield running


def _item(n: int) -> bytes:
    now = datetime.now(UTC)
    item = FeedItem(
        item_id=uuid.uuid4().hex,
        feed_id=1,
        feed_url="https://example.org/feed.xml",
        feed_title="Border Desk",
        title=f"Deportation flight {n} lands in Caracas" if n % 2 else f"Bread award {n}",
        summary="Officials said the charter flight landed.",
        link=f"https://example.org/news/{n}",
        published=now,
        fetched_at=now,
        language="en",
    )
    return item.model_dump_json().encode()


def _produce(bootstrap: str, bodies: list[bytes]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    try:
        for n, body in enumerate(bodies):
            producer.send(streams.ITEMS, body, key=f"key-{n}".encode())
        producer.flush(timeout=20)
    finally:
        producer.close()


def _classify(bootstrap: str, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    env.update(
        WIREWATCH_KAFKA_BOOTSTRAP=bootstrap,
        WIREWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'wirewatch.db'}",
        WIREWATCH_KAFKA_SESSION_TIMEOUT_MS="2000",
        WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS="500",
        WIREWATCH_LOG_LEVEL="WARNING",
        WIREWATCH_HTTP_PORT="0",
    )
    with (tmp_path / "classify.log").open("wb") as log:
        process = subprocess.Popen(
            [WIREWATCH, "service", "classify"], env=env, cwd=tmp_path, stdout=log, stderr=log
        )
    return process


async def _status_lag(bootstrap: str) -> tuple[int, int]:
    rows = await group_lag(bootstrap, CLASSIFY)
    return sum(r.lag or 0 for r in rows), sum(r.highwater or 0 for r in rows)


async def test_lag_and_dead_letter_figures_match_the_broker(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    await ensure_streams(broker.bootstrap)
    _produce(broker.bootstrap, [_item(n) for n in range(N)] + [b"not json"] * K)
    assert await _status_lag(broker.bootstrap) == (N + K, N + K)

    process = _classify(broker.bootstrap, tmp_path)
    try:
        url = served_url(process)
        await wait_until(
            lambda: _lag_is_zero(broker.bootstrap), timeout=120, message="classify never caught up"
        )
        metrics = (await get(f"{url}/metrics")).text
        group = {"group": streams.GROUP_CLASSIFY, "topic": streams.ITEMS}
        assert value(metrics, "wirewatch_consumer_lag_messages", **group) == 0
        assert value(metrics, "wirewatch_consumer_highwater_offset", **group) == N + K
        assert value(metrics, "wirewatch_consumer_position_offset", **group) == N + K
        assert value(metrics, "wirewatch_consumer_committed_offset", **group) == N + K
        assert value(metrics, "wirewatch_classify_items_total") == N
        letters = read_stream_to_end(broker.bootstrap, streams.DEAD_LETTER)
        assert len(letters) == K
    finally:
        process.kill()
        process.wait()


async def _lag_is_zero(bootstrap: str) -> bool:
    return (await _status_lag(bootstrap))[0] == 0


async def test_a_batch_stuck_in_retries_shows_as_lag(
    kafka_bootstrap: str, database_url: str, tmp_path: Path
) -> None:
    """Lag is what the group has not committed: a batch fetched but retried for ever
    (its writes blocked) used to read as lag 0 (highwater - position) while `wirewatch
    status` said the opposite, and the stalled-consumer alert could not fire."""
    from wirewatch_shared.lag import consumer_lag
    from wirewatch_stories.app import StoriesService
    from wirewatch_stories.settings import StoriesSettings

    from tests.notify.support import classified
    from tests.support.poison import impatient_engine, settings_at_end, wait_for, write_lock
    from wirewatch.schema import upgrade

    engine = impatient_engine(database_url)
    upgrade(engine)
    settings = settings_at_end(
        StoriesSettings, "stories_consumer_group", kafka_bootstrap, database_url, "lag"
    )
    group = settings.stories_consumer_group
    service = StoriesService(settings, engine)
    service.guard.backoff.base_s = 0.05
    app = service.build_app()
    await app.start()

    async def lag() -> tuple[int, int]:
        rows = [s for s in await consumer_lag(service.broker, "stories") if s.group == group]
        committed = await group_lag(kafka_bootstrap, {group: streams.CLASSIFIED})
        return sum(s.lag or 0 for s in rows), sum(r.lag or 0 for r in committed)

    try:
        with write_lock(database_url, "stories_lock"):
            producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
            for n in range(5):
                body = classified("repatriation-flights").model_dump_json().encode()
                producer.send(streams.CLASSIFIED, body, key=f"stuck-{n}".encode())
            producer.flush(timeout=20)
            producer.close()
            await wait_for(lambda: service.guard.backoff.failures >= 2)
            in_metrics, in_status = await lag()
            assert in_metrics == in_status  # metrics and `wirewatch status` agree
            assert in_metrics >= 5  # the stuck batch, at least, is not committed
        await wait_for(lambda: service.guard.backoff.failures == 0)
        await wait_until(lambda: _both_zero(lag), timeout=30, message="lag never back to 0")
    finally:
        await app.stop()
        engine.dispose()


async def _both_zero(lag: Callable[[], Awaitable[tuple[int, int]]]) -> bool:
    return await lag() == (0, 0)
