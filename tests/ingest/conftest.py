"""Fixtures for the ingest tests: a feed server on 127.0.0.1 and poller factories."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from wirewatch_ingest import feedstore
from wirewatch_ingest.poller import FeedPoller
from wirewatch_ingest.processor import PollOutcome
from wirewatch_ingest.settings import IngestSettings
from wirewatch_shared.db import make_engine

from tests.ingest.support import Collector, FeedServer
from wirewatch.schema import upgrade


def ingest_settings(**overrides: Any) -> IngestSettings:
    values: dict[str, Any] = {
        "ingest_allow_private_networks": True,  # the feed server lives on 127.0.0.1
        "parse_workers": 0,
        "host_min_gap_s": 0.0,
        "host_max_concurrent": 8,
        "poll_tick_s": 0.05,
        "seed_default_feeds": False,
        "poll_jitter": 0.0,
    }
    values.update(overrides)
    return IngestSettings(**values)


async def poll_once(engine: Engine, url: str) -> tuple[PollOutcome, Collector]:
    """Add the feed at ``url`` and poll it once with a poller of its own: the outcome, and
    what the poll published."""
    feedstore.add_feed(engine, url)
    collector = Collector()
    poller = FeedPoller(engine, ingest_settings(), collector)
    try:
        (outcome,) = await poller.run_until_idle()
    finally:
        await poller.aclose()
    return outcome, collector


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


PollerFactory = Callable[..., FeedPoller]


@pytest.fixture
async def make_poller(sqlite_engine: Engine) -> AsyncIterator[PollerFactory]:
    pollers: list[FeedPoller] = []

    def factory(
        collector: Collector, *, engine: Engine | None = None, **overrides: Any
    ) -> FeedPoller:
        poller = FeedPoller(engine or sqlite_engine, ingest_settings(**overrides), collector)
        pollers.append(poller)
        return poller

    yield factory
    for poller in pollers:
        await poller.aclose()
