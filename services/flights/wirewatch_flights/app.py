"""Flights stage: a FastStream app that turns flight reports into flight records.

Consumes story events on ``streams.STORIES`` (or, with ``WIREWATCH_FLIGHTS_SOURCE=
classified``, classified items on ``streams.CLASSIFIED``) in batches, group
``streams.GROUP_FLIGHTS``. Each item tagged with a flights topic goes through the pure
extractor (:mod:`wirewatch_flights.extract`); its observation is stored and its record
merged (:mod:`wirewatch_flights.store`), and a :class:`FlightRecordEvent` is published on
``streams.FLIGHTS`` when a record is created or changes, and again when an item is read
again (its first delivery may have died before the event went out). Offsets are
committed after the batch is stored and its events confirmed. A batch is handled in one
call (one thread hop; each observation still its own transaction) and its events' sends
are started together and their confirmations awaited together. Run alone with
``wirewatch service flights`` or ``faststream run wirewatch_flights.app:create_app --factory``.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable

from faststream import FastStream
from sqlalchemy.engine import Engine
from wirewatch_shared import streams
from wirewatch_shared.broker import JSON_HEADERS
from wirewatch_shared.events import ClassifiedItem, FlightRecordEvent, StoryEvent
from wirewatch_shared.logging import get_logger
from wirewatch_shared.service import ServiceBase, service_app

from wirewatch_flights import store
from wirewatch_flights.extract import load_tables
from wirewatch_flights.intake import Intake, observe, observe_story_event
from wirewatch_flights.settings import FlightsSettings

log = get_logger(__name__)


class FlightsService(ServiceBase[FlightsSettings]):
    """Owns the broker and the consumer of flight reports (story events or classified items)."""

    def __init__(self, settings: FlightsSettings, engine: Engine | None = None) -> None:
        super().__init__(settings, engine, client="flights")
        load_tables()  # at start, not on the first item of a busy stream
        self.source_stream = (
            streams.STORIES if settings.flights_source == "stories" else streams.CLASSIFIED
        )
        self.flights_publisher = self.broker.publisher(
            streams.FLIGHTS, title="flights", description="Flight record created or changed"
        )
        # Decode, store, commit; a record refused for good is dead-lettered, a transient
        # failure commits nothing and is retried after a backoff. The whole batch in one
        # call (stop 40: it was one record at a time, a thread hop and a publish awaited
        # alone per record). A failure may leave part of a batch stored with its events
        # unpublished: that is safe because each observation is its own transaction and
        # an item read again republishes its record's current event (``_store``), whether
        # the guard retries the batch (transient) or splits it to dead-letter one record
        # (permanent).
        self.guard = self.consume(
            self.source_stream,
            settings.flights_consumer_group,
            "recording flights failed",
            self._intake,
            self.handle,
            max_records=settings.flights_batch_max_records,
            title="flight-reports",
        )

    def _intake(self, body: bytes) -> Intake | None:
        topics = self.settings.flights_topics
        if self.source_stream == streams.STORIES:
            return observe_story_event(StoryEvent.model_validate_json(body), topics)
        return observe(ClassifiedItem.model_validate_json(body), None, topics)

    async def handle(self, intakes: list[Intake]) -> list[FlightRecordEvent]:
        """Store the observations (one thread hop for them all), then publish the events
        of the records that changed; returns once the broker has confirmed every one."""
        if not intakes:
            return []
        events = await asyncio.to_thread(self._store, intakes)
        # Every send is started before any confirmation is awaited: aiokafka appends each
        # record to its partition's batch in call order (one event per record id, keyed
        # by it, so a record's events keep their order), and one wait covers them all.
        pending: list[Awaitable[object]] = []
        try:
            for event in events:
                sent = await self.flights_publisher.publish(
                    event.model_dump_json().encode(),
                    key=event.record_id.encode(),
                    headers=JSON_HEADERS,
                    no_confirm=True,
                )
                if inspect.isawaitable(sent):
                    pending.append(sent)
        finally:
            # Every confirmation is awaited, even after a failed send or confirmation (no
            # future left with its error unretrieved); the first error is raised for the
            # guard to classify (a record too large is refused at ``send`` itself).
            results = await asyncio.gather(*pending, return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise result
        for event in events:
            log.info(
                "flight record " + event.change,
                record_id=event.record_id,
                route=f"{event.origin or '?'}->{event.destination or '?'}",
                status=event.status,
                people=event.people,
            )
        return events

    def _store(self, intakes: list[Intake]) -> list[FlightRecordEvent]:
        latest: dict[str, FlightRecordEvent] = {}
        windows = store.Windows(
            self.settings.flights_merge_window_days, self.settings.flights_planned_window_days
        )
        # One connection for the batch (one checkout, one pre-ping), each observation
        # still its own transaction on it (stop 42).
        with self.engine.connect() as conn:
            for intake in intakes:
                event = store.record_observation(conn, intake.observation, intake.source, windows)
                if event is None:  # read again: its record's event may never have gone out
                    event = store.current_event(conn, intake.observation.item_id)
                if event is not None:
                    previous = latest.get(event.record_id)
                    if previous is not None and previous.change == "created":
                        event = event.model_copy(update={"change": "created"})
                    latest[event.record_id] = event
        return list(latest.values())


def create_app(settings: FlightsSettings | None = None) -> FastStream:
    return service_app(FlightsService, settings or FlightsSettings())
