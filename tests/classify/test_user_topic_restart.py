"""User topics across a restart of classify (stop 38): the table read, then the control
log replayed. Control events replayed after a restart overrode the table (a topic removed
while no broker ran came back); a stored definition that no longer compiles is logged;
the replay rebuilds the classifier once per batch of control events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from wirewatch_classify import user_topics
from wirewatch_classify.app import ClassifyService
from wirewatch_classify.engine import Classifier
from wirewatch_classify.settings import ClassifySettings

from tests.support.env import cli_database
from wirewatch.schema import upgrade


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cli_database(monkeypatch, tmp_path)


@pytest.fixture
async def restarted(tmp_path: Path) -> AsyncIterator[tuple[ClassifySettings, Path]]:
    db = tmp_path / "c.db"
    settings = ClassifySettings(kafka_bootstrap="127.0.0.1:9", database_url=f"sqlite:///{db}")
    yield settings, db


def _service(settings: ClassifySettings) -> ClassifyService:
    service = ClassifyService(settings)
    upgrade(service.engine)
    return service


async def test_a_topic_removed_without_a_broker_stays_removed_after_a_restart(
    restarted: tuple[ClassifySettings, Path],
) -> None:
    settings, _ = restarted
    first = _service(settings)
    definition = user_topics.validate("boats", phrases=["pateras"], reserved=[])
    user_topics.create(first.engine, definition)
    announced = user_topics.definition_event("boats", definition).model_dump_json().encode()
    user_topics.delete(first.engine, "boats")  # `topics remove` while `up` was stopped
    first.engine.dispose()

    second = _service(settings)  # the restart: table read, then the control log replayed
    try:
        await second.reload_user_topics()
        await second.handle_definition(announced)
        assert "boats" not in second.classifier.user_topics
        matches, _ = second.classifier.classify("Llegan tres pateras a Lampedusa", "")
        assert matches == ()
    finally:
        second.engine.dispose()


async def test_a_topic_replaced_without_a_broker_keeps_the_new_query_after_a_restart(
    restarted: tuple[ClassifySettings, Path],
) -> None:
    settings, _ = restarted
    first = _service(settings)
    old = user_topics.validate("boats", query="pateras", reserved=[])
    user_topics.create(first.engine, old)
    announced = user_topics.definition_event("boats", old).model_dump_json().encode()
    new = user_topics.validate("boats", query="cayucos", reserved=[])
    user_topics.create(first.engine, new, replace=True)
    first.engine.dispose()

    second = _service(settings)
    try:
        await second.reload_user_topics()
        await second.handle_definition(announced)
        assert second.classifier.user_topics["boats"].source == "cayucos"
        # A change announced after the table was read still applies at once.
        newest = user_topics.validate("boats", query="lanchas", reserved=[])
        user_topics.create(second.engine, newest, replace=True)
        event = user_topics.definition_event("boats", newest).model_dump_json().encode()
        await second.handle_definition(event)
        assert second.classifier.user_topics["boats"].source == "lanchas"
        fresh = user_topics.validate("ev-only", phrases=["pateras"], reserved=[])
        event = user_topics.definition_event("ev-only", fresh).model_dump_json().encode()
        await second.handle_definition(event)
        assert "ev-only" in second.classifier.user_topics
    finally:
        second.engine.dispose()


def test_a_stored_definition_that_no_longer_compiles_is_logged_not_dropped_silently(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import structlog

    # A fresh proxy: one cached by an earlier test would bypass capture_logs.
    monkeypatch.setattr(user_topics, "log", structlog.get_logger(user_topics.__name__))
    broken = user_topics.Definition("broken", "query", query="deport* AND (flight")
    good = user_topics.Definition("good", "phrases", phrases=("pateras",))
    with structlog.testing.capture_logs() as lines:
        compiled = user_topics.compile_all([broken, good])
    assert [t.name for t in compiled] == ["good"]
    assert [(line["topic"], line["log_level"]) for line in lines] == [("broken", "warning")]
    assert "never closed" in lines[0]["error"]


async def test_a_restart_replays_the_control_log_with_one_rebuild_per_batch(
    kafka_bootstrap: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every control event that was not ignored rebuilt the whole classifier, also while
    a (re)starting classifier replays the log: 200 events, 200 rebuilds before it is up
    to date. Now one rebuild per batch the broker hands over."""
    import asyncio
    import time
    import uuid

    from wirewatch_classify import user_topics
    from wirewatch_classify.app import ClassifyService
    from wirewatch_classify.settings import ClassifySettings
    from wirewatch_shared import streams
    from wirewatch_shared.kafka_admin import ensure_streams
    from wirewatch_shared.producer import KeyedProducer

    from wirewatch.schema import upgrade

    count = 200
    await ensure_streams(kafka_bootstrap, [streams.TOPIC_DEFINITIONS])
    settings = ClassifySettings(
        kafka_bootstrap=kafka_bootstrap,
        database_url=f"sqlite:///{tmp_path / 'c.db'}",
        classify_user_topics_poll_s=600,  # the replay alone brings the events' versions
    )
    run = uuid.uuid4().hex[:8]
    names = [f"r{run}-{i}" for i in range(count)]
    service = ClassifyService(settings)
    upgrade(service.engine)
    # As `topics add --replace` does: the row written, then the change announced (the
    # event is newer than the row, so the replay applies it over the table).
    records = []
    for i, name in enumerate(names):
        user_topics.create(service.engine, user_topics.validate(name, query=f"old{i}", reserved=[]))
    for i, name in enumerate(names):
        newer = user_topics.validate(name, query=f"new{i}", reserved=[])
        event = user_topics.definition_event(name, newer)
        records.append((name.encode(), event.model_dump_json().encode()))
    producer = KeyedProducer(settings, client_suffix="test")
    await producer.start()
    try:
        await producer.publish(streams.TOPIC_DEFINITIONS, records)
    finally:
        await producer.stop()

    rebuilds = 0
    original = Classifier.with_user_topics

    def counted(self: Classifier, topics: object) -> Classifier:
        nonlocal rebuilds
        rebuilds += 1
        return original(self, topics)  # type: ignore[arg-type]

    monkeypatch.setattr(Classifier, "with_user_topics", counted)

    def replayed() -> bool:
        topics = service.classifier.user_topics
        return all(n in topics and topics[n].source == f"new{i}" for i, n in enumerate(names))

    app = service.build_app()
    started = time.monotonic()
    await app.start()
    try:
        deadline = time.monotonic() + 120
        while not replayed():
            assert time.monotonic() < deadline, f"replay incomplete after {rebuilds} rebuilds"
            await asyncio.sleep(0.05)
        elapsed = time.monotonic() - started
    finally:
        await app.stop()
        service.engine.dispose()
    print(f"\n{count} control events replayed in {elapsed:.2f} s, {rebuilds} rebuilds")
    assert rebuilds <= 10, rebuilds
