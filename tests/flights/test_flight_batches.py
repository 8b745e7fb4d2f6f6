"""The flights stage handles a batch at once (stop 40), over the real broker, SQLite and
PostgreSQL: one thread hop stores the whole batch (each observation still its own
transaction), every event's send is started before the confirmations are awaited together;
a record the database refuses for good is still dead-lettered alone (the guard splits the
batch) and the others' events go out; a transient failure after part of the batch was
stored retries the batch and every record's event still goes out."""

from __future__ import annotations

import asyncio
import json
import random
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from kafka import KafkaProducer
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from wirewatch_flights import store
from wirewatch_flights.app import FlightsService
from wirewatch_flights.intake import Intake
from wirewatch_flights.models import FlightObservation
from wirewatch_flights.settings import FlightsSettings
from wirewatch_shared import streams
from wirewatch_shared.db import session_scope
from wirewatch_shared.events import ClassifiedItem, FlightRecordEvent

from tests.notify.support import NOW, classified
from tests.support.poison import dead_letters, impatient_engine, settings_at_end, wait_for
from tests.support.streams import read_stream_to_end
from wirewatch.schema import upgrade

pytestmark = pytest.mark.integration
TOPIC = "repatriation-flights"
CITIES = ("Caracas", "Bogota", "Tegucigalpa", "Guatemala City", "San Salvador", "Lagos")
"""One destination each (VE, CO, HN, GT, SV, NG): one record per item, none merged."""


@pytest.fixture
def service(database_url: str, kafka_bootstrap: str) -> Iterator[FlightsService]:
    settings = settings_at_end(
        FlightsSettings,
        "flights_consumer_group",
        kafka_bootstrap,
        database_url,
        "batch",
        flights_source="classified",
    )
    engine = impatient_engine(database_url)
    upgrade(engine)
    flights = FlightsService(settings, engine)
    flights.guard.backoff.base_s = 0.05
    yield flights
    engine.dispose()


def _items(*cities: str, nul_at: int | None = None) -> list[ClassifiedItem]:
    """One item per city, published on a day of this test's own (a fresh consumer group
    on the session broker may still read an earlier test's items: they must not join
    these records)."""
    run = uuid.uuid4().hex[:8]
    day = NOW - timedelta(days=60 * random.randrange(1, 5000))
    items = []
    for i, city in enumerate(cities):
        item = classified(
            TOPIC,
            item_id=f"{'nul' + chr(0) if i == nul_at else 'batch-'}{run}-{i}",
            title=f"Deportation flight lands in {city}",
        )
        dated = item.item.model_copy(update={"published": day, "fetched_at": day})
        items.append(item.model_copy(update={"item": dated}))
    return items


def _produce(bootstrap: str, items: list[ClassifiedItem]) -> None:
    """On one partition, in order, before the stage starts: its first fetch is one batch."""
    producer = KafkaProducer(bootstrap_servers=bootstrap)
    try:
        for item in items:
            producer.send(streams.CLASSIFIED, item.model_dump_json().encode(), key=b"one")
        producer.flush(timeout=20)
    finally:
        producer.close()


def _stored(engine: Engine, item_id: str) -> bool:
    with session_scope(engine) as session:
        return session.get(FlightObservation, item_id) is not None


def _events_of(bootstrap: str, record_ids: set[str]) -> list[dict[str, Any]]:
    events = []
    for record in read_stream_to_end(bootstrap, streams.FLIGHTS):
        try:
            event = json.loads(record.value)
        except ValueError:  # another test's poison record on the session broker
            continue
        if isinstance(event, dict) and event.get("record_id") in record_ids:
            events.append(event)
    return events


def _record_id(engine: Engine, item_id: str) -> str:
    event = store.current_event(engine, item_id)
    assert event is not None, item_id
    return event.record_id


class Spies:
    """What the stage did with ``items``, seen from its own seams: how many of them each
    thread hop held (``_store`` runs once per hop) and what each publish returned. (The
    broker is the session's: a fresh group may still read a record of another test.)"""

    def __init__(self, service: FlightsService, items: list[ClassifiedItem]) -> None:
        ids = {i.item.item_id for i in items}
        self.hops: list[int] = []
        self.published: list[tuple[str, object]] = []
        self.lettered: list[bytes] = []  # the bodies of items dead-lettered
        store_batch = service._store
        publish = service.flights_publisher.publish
        send_letter = service.guard.dead_letters.send

        def counted_store(intakes: list[Intake]) -> list[FlightRecordEvent]:
            mine = sum(i.observation.item_id in ids for i in intakes)
            if mine:
                self.hops.append(mine)
            return store_batch(intakes)

        async def watched_publish(*args: Any, **kwargs: Any) -> Any:
            result = await publish(*args, **kwargs)
            self.published.append((json.loads(args[0])["record_id"], result))
            return result

        async def watched_letter(body: bytes, error: BaseException | str, **publish: Any) -> Any:
            # (an id with a NUL is written \u0000 in the JSON body: its tail is matched)
            if any(i.split(chr(0))[-1].encode() in body for i in ids):
                self.lettered.append(body)
            return await send_letter(body, error, **publish)

        service._store = counted_store  # type: ignore[method-assign]
        service.flights_publisher.publish = watched_publish  # type: ignore[method-assign]
        service.guard.dead_letters.send = watched_letter  # type: ignore[method-assign,assignment]


async def _run_until(service: FlightsService, items: list[ClassifiedItem], done: Any) -> None:
    # Produced before the stage starts (its group begins at the stream's end as the fixture
    # left it): the first fetch holds them all, so the first hop is the whole batch.
    _produce(str(service.settings.kafka_bootstrap), items)
    app = service.build_app()
    await app.start()
    try:
        await wait_for(done, timeout=60)
    finally:
        await app.stop()


async def test_a_batch_is_stored_in_one_hop_and_its_events_confirmed_together(
    service: FlightsService, kafka_bootstrap: str
) -> None:
    """Fails on main: a hop per record, each publish awaiting its own confirmation."""
    items = _items(*CITIES)
    spies = Spies(service, items)
    await _run_until(service, items, lambda: service.guard.handled >= len(items))
    assert all(_stored(service.engine, i.item.item_id) for i in items)
    assert sum(spies.hops) == len(items) and len(spies.hops) < len(items), spies.hops
    # Each publish returned its send's future, not its confirmation; all were confirmed
    # before the batch was acked (its offsets committed).
    record_ids = {_record_id(service.engine, i.item.item_id) for i in items}
    assert len(record_ids) == len(items)
    sent = [f for record_id, f in spies.published if record_id in record_ids]
    assert len(sent) == len(items)
    assert all(isinstance(f, asyncio.Future) for f in sent), sent
    assert all(f.done() and f.exception() is None for f in sent)  # type: ignore[attr-defined]
    events = _events_of(kafka_bootstrap, record_ids)
    assert sorted(e["record_id"] for e in events) == sorted(record_ids)
    assert {(e["change"], e["version"]) for e in events} == {("created", 1)}


async def test_a_record_refused_for_good_is_dead_lettered_alone(
    service: FlightsService, database_url: str, kafka_bootstrap: str
) -> None:
    """The middle record's id holds a NUL character, which PostgreSQL's text refuses (a
    permanent error of that record): the batch is tried whole, then one record at a time;
    only that record is dead-lettered, and the first one (stored before the whole try
    failed, its event not sent then) still gets its event. SQLite stores all three."""
    items = _items("Caracas", "Bogota", "Tegucigalpa", nul_at=1)
    good = [items[0], items[2]]
    spies = Spies(service, items)
    await _run_until(service, items, lambda: service.guard.handled >= len(items))
    assert all(_stored(service.engine, i.item.item_id) for i in good)
    assert spies.hops[0] > 1, spies.hops  # the batch was tried whole first
    record_ids = {_record_id(service.engine, i.item.item_id) for i in good}
    events = _events_of(kafka_bootstrap, record_ids)
    assert {e["record_id"] for e in events} == record_ids
    assert {e["version"] for e in events} == {1}  # read again: the same version republished
    if not database_url.startswith("postgresql"):
        assert spies.lettered == []
        assert _stored(service.engine, items[1].item.item_id)
        return
    assert len(spies.lettered) == 1, spies.lettered
    assert spies.hops[1:] == [1, 1, 1], spies.hops  # split: each record alone
    letters = await dead_letters(kafka_bootstrap, service.settings.flights_consumer_group, 1)
    [letter] = [x for x in letters if items[1].item.item_id.split(chr(0))[1] in x.payload]
    assert letter.error.startswith("DataError")


async def test_a_transient_failure_after_part_of_a_batch_retries_it_without_losing_an_event(
    service: FlightsService, kafka_bootstrap: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second record's transaction fails once as a lost connection would, after the
    first record's committed: nothing is published or acked, the batch is read again, the
    first record (read again) and the second get their events; no record twice."""
    items = _items("Caracas", "Bogota")
    record = store.record_observation
    ids = {i.item.item_id for i in items}
    calls: list[str] = []

    def failing_once(*args: Any, **kwargs: Any) -> FlightRecordEvent | None:
        if args[1].item_id in ids:
            calls.append(args[1].item_id)
        if args[1].item_id in ids and len(calls) == 2:
            raise OperationalError("INSERT INTO flights_observation", {}, ConnectionError("lost"))
        return record(*args, **kwargs)

    monkeypatch.setattr(store, "record_observation", failing_once)
    spies = Spies(service, items)
    await _run_until(service, items, lambda: service.guard.handled >= len(items))
    assert calls[:2] == [items[0].item.item_id, items[1].item.item_id]  # failed mid-batch
    assert len(calls) >= 4 and spies.lettered == []
    assert spies.hops[0] == 2, spies.hops
    record_ids = {_record_id(service.engine, i.item.item_id) for i in items}
    assert len(record_ids) == 2
    events = _events_of(kafka_bootstrap, record_ids)
    assert {e["record_id"] for e in events} == record_ids
    assert {(e["change"], e["version"]) for e in events} == {("created", 1)}
