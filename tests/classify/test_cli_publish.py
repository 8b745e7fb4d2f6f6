"""The CLI's two publishers (`wirewatch topics add` announcing a definition, `wirewatch
reclassify` republishing changed items) on the real broker (Tansu): they go through the
services' publish path (``KeyedProducer``), so each record lands on the partition its
key hashes to, with the JSON content type and the key as correlation id."""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiokafka.errors import KafkaConnectionError
from aiokafka.partitioner import murmur2
from typer.testing import CliRunner
from wirewatch_classify import itemstore, reclassify, user_topics
from wirewatch_classify.engine import Classifier
from wirewatch_shared import streams
from wirewatch_shared.db import make_engine
from wirewatch_shared.events import ClassifiedItem, FeedItem, TopicDefinitionEvent
from wirewatch_shared.kafka_admin import ensure_streams

from tests.classify.support import stored_records
from tests.support.env import cli_database, run_wirewatch
from tests.support.streams import read_from_start
from wirewatch.cli import app
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration

Record = tuple[int, bytes, dict[str, bytes], bytes]


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kafka_bootstrap: str) -> str:
    """The CLI's settings: this test's database and the session's broker; the streams exist
    (as `wirewatch up` makes sure)."""
    url = cli_database(monkeypatch, tmp_path)
    monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP", kafka_bootstrap)
    asyncio.run(ensure_streams(kafka_bootstrap, [streams.TOPIC_DEFINITIONS, streams.CLASSIFIED]))
    return url


def read_keyed(
    bootstrap: str, topic: str, keys: Collection[bytes], timeout: float = 30.0
) -> tuple[int, list[Record]]:
    """The partition count of ``topic`` and its records keyed by one of ``keys``, read from
    the start until every key was seen."""
    count, kept = read_from_start(
        bootstrap,
        topic,
        lambda rs: {r.key for r in rs} == set(keys),
        lambda r: r.key in keys,
        timeout,
    )
    return count, [(r.partition, r.key, dict(r.headers), r.value) for r in kept]


def assert_keyed(count: int, records: list[Record]) -> None:
    for partition, key, headers, _ in records:
        assert partition == (murmur2(key) & 0x7FFFFFFF) % count
        assert headers["content-type"] == b"application/json"
        assert headers["correlation_id"] == key


def test_topics_add_announces_on_the_control_topic(cli_env: str, kafka_bootstrap: str) -> None:
    name = f"cli-{uuid.uuid4().hex[:8]}"
    result = CliRunner().invoke(app, ["topics", "add", name, "--phrases", "pateras,cayucos"])
    assert result.exit_code == 0, result.output
    assert "announced to running classifiers" in result.stdout
    count, records = read_keyed(kafka_bootstrap, streams.TOPIC_DEFINITIONS, [name.encode()])
    assert len(records) == 1
    assert_keyed(count, records)
    event = TopicDefinitionEvent.model_validate_json(records[0][3])
    assert (event.name, event.definition) == (
        name,
        {"kind": "phrases", "phrases": ["pateras", "cayucos"]},
    )


def _store(url: str, items: list[FeedItem]) -> str:
    """Store ``items`` as classified by the shipped topics, then add a user topic; its name."""
    engine = make_engine(url)
    try:
        upgrade(engine)
        base = Classifier.load()
        itemstore.save_items(engine, stored_records(base, items))
        name = f"re-{uuid.uuid4().hex[:8]}"
        user_topics.create(engine, user_topics.validate(name, phrases=["pateras"], reserved=[]))
        return name
    finally:
        engine.dispose()


def test_reclassify_republishes_changed_items(cli_env: str, kafka_bootstrap: str) -> None:
    day = datetime(2024, 5, 1, tzinfo=UTC)
    run = uuid.uuid4().hex[:8]
    changed = [
        FeedItem(
            item_id=f"https://example.org/{run}/pateras-{n}",
            feed_id=1,
            feed_url="https://example.org/feed",
            title=f"{n + 2} pateras reach Lampedusa",
            published=day,
            fetched_at=day,
        )
        for n in range(40)
    ]
    same = changed[0].model_copy(update={"item_id": f"bakery-{run}", "title": "Bakery award"})
    name = _store(cli_env, [*changed, same])

    result = CliRunner().invoke(app, ["reclassify", "--since", "2024-05-01"])
    assert result.exit_code == 0, result.output
    assert "reclassified 41 items; republished 40 with changed matches" in result.stdout
    keys = {it.item_id.encode() for it in changed}
    count, records = read_keyed(kafka_bootstrap, streams.CLASSIFIED, keys)
    assert len(records) == 40
    assert len({p for p, _, _, _ in records}) > 1  # really spread over partitions
    assert_keyed(count, records)
    for _, key, _, value in records:
        event = ClassifiedItem.model_validate_json(value)
        assert event.item.item_id.encode() == key
        assert name in {m.topic for m in event.matches}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_publishers_raise_promptly_when_no_broker_answers() -> None:
    bootstrap = f"127.0.0.1:{_closed_port()}"
    event = user_topics.definition_event("boats", None)
    started = time.monotonic()
    with pytest.raises(KafkaConnectionError):
        user_topics.announce(bootstrap, event, timeout_s=5)
    with pytest.raises(KafkaConnectionError):
        reclassify.kafka_publisher(bootstrap, timeout_s=5)
    assert time.monotonic() - started < 10


def test_topics_add_without_a_broker_says_so_and_closes_the_producer(tmp_path: Path) -> None:
    """The definition is stored; the announcement fails in one line, with no "Unclosed
    AIOKafkaProducer" at exit (the producer that could not start was closed)."""
    env = {
        "WIREWATCH_DATA_DIR": str(tmp_path / "data"),
        "WIREWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "WIREWATCH_KAFKA_BOOTSTRAP": f"127.0.0.1:{_closed_port()}",
    }
    done = run_wirewatch(["topics", "add", "boats", "--phrases", "pateras"], env=env)
    assert done.returncode == 0, done.stderr
    assert "topic boats added; could not announce on Kafka (KafkaConnectionError)" in done.stdout
    assert "Unclosed" not in done.stderr
