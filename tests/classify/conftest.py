"""Fixtures for the classify tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from wirewatch_classify.app import ClassifyService
from wirewatch_classify.engine import Classifier
from wirewatch_classify.settings import ClassifySettings
from wirewatch_classify.topicdef import load_topics
from wirewatch_shared import streams
from wirewatch_shared.kafka_admin import ensure_streams

from wirewatch.schema import upgrade


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    return Classifier.load()


@pytest.fixture(scope="session")
def rules() -> Classifier:
    """The shipped topic files without the model: what the rule-round tests read."""
    return Classifier(load_topics())


@pytest.fixture
async def service(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[ClassifyService]:
    """A classify service with its producer (and broker connection) started, no
    consumer group: the tests hand batches to its handler themselves (test_integration
    has its own, the whole app started)."""
    await ensure_streams(kafka_bootstrap, [streams.CLASSIFIED, streams.DEAD_LETTER])
    settings = ClassifySettings(
        kafka_bootstrap=kafka_bootstrap, database_url=f"sqlite:///{tmp_path / 'c.db'}"
    )
    svc = ClassifyService(settings)
    upgrade(svc.engine)
    await svc.broker.connect()
    await svc.producer.start()
    try:
        yield svc
    finally:
        await svc.flush_store()
        await svc.producer.stop()
        await svc.broker.stop()
        svc.engine.dispose()
