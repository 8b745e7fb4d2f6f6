"""Records that cannot be stored never jam the flights stage.

Over the real broker, on SQLite and PostgreSQL: a record over an event bound is refused
at decoding, a record the database refuses (PostgreSQL cannot store a NUL character as
text) is isolated from its batch; both go to the dead-letter topic and the next record of
the same partition is stored. A held lock (a transient error) is retried, one log line
per retry and the traceback once, until the record goes through.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from wirewatch_flights.app import FlightsService
from wirewatch_flights.models import FlightObservation
from wirewatch_flights.settings import FlightsSettings
from wirewatch_shared.db import session_scope

from tests.support.poison import (
    assert_one_line_per_retry,
    impatient_engine,
    poison_then_good,
    retried_while_locked,
)
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration
TOPIC = "repatriation-flights"


@pytest.fixture
def service(database_url: str, kafka_bootstrap: str) -> Iterator[FlightsService]:
    settings = FlightsSettings(
        kafka_bootstrap=kafka_bootstrap,
        database_url=database_url,
        flights_consumer_group=f"flights-poison-{uuid.uuid4().hex[:8]}",
        flights_source="classified",  # items straight from classify
        log_level="WARNING",
    )
    engine = impatient_engine(database_url)
    upgrade(engine)
    yield FlightsService(settings, engine)
    engine.dispose()


def _stored(engine: Engine, item_id: str) -> bool:
    with session_scope(engine) as session:
        return session.get(FlightObservation, item_id) is not None


async def test_poison_records_are_dead_lettered_and_the_partition_goes_on(
    service: FlightsService, database_url: str
) -> None:
    group = service.settings.flights_consumer_group
    await poison_then_good(
        service, group, lambda item_id: _stored(service.engine, item_id), database_url, TOPIC
    )


async def test_a_transient_error_is_retried_one_line_per_retry(
    service: FlightsService, database_url: str
) -> None:
    lines = await retried_while_locked(
        service, lambda i: _stored(service.engine, i), database_url, "flights_observation", TOPIC
    )
    assert_one_line_per_retry(lines, "recording flights failed")
