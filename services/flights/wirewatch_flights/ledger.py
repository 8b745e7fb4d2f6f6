"""Reading the flight ledger: records by route, status and date, newest flight first,
a page at a time, for the API, the CLI's list and export, and the ``/flights`` page.

The write side (observations in, records merged and their events) is
:mod:`wirewatch_flights.store`; this module only reads, through the ORM models.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select
from wirewatch_shared.events import FlightRecordEvent

from wirewatch_flights.charts import Point
from wirewatch_flights.models import FlightObservation, FlightRecord
from wirewatch_flights.store import MAX_OBSERVATIONS, record_event


@dataclass(frozen=True, slots=True)
class Query:
    origin: str | None = None
    destination: str | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 500


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a page of records ended: its last record's flight date and id (the order's key)."""

    flight_date: date | None
    record_id: str

    @classmethod
    def after(cls, event: FlightRecordEvent) -> Cursor:
        return cls(event.flight_date, event.record_id)


NEWEST_FIRST = (col(FlightRecord.flight_date).desc().nulls_last(), col(FlightRecord.id))
"""Newest flight first, records without a flight date last (on SQLite and PostgreSQL alike:
left to themselves they put NULLs at opposite ends), then by id: a total order to page by."""


def _after(cursor: Cursor) -> Any:
    """The records :data:`NEWEST_FIRST` puts after ``cursor``."""
    day, record_id = col(FlightRecord.flight_date), col(FlightRecord.id)
    if cursor.flight_date is None:
        return and_(day.is_(None), record_id > cursor.record_id)
    same_day = and_(day == cursor.flight_date, record_id > cursor.record_id)
    return or_(day < cursor.flight_date, same_day, day.is_(None))


def _filtered(query: Query) -> Any:
    stmt = select(FlightRecord)
    if query.origin:
        stmt = stmt.where(FlightRecord.origin == query.origin.upper())
    if query.destination:
        stmt = stmt.where(FlightRecord.destination == query.destination.upper())
    if query.status:
        stmt = stmt.where(FlightRecord.status == query.status)
    if query.since:
        stmt = stmt.where(col(FlightRecord.flight_date) >= query.since)
    if query.until:
        stmt = stmt.where(col(FlightRecord.flight_date) <= query.until)
    return stmt


def list_records(
    engine: Engine, query: Query, after: Cursor | None = None
) -> list[FlightRecordEvent]:
    """Records matching the filters, newest flight first (:data:`NEWEST_FIRST`), as their
    current events: up to ``query.limit`` of them, those after ``after`` if given. Two
    queries, whatever the limit: the records, then their observations."""
    with Session(engine) as session:
        stmt = _filtered(query)
        if after is not None:
            stmt = stmt.where(_after(after))
        records = session.exec(stmt.order_by(*NEWEST_FIRST).limit(query.limit)).all()
        observations = _observations_of(session, [r.id for r in records])
        return [
            record_event(r, observations[r.id], "updated" if r.version > 1 else "created")
            for r in records
        ]


EXPORT_PAGE = 500
"""Records an export reads at a time (:func:`iter_records`)."""


def iter_records(
    engine: Engine, query: Query, page: int = EXPORT_PAGE
) -> Iterator[FlightRecordEvent]:
    """Every record matching the filters (``query.limit`` ignored), newest flight first, read
    a page at a time: an export of 100,000 records holds one page, and no read stays open
    between pages."""
    query = replace(query, limit=page)
    after: Cursor | None = None
    while True:
        found = list_records(engine, query, after)
        yield from found
        if len(found) < page:
            return
        after = Cursor.after(found[-1])


def _observations_of(
    session: Session, record_ids: Sequence[str]
) -> defaultdict[str, list[FlightObservation]]:
    """:func:`_observations` of each record, in one query."""
    out: defaultdict[str, list[FlightObservation]] = defaultdict(list)
    if not record_ids:
        return out
    rank = (
        func.row_number()
        .over(
            partition_by=col(FlightObservation.record_id),
            order_by=(col(FlightObservation.published), col(FlightObservation.item_id)),
        )
        .label("rank")
    )
    ranked = (
        select(FlightObservation, rank)
        .where(col(FlightObservation.record_id).in_(record_ids))
        .subquery()
    )
    row = aliased(FlightObservation, ranked)
    stmt = (
        select(row)
        .where(ranked.c.rank <= MAX_OBSERVATIONS)
        .order_by(ranked.c.record_id, ranked.c.rank)
    )
    for observation in session.exec(stmt).all():
        out[observation.record_id].append(observation)
    return out


def count_records(engine: Engine, query: Query | None = None) -> int:
    """Records (those matching ``query``'s filters if given)."""
    found = _filtered(query or Query()).subquery()
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(found)).one())


def chart_points(engine: Engine, query: Query, since: date) -> list[Point]:
    """What the weekly charts need of every dated record matching the filters from ``since``
    on (four columns a record, whatever the number of records)."""
    dated = replace(query, since=max(since, query.since) if query.since else since)
    found = _filtered(dated).subquery()
    stmt = select(found.c.flight_date, found.c.destination, found.c.flights, found.c.people)
    with Session(engine) as session:
        return [
            Point(day, destination, flights or 1, people or 0)
            for day, destination, flights, people in session.exec(stmt).all()
        ]
