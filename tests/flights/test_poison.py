"""Records that cannot be stored never jam the flights stage (the scenarios:
:class:`tests.support.poison.PoisonTests`): dead-lettered, and the next record of the
partition is stored; a held lock is retried until the record goes through."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from wirewatch_flights.app import FlightsService
from wirewatch_flights.models import FlightObservation
from wirewatch_flights.settings import FlightsSettings
from wirewatch_shared.db import session_scope

from tests.support.poison import PoisonTests, Stage

pytestmark = pytest.mark.integration


def _stored(engine: Engine, item_id: str) -> bool:
    with session_scope(engine) as session:
        return session.get(FlightObservation, item_id) is not None


class TestFlightsPoison(PoisonTests):
    stage = Stage(
        FlightsService,
        FlightsSettings,
        group_field="flights_consumer_group",
        stored=_stored,
        locked_table="flights_observation",
        failure_event="recording flights failed",
        extra={"flights_source": "classified"},  # items straight from classify
    )
