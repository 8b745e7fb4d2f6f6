"""Flight records in the stage's database (SQLite or PostgreSQL).

An item's observation is stored, the record it belongs to is found (same story; for
items without a story, same route within the merge window; see
:func:`merge.same_flight`), and the record
is recomputed from all its observations in the same transaction. On PostgreSQL a
transaction-scoped advisory lock per destination keeps two processes from creating
the same flight twice; SQLite serialises writers anyway.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, Text, bindparam, case, cast, func, insert, or_, text, update
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Connection, Engine
from wirewatch_shared.clock import utcnow
from wirewatch_shared.events import (
    FLIGHT_MAX_CONFLICT_VALUES,
    FLIGHT_MAX_EVIDENCE,
    FLIGHT_MAX_SOURCES,
    FLIGHT_VALUE_MAX,
    FlightConflict,
    FlightEvidence,
    FlightRecordEvent,
    FlightSource,
)

from wirewatch_flights.merge import Merged, Observation, merge, same_flight
from wirewatch_flights.model import Flight, SourceInfo, flight_from_dict
from wirewatch_flights.models import FlightObservation, FlightRecord

MAX_EVIDENCE = FLIGHT_MAX_EVIDENCE


def _merged_of(record: StoredRecord) -> Merged:
    return Merged(
        origin=record.origin,
        destination=record.destination,
        people=record.people,
        flights=record.flights,
        status=record.status,  # type: ignore[arg-type]
        flight_date=record.flight_date,
        flight_date_stated=record.flight_date_stated,
        operator=record.operator,
    )


@dataclass(frozen=True, slots=True)
class Windows:
    """How far apart two reports of one route may be and still be one flight (days)."""

    merge_days: int = 3
    planned_days: int = 21


# The write path (``record_observation``, ``current_event``) reads and writes with Core
# statements built once, into plain rows (stop 42): the ORM's unit of work, its instances'
# attribute instrumentation and a statement built per call were ~60% of the stage's store
# CPU. The read side (:mod:`wirewatch_flights.ledger`) keeps the ORM models.

RECORD: Table = FlightRecord.__table__  # type: ignore[attr-defined]
OBSERVATION: Table = FlightObservation.__table__  # type: ignore[attr-defined]


@dataclass(slots=True)
class StoredRecord:
    """A ``flights_record`` row, as the write path holds it (the columns of
    :class:`FlightRecord`, in its order)."""

    id: str
    version: int
    origin: str | None
    destination: str | None
    people: int | None
    flights: int | None
    status: str
    previous_status: str | None
    flight_date: date | None
    flight_date_stated: bool
    operator: str | None
    conflicts: list[Any]
    story_ids: list[str]
    topics: list[str]
    source_count: int
    created_at: datetime
    updated_at: datetime


@dataclass(slots=True)
class StoredObservation:
    """A ``flights_observation`` row, as the write path holds it."""

    item_id: str
    record_id: str
    story_id: str | None
    published: datetime
    facts: dict[str, Any]
    source: dict[str, Any]
    observed_at: datetime


MAX_OBSERVATIONS = 200
"""Observations a record is recomputed from: its first ones (a flight reported by more
outlets than this keeps its record; later reports still count in ``source_count``)."""


RECORD_COLUMNS = tuple(f.name for f in fields(StoredRecord))
OBSERVATION_COLUMNS = tuple(f.name for f in fields(StoredObservation))
_RECORD_SELECT = sa_select(*(RECORD.c[n] for n in RECORD_COLUMNS))
_OBSERVATION_SELECT = sa_select(*(OBSERVATION.c[n] for n in OBSERVATION_COLUMNS))
_OWN = OBSERVATION.c.item_id == bindparam("item_id")
_KNOWN = (
    sa_select(OBSERVATION.c.item_id, *(RECORD.c[n] for n in RECORD_COLUMNS))
    .select_from(OBSERVATION.outerjoin(RECORD, RECORD.c.id == OBSERVATION.c.record_id))
    .where(or_(_OWN, OBSERVATION.c.story_id == bindparam("story_id")))
    .order_by(case((_OWN, 0), else_=1))  # the item's own row first
    .limit(1)
)
_OWN_ROW = _OBSERVATION_SELECT.where(_OWN)
_OWN_RECORD_ID = sa_select(OBSERVATION.c.record_id).where(_OWN)
_RECORD_BY_ID = _RECORD_SELECT.where(RECORD.c.id == bindparam("record_id"))
_ROUTE = (
    _RECORD_SELECT.where(RECORD.c.destination == bindparam("destination"))
    .where(RECORD.c.flight_date >= bindparam("since"))
    .where(RECORD.c.flight_date <= bindparam("until"))
)
_ORDER_ROUTE = RECORD.c.updated_at.desc()
_ROUTE_ANY = _ROUTE.order_by(_ORDER_ROUTE)
# Another story's record can only be an announcement this story flies (see
# merge.same_flight): a busy route's flown records are not even read.
_ROUTE_STORIED = _ROUTE.where(
    or_(RECORD.c.status == "planned", cast(RECORD.c.story_ids, Text) == "[]")
).order_by(_ORDER_ROUTE)
_OF_RECORD = OBSERVATION.c.record_id == bindparam("record_id")
_RECORD_OBSERVATIONS = (
    _OBSERVATION_SELECT.where(_OF_RECORD)
    .order_by(OBSERVATION.c.published, OBSERVATION.c.item_id)
    .limit(MAX_OBSERVATIONS)
)
_COUNT_OBSERVATIONS = sa_select(func.count()).select_from(OBSERVATION).where(_OF_RECORD)
_INSERT_RECORD = insert(RECORD)
_INSERT_OBSERVATION = insert(OBSERVATION)
# PostgreSQL: a new record and its first observation in one statement (a data-modifying
# WITH), one round trip fewer per new record; SQLite takes the two INSERTs.
_INSERT_RECORD_AND_OBSERVATION = (
    insert(OBSERVATION)
    .values({c: bindparam(c.name, type_=c.type) for c in OBSERVATION.columns})
    .add_cte(
        insert(RECORD).values({c: bindparam(c.name, type_=c.type) for c in RECORD.columns}).cte()
    )
)
_UPDATE_RECORD = update(RECORD).where(RECORD.c.id == bindparam("key"))
_UPDATE_OBSERVATION = update(OBSERVATION).where(OBSERVATION.c.item_id == bindparam("key"))
_LOCK = text("SELECT pg_advisory_xact_lock(hashtext(:key))")


@contextmanager
def _transaction(bind: Engine | Connection) -> Iterator[Connection]:
    """A transaction on ``bind``: a connection of the engine's, or the connection given
    (the stage's batch keeps one, each observation still its own transaction)."""
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            yield conn
    else:
        with bind.begin():
            yield bind


def _record(conn: Connection, record_id: str) -> StoredRecord | None:
    row = conn.execute(_RECORD_BY_ID, {"record_id": record_id}).first()
    return None if row is None else StoredRecord(*row)


def _known(
    conn: Connection, item_id: str, story_id: str | None
) -> tuple[StoredObservation | None, bool, StoredRecord | None]:
    """The item's own observation (it was read before) or None; whether the item or
    another observation of its story is stored; and the record that observation went
    into. One query for the three questions when the item has a story and was not read
    before (stop 40: it was two, on every report; stop 42: the record in the same query)."""
    if story_id is None:
        own = conn.execute(_OWN_ROW, {"item_id": item_id}).first()
        if own is None:
            return None, False, None
        existing = StoredObservation(*own)
        return existing, True, _record(conn, existing.record_id)
    found = conn.execute(_KNOWN, {"item_id": item_id, "story_id": story_id}).first()
    if found is None:
        return None, False, None
    record = None if found[1] is None else StoredRecord(*found[1:])
    if found[0] == item_id:  # read again: its row, whole, to update
        own = conn.execute(_OWN_ROW, {"item_id": item_id}).first()
        return (None if own is None else StoredObservation(*own)), True, record
    return None, True, record


def _route_record(
    conn: Connection, flight: Flight, story_id: str | None, windows: Windows
) -> StoredRecord | None:
    """The record a report joins by route (:func:`merge.same_flight`): for a report whose
    story has no record yet, or an item without a story."""
    if flight.destination is None or flight.flight_date is None:
        return None
    span = timedelta(days=max(windows.merge_days, windows.planned_days))
    params = {
        "destination": flight.destination,
        "since": flight.flight_date - span,
        "until": flight.flight_date + span,
    }
    query = _ROUTE_ANY if story_id is None else _ROUTE_STORIED
    for row in conn.execute(query, params):
        record = StoredRecord(*row)
        merged = _merged_of(record)
        if same_flight(
            flight, story_id, merged, record.story_ids, windows.merge_days, windows.planned_days
        ):
            return record
    return None


def _observations(conn: Connection, record_id: str) -> list[StoredObservation]:
    found = conn.execute(_RECORD_OBSERVATIONS, {"record_id": record_id})
    return [StoredObservation(*row) for row in found]


def _count_observations(conn: Connection, record_id: str) -> int:
    return int(conn.execute(_COUNT_OBSERVATIONS, {"record_id": record_id}).scalar_one())


def _fingerprint(record: StoredRecord) -> tuple[Any, ...]:
    return (
        record.origin,
        record.destination,
        record.people,
        record.flights,
        record.status,
        record.flight_date,
        record.flight_date_stated,
        record.operator,
        tuple(tuple(c) if isinstance(c, list) else c for c in record.conflicts),
        record.source_count,
    )


def _apply(
    record: StoredRecord, merged: Merged, rows: Sequence[StoredObservation], count: int
) -> None:
    if record.status != merged.status:
        record.previous_status = record.status
    record.origin = merged.origin
    record.destination = merged.destination
    record.people = merged.people
    record.flights = merged.flights
    record.status = merged.status
    record.flight_date = merged.flight_date
    record.flight_date_stated = merged.flight_date_stated
    record.operator = merged.operator
    record.conflicts = [[name, list(values)] for name, values in merged.conflicts]
    record.story_ids = list(dict.fromkeys(r.story_id for r in rows if r.story_id))
    topics = (t for r in rows for t in r.source.get("topics", ()))
    record.topics = list(dict.fromkeys(topics))
    record.source_count = len(rows) if len(rows) < MAX_OBSERVATIONS else count


def _lock_route(conn: Connection, destination: str | None) -> None:
    if destination and conn.dialect.name == "postgresql":
        conn.execute(_LOCK, {"key": f"flights:{destination}"})


def _new_record(status: str) -> StoredRecord:
    """A new record, every field given: the same values as :class:`FlightRecord`'s
    defaults (a test keeps them equal)."""
    return StoredRecord(
        id=uuid.uuid4().hex[:16],
        version=1,
        origin=None,
        destination=None,
        people=None,
        flights=None,
        status=status,
        previous_status=None,
        flight_date=None,
        flight_date_stated=False,
        operator=None,
        conflicts=[],
        story_ids=[],
        topics=[],
        source_count=1,
        created_at=utcnow(),
        updated_at=utcnow(),
    )


def _source_dict(source: SourceInfo) -> dict[str, Any]:
    return {
        "outlet": source.outlet,
        "title": source.title,
        "link": source.link,
        "language": source.language,
        "topics": list(source.topics),
    }


def record_observation(
    bind: Engine | Connection,
    observation: Observation,
    source: SourceInfo,
    windows: Windows | None = None,
) -> FlightRecordEvent | None:
    """Store one item's flight facts and update its record, in one transaction (on a
    connection of ``bind``'s, or on ``bind`` itself, which must not be in a transaction);
    the record's event when the record was created or changed, else None (a redelivered,
    unchanged item)."""
    flight = observation.flight
    with _transaction(bind) as conn:
        _lock_route(conn, flight.destination)
        existing, known, record = _known(conn, observation.item_id, observation.story_id)
        if not known:
            record = _route_record(conn, flight, observation.story_id, windows or Windows())
        if record is None and existing is not None:  # no record is ever deleted
            raise ValueError(f"observation {existing.item_id}: its record is not stored")
        if record is None:
            return _create_record(conn, observation, source)
        before = _fingerprint(record)
        stored_story_ids, stored_topics = record.story_ids, record.topics
        row = _write_row(conn, existing, record.id, observation, source)
        # The row just written as this process holds it, not as read back (a published
        # time keeps its offset): what the record's event has always listed.
        rows = [row if r.item_id == row.item_id else r for r in _observations(conn, record.id)]
        count = len(rows)
        if count >= MAX_OBSERVATIONS:
            count = _count_observations(conn, record.id)
        _apply(record, merge([_as_observation(r) for r in rows]), rows, count)
        if _fingerprint(record) == before:
            # unchanged, no new version; its stories and topics still follow its rows
            if (record.story_ids, record.topics) != (stored_story_ids, stored_topics):
                conn.execute(
                    _UPDATE_RECORD,
                    {"key": record.id, "story_ids": record.story_ids, "topics": record.topics},
                )
            return None
        record.version += 1
        record.updated_at = utcnow()
        values = {n: getattr(record, n) for n in RECORD_COLUMNS if n not in ("id", "created_at")}
        conn.execute(_UPDATE_RECORD, {"key": record.id, **values})
        return record_event(record, rows, "updated")


def _write_row(
    conn: Connection,
    existing: StoredObservation | None,
    record_id: str,
    observation: Observation,
    source: SourceInfo,
) -> StoredObservation:
    """The item's observation row written: updated when the item was read before (only
    if anything in it changed), else inserted."""
    facts, source_dict = observation.flight.as_dict(), _source_dict(source)
    if existing is None:
        row = StoredObservation(
            item_id=observation.item_id,
            record_id=record_id,
            story_id=observation.story_id,
            published=observation.published,
            facts=facts,
            source=source_dict,
            observed_at=utcnow(),
        )
        conn.execute(_INSERT_OBSERVATION, _values(row, OBSERVATION_COLUMNS))
        return row
    story_id = observation.story_id or existing.story_id
    changed = (story_id, facts, source_dict) != (
        existing.story_id,
        existing.facts,
        existing.source,
    )
    existing.story_id, existing.facts, existing.source = story_id, facts, source_dict
    if changed:
        conn.execute(
            _UPDATE_OBSERVATION,
            {"key": existing.item_id, "story_id": story_id, "facts": facts, "source": source_dict},
        )
    return existing


def _values(row: StoredRecord | StoredObservation, names: Sequence[str]) -> dict[str, Any]:
    return {n: getattr(row, n) for n in names}


def _create_record(
    conn: Connection, observation: Observation, source: SourceInfo
) -> FlightRecordEvent:
    """A new record has this one observation and no other: no query for its observations,
    and its row is written once, already merged (stop 40)."""
    record = _new_record(observation.flight.status)
    row = StoredObservation(
        item_id=observation.item_id,
        record_id=record.id,
        story_id=observation.story_id,
        published=observation.published,
        facts=observation.flight.as_dict(),
        source=_source_dict(source),
        observed_at=utcnow(),
    )
    rows = [row]
    _apply(record, merge([_as_observation(row)]), rows, len(rows))
    record_values, row_values = _values(record, RECORD_COLUMNS), _values(row, OBSERVATION_COLUMNS)
    if conn.dialect.name == "postgresql":
        conn.execute(_INSERT_RECORD_AND_OBSERVATION, {**record_values, **row_values})
    else:
        conn.execute(_INSERT_RECORD, record_values)
        conn.execute(_INSERT_OBSERVATION, row_values)
    return record_event(record, rows, "created")


def _as_observation(row: StoredObservation) -> Observation:
    return Observation(row.item_id, row.published, flight_from_dict(row.facts), row.story_id)


Row = FlightObservation | StoredObservation


def _evidence(rows: Sequence[Row]) -> list[FlightEvidence]:
    evidence: list[FlightEvidence] = []
    for row in rows:
        for e in row.facts.get("evidence", ()):
            if len(evidence) >= MAX_EVIDENCE:
                return evidence
            evidence.append(
                FlightEvidence(
                    field=e["field"],
                    value=str(e["value"])[:200],
                    phrase=str(e["phrase"])[:500],
                    item_id=row.item_id,
                    source=e["source"],
                    start=e["start"],
                    end=e["end"],
                )
            )
    return evidence


def record_event(
    record: FlightRecord | StoredRecord, rows: Sequence[Row], change: str
) -> FlightRecordEvent:
    sources = [
        FlightSource(
            item_id=r.item_id,
            story_id=r.story_id,
            outlet=str(r.source.get("outlet") or "")[:256],
            title=str(r.source.get("title") or "")[:2000],
            link=r.source.get("link"),
            language=r.source.get("language"),
            published=r.published,
        )
        for r in rows[:FLIGHT_MAX_SOURCES]
    ]
    return FlightRecordEvent(
        change=change,  # type: ignore[arg-type]
        record_id=record.id,
        version=record.version,
        origin=record.origin,
        destination=record.destination,
        people=record.people,
        flights=record.flights,
        status=record.status,  # type: ignore[arg-type]
        previous_status=record.previous_status,  # type: ignore[arg-type]
        flight_date=record.flight_date,
        flight_date_stated=record.flight_date_stated,
        operator=record.operator,
        conflicts=tuple(
            FlightConflict(
                field=name,
                values=tuple(
                    str(v)[:FLIGHT_VALUE_MAX] for v in values[:FLIGHT_MAX_CONFLICT_VALUES]
                ),
            )
            for name, values in record.conflicts
        ),
        evidence=tuple(_evidence(rows)),
        sources=tuple(sources),
        source_count=record.source_count,
        story_ids=tuple(record.story_ids[:50]),
        topics=tuple(record.topics[:64]),
        updated_at=record.updated_at,
    )


def current_event(bind: Engine | Connection, item_id: str) -> FlightRecordEvent | None:
    """The current event of the record an item went into (None: the item is in none). What
    a redelivered item publishes again: its first delivery may have committed its record and
    died, or lost the broker, before the event was confirmed."""
    with _transaction(bind) as conn:
        record_id = conn.execute(_OWN_RECORD_ID, {"item_id": item_id}).scalar()
        record = None if record_id is None else _record(conn, record_id)
        if record is None:
            return None
        rows = _observations(conn, record.id)
        return record_event(record, rows, "updated" if record.version > 1 else "created")
