"""Durable embedded mode: queued items and committed offsets survive restarts.

First the broker alone (Tansu on a local SeaweedFS S3 store), then the whole
`wirewatch up` (System) over the same data directory.
"""

from __future__ import annotations

import asyncio
import json
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from faststream.kafka import KafkaBroker
from wirewatch_shared import streams
from wirewatch_shared.events import FeedItem
from wirewatch_shared.kafka_admin import ensure_streams, group_lag

from tests.ops.conftest import FEED, engine_with_a_webhook, ops_overrides
from tests.ops.support import wait_until
from tests.support.http import HttpReceiver, Reply
from tests.support.smtp import SmtpSink
from wirewatch.ops.durable import DurableBroker, DurableModeUnavailable, weed_binary
from wirewatch.ops.settings import OpsSettings
from wirewatch.runner import System

pytestmark = pytest.mark.integration
GROUP = "wirewatch-durable-test"


@pytest.fixture(autouse=True)
def _needs_seaweedfs() -> None:
    try:
        weed_binary()
    except DurableModeUnavailable as exc:
        pytest.skip(str(exc))


async def _consume(bootstrap: str, count: int) -> list[bytes]:
    """Read ``count`` messages in GROUP and commit exactly what was read."""
    consumer = AIOKafkaConsumer(
        streams.ITEMS,
        bootstrap_servers=bootstrap,
        group_id=GROUP,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        session_timeout_ms=2000,  # Tansu holds a join for half of it: keep it short
        heartbeat_interval_ms=500,
        fetch_max_wait_ms=30,
    )
    await consumer.start()
    got: list[bytes] = []
    try:
        while len(got) < count:
            batch = await consumer.getmany(timeout_ms=500, max_records=count - len(got))
            offsets: dict[TopicPartition, int] = {}
            for tp, records in batch.items():
                got.extend(r.value or b"" for r in records)
                offsets[tp] = records[-1].offset + 1
            if offsets:
                await consumer.commit(offsets)
    finally:
        await consumer.stop()
    return got


async def test_broker_restart_keeps_messages_and_offsets(tmp_path: Path) -> None:
    broker = await asyncio.to_thread(DurableBroker(tmp_path).start)
    try:
        await ensure_streams(broker.bootstrap, [streams.ITEMS], partitions=3)
        producer = KafkaBroker(broker.bootstrap, linger_ms=5)
        await producer.connect()
        await asyncio.gather(
            *(
                producer.publish(f"m{i}".encode(), streams.ITEMS, key=f"k{i}".encode())
                for i in range(30)
            )
        )
        await producer.stop()
        first = await _consume(broker.bootstrap, 10)
    finally:
        await asyncio.to_thread(broker.stop)

    again = await asyncio.to_thread(DurableBroker(tmp_path).start)
    try:
        rows = await group_lag(again.bootstrap, {GROUP: streams.ITEMS})
        assert sum(r.committed or 0 for r in rows) == 10, rows
        assert sum(r.highwater or 0 for r in rows) == 30, rows
        rest = await _consume(again.bootstrap, 20)
    finally:
        await asyncio.to_thread(again.stop)
    assert sorted(first + rest) == sorted(f"m{i}".encode() for i in range(30))


async def test_a_seaweedfs_port_taken_on_start_moves_the_broker_storage_too(
    tmp_path: Path,
) -> None:
    """SeaweedFS exits when a port it was given is taken, and starts again on others;
    Tansu must then store through the new S3 endpoint (it once kept the first one, and
    the first metadata request after a restart failed: "connection refused")."""
    durable = DurableBroker(tmp_path)
    first_endpoint = durable.s3.endpoint
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", durable.s3.ports["s3.grpc"]))
        squatter.listen()
        broker = await asyncio.to_thread(durable.start)
    try:
        assert durable.s3.endpoint != first_endpoint
        assert durable.broker.env["AWS_ENDPOINT"] == durable.s3.endpoint
        await ensure_streams(broker.bootstrap, [streams.ITEMS], partitions=1)
        producer = KafkaBroker(broker.bootstrap)
        await producer.connect()
        await producer.publish(b"stored", streams.ITEMS, key=b"k")
        await producer.stop()
        assert await _consume(broker.bootstrap, 1) == [b"stored"]
    finally:
        await asyncio.to_thread(broker.stop)


async def _classified_count(bootstrap: str) -> int:
    rows = await group_lag(bootstrap, {streams.GROUP_NOTIFY: streams.CLASSIFIED})
    return sum(r.highwater or 0 for r in rows)


async def _classified_is(bootstrap: str, count: int) -> bool:
    return await _classified_count(bootstrap) == count


async def test_up_restart_resumes_from_committed_offsets(tmp_path: Path) -> None:
    from wirewatch_ingest import feedstore as feed_store

    web = HttpReceiver()
    web.routes["/feed.xml"] = Reply(200, FEED.encode(), {"content-type": "application/rss+xml"})
    web.routes["/hook"] = Reply(204, b"")
    web.start()
    smtp = SmtpSink()
    smtp.start()
    database_url = f"sqlite:///{tmp_path / 'wirewatch.db'}"
    engine = engine_with_a_webhook(database_url, web.url("/hook"))
    feed_store.add_feed(engine, web.url("/feed.xml"))

    def overrides() -> dict[str, object]:
        values = ops_overrides(database_url, smtp, tmp_path / "secret.key")
        return {**values, "durable": True, "data_dir": str(tmp_path / "data")}

    try:
        first = System(overrides(), serve_http=False)
        try:
            await first.start()
            await asyncio.to_thread(web.wait_for, 1, "/hook", "POST", 30.0)
            bootstrap = str(first.overrides["kafka_bootstrap"])
            await wait_until(lambda: _classified_is(bootstrap, 2), timeout=20)
        finally:
            await first.stop()

        # While Wirewatch is down, one more story is queued on the items topic.
        queued = FeedItem(
            item_id="queued-while-down",
            feed_id=1,
            feed_url=web.url("/feed.xml"),
            title="Second deportation flight to Venezuela departs from Texas",
            summary="A charter flight carrying deportees left for Caracas, officials said.",
            published=datetime.now(UTC),
            fetched_at=datetime.now(UTC),
            language="en",
        )
        broker = await asyncio.to_thread(
            DurableBroker(OpsSettings(data_dir=tmp_path / "data").broker_dir).start
        )
        try:
            producer = KafkaBroker(broker.bootstrap)
            await producer.connect()
            await producer.publish(
                queued.model_dump(mode="json"), streams.ITEMS, key=b"queued-while-down"
            )
            await producer.stop()
        finally:
            await asyncio.to_thread(broker.stop)

        second = System(overrides(), serve_http=False)
        try:
            await second.start()
            hooks = await asyncio.to_thread(web.wait_for, 2, "/hook", "POST", 30.0)
            bootstrap = str(second.overrides["kafka_bootstrap"])
            # Only the queued item was classified again: the committed offsets survived.
            await wait_until(lambda: _classified_is(bootstrap, 3), timeout=20)
            assert await _classified_count(bootstrap) == 3
        finally:
            await second.stop()
        ids = [json.loads(h.body)["data"]["item"]["id"] for h in hooks]
        assert ids[1] == "queued-while-down" and len(set(ids)) == 2
    finally:
        engine.dispose()
        smtp.stop()
        web.stop()
