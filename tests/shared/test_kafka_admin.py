"""The Kafka admin adapter (aiokafka) on the real broker (Tansu), and no service process
loading kafka-python for it."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from wirewatch_shared.embedded import free_port
from wirewatch_shared.kafka_admin import ensure_streams, group_lag

from tests.support.env import is_setting

pytestmark = pytest.mark.integration


def _topic(name: str) -> str:
    return f"test.admin.{name}.{uuid.uuid4().hex[:8]}"


@pytest.mark.parametrize("service", ["ingest", "classify", "stories", "flights", "notify"])
def test_a_service_process_does_not_import_kafka_python(service: str, tmp_path: Path) -> None:
    """Each service is built as ``wirewatch service NAME`` builds it; its Kafka client is
    aiokafka alone (FastStream's), the admin side included."""
    code = (
        "import sys\n"
        "import wirewatch.cli\n"
        "from wirewatch.service_runner import build_service\n"
        f"build_service({service!r})\n"
        "print('aiokafka' in sys.modules, sorted(m for m in sys.modules "
        "if m == 'kafka' or m.startswith('kafka.')))\n"
    )
    env = {k: v for k, v in os.environ.items() if not is_setting(k)}
    env["WIREWATCH_DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite'}"
    env["WIREWATCH_KAFKA_BOOTSTRAP"] = f"127.0.0.1:{free_port()}"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "True []", out.stdout


async def test_ensure_streams_creates_the_missing_ones_once(kafka_bootstrap: str) -> None:
    first, second = _topic("a"), _topic("b")
    assert await ensure_streams(kafka_bootstrap, [first], partitions=2) == [first]
    assert await ensure_streams(kafka_bootstrap, [first, second], partitions=3) == [second]
    assert await ensure_streams(kafka_bootstrap, [first, second]) == []
    rows = await group_lag(kafka_bootstrap, {"g-a": first, "g-b": second})
    assert [(r.topic, r.partition) for r in rows] == [
        (first, 0),
        (first, 1),
        (second, 0),
        (second, 1),
        (second, 2),
    ]


async def test_services_starting_together_create_each_stream_once(kafka_bootstrap: str) -> None:
    topic = _topic("race")
    results = await asyncio.gather(*(ensure_streams(kafka_bootstrap, [topic]) for _ in range(4)))
    assert sorted(name for created in results for name in created) == [topic]


async def test_group_lag_is_committed_against_highwater(kafka_bootstrap: str) -> None:
    topic, group = _topic("lag"), f"test-admin-{uuid.uuid4().hex[:8]}"
    await ensure_streams(kafka_bootstrap, [topic], partitions=2)
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, linger_ms=5)
    await producer.start()
    try:
        for n in range(7):
            await producer.send_and_wait(topic, b"x", partition=n % 2)
    finally:
        await producer.stop()
    consumer = AIOKafkaConsumer(
        bootstrap_servers=kafka_bootstrap, group_id=group, enable_auto_commit=False
    )
    await consumer.start()
    try:
        consumer.assign([TopicPartition(topic, 0)])
        await consumer.commit({TopicPartition(topic, 0): 3})
    finally:
        await consumer.stop()

    missing = _topic("never-created")
    rows = await group_lag(kafka_bootstrap, {group: topic, "nobody": topic, "absent": missing})
    found = {(r.group, r.partition): (r.committed, r.highwater, r.lag) for r in rows}
    assert found == {
        (group, 0): (3, 4, 1),
        (group, 1): (None, 3, 3),
        ("nobody", 0): (None, 4, 4),
        ("nobody", 1): (None, 3, 3),
    }
    # Reading the lag never creates a stream: the metadata is asked for all topics.
    assert await ensure_streams(kafka_bootstrap, [missing]) == [missing]


async def test_an_unreachable_cluster_is_one_connection_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bootstrap = f"127.0.0.1:{free_port()}"
    caplog.set_level(logging.DEBUG, logger="aiokafka")
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(ConnectionError, match=f"Kafka at {bootstrap} is not reachable"):
        await ensure_streams(bootstrap, [_topic("x")], timeout_s=0.6)
    assert 0.6 <= loop.time() - started < 5
    with pytest.raises(ConnectionError, match=f"Kafka at {bootstrap} is not reachable"):
        await group_lag(bootstrap, timeout_s=0.5)
    # aiokafka's own "Unable connect" errors, one per attempt, are not logged.
    noise = [r for r in caplog.records if r.name.startswith("aiokafka")]
    assert not [r for r in noise if r.levelno >= logging.WARNING], noise


async def test_group_lag_before_any_stream_exists_is_empty(kafka_bootstrap: str) -> None:
    """A cluster where Wirewatch's streams do not exist yet (`wirewatch status` before
    `wirewatch kafka-topics create`): no lag rows. The consumer it started and stopped at
    once raised CancelledError from aiokafka's stop, which `wirewatch status` printed as a
    traceback (and the /status page as a 500)."""
    absent = f"wirewatch.absent-{uuid.uuid4().hex[:8]}.v1"
    assert await group_lag(kafka_bootstrap, {"wirewatch-absent": absent}, timeout_s=3.0) == []
