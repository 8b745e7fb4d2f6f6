"""Route alerts: flight records (``wirewatch.flights.v1``) for subscriptions with routes.

A subscription may carry routes (:class:`~wirewatch_notify.models.FlightRoute`: origin
and/or destination, ISO alpha-2). It then gets one alert per flight record on any of
its routes, the first time the record matches (a record whose destination becomes
known later alerts then), and no item alerts; then **one update each time the record
reaches a status it has not had** (the announced flight landed, or was cancelled):
three messages at most per record. The outbox de-duplication keys are the record
(``flight:<record id>``) and the record's status (``flight:<record id>:<status>``); the
key of the status an alert reports is taken by a row never sent, so a record's later
versions, a redelivered event or a second notify process add nothing. The alert
carries the record, its evidence and its sources in ``data.flight``.

Versions may be read out of order (a flights-stage rebalance: two processes publish one
record's updates; a replay): an event older than the newest version already read for the
record adds nothing, not even a key, so no alert reports a status the flight has moved
past or stale counts. The newest version read is kept per record
(:class:`~wirewatch_notify.models.FlightRecordVersion`, every event read, whether it
alerts or not: stop 39 read it from the route alerts' payloads, so a version that matched
no route, or whose alert was purged, was forgotten), and rows not read for the delivery
retention may go (:func:`purge_versions`). The read, the version kept and the insert are
one decision per record (:func:`lock_records`), as for stories.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Engine
from wirewatch_shared.events import FlightRecordEvent
from wirewatch_shared.logging import get_logger

from wirewatch_notify.advisory_locks import lock_keys
from wirewatch_notify.models import DeliveryKind, FlightRecordVersion, FlightRoute, Subscription
from wirewatch_notify.outbox import PURGE_CHUNK, NewDelivery, insert_deliveries
from wirewatch_notify.payloads import ALERT_EVENT_TYPE, envelope
from wirewatch_notify.read_marks import mark_read, purge_unread
from wirewatch_notify.schemas import iso_country
from wirewatch_notify.timing import Timing, release_at

_ROUTES = FlightRoute.__table__  # type: ignore[attr-defined]
_SUBS = Subscription.__table__  # type: ignore[attr-defined]
_VERSIONS = FlightRecordVersion.__table__  # type: ignore[attr-defined]
CACHE_S = 1.0
log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Route:
    origin: str | None
    destination: str | None

    def matches(self, event: FlightRecordEvent) -> bool:
        if self.origin and event.origin != self.origin:
            return False
        return not (self.destination and event.destination != self.destination)


def record_key(record_id: str) -> str:
    return f"flight:{record_id}"


def status_key(record_id: str, status: str) -> str:
    return f"flight:{record_id}:{status}"


def status_changed(event: FlightRecordEvent) -> bool:
    """Whether the event reports a status the record reached from another one (the store
    keeps ``previous_status`` until the next change: a redelivery says it again)."""
    return event.previous_status is not None and event.previous_status != event.status


def add_route(
    engine: Engine, subscription_id: int, origin: str | None, destination: str | None
) -> None:
    """Give a subscription a route (at least one of origin and destination)."""
    origin, destination = iso_country(origin or None), iso_country(destination or None)
    if not (origin or destination):
        raise ValueError("a route needs an origin or a destination")
    with engine.begin() as conn:
        conn.execute(
            _ROUTES.insert().values(
                subscription_id=subscription_id, origin=origin, destination=destination
            )
        )


def load_routes(engine: Engine) -> dict[int, tuple[Route, ...]]:
    """Routes of the active subscriptions, by subscription id."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(_ROUTES.c.subscription_id, _ROUTES.c.origin, _ROUTES.c.destination)
            .join(_SUBS, _SUBS.c.id == _ROUTES.c.subscription_id)
            .where(_SUBS.c.active.is_(True))
        ).all()
    routes: dict[int, list[Route]] = {}
    for sub_id, origin, destination in rows:
        routes.setdefault(int(sub_id), []).append(Route(origin, destination))
    return {k: tuple(v) for k, v in routes.items()}


class RouteCache:
    """The routes, re-read at most every ``CACHE_S`` seconds (item matching asks on every
    batch which subscriptions are route subscriptions)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._at = 0.0
        self._routes: dict[int, tuple[Route, ...]] = {}

    def get(self) -> dict[int, tuple[Route, ...]]:
        now = time.monotonic()
        with self._lock:
            if now - self._at < CACHE_S:
                return self._routes
        routes = load_routes(self.engine)
        with self._lock:
            self._routes, self._at = routes, now
        return routes


def flight_data(event: FlightRecordEvent) -> dict[str, Any]:
    """``data.flight``: the record, its evidence and its sources."""
    return event.model_dump(mode="json", exclude={"schema_version"})


def flight_envelope(event: FlightRecordEvent, *, now: datetime) -> dict[str, Any]:
    """A ``wirewatch.alert.v1`` envelope for a flight record: ``data.item`` is the
    record as a headline (what every channel shows), ``data.flight`` the record."""
    changed = status_changed(event)
    # A status update shows the newest source (the report of the landing, not the
    # announcement); a first alert the first.
    first = (event.sources[-1] if changed else event.sources[0]) if event.sources else None
    route = f"{event.origin or '?'} → {event.destination or '?'}"
    people = f", {event.people} people" if event.people is not None else ""
    when = event.flight_date.isoformat() if event.flight_date else "date unknown"
    status = f"now {event.status}, was {event.previous_status}" if changed else event.status
    return envelope(
        ALERT_EVENT_TYPE,
        {
            "item": {
                "id": record_key(event.record_id),
                "title": f"Flight {route} ({status}{people}, {when})",
                "summary": first.title if first else "",
                "link": first.link if first else None,
                "published": (first.published if first else event.updated_at).isoformat(),
                "fetched_at": event.updated_at.isoformat(),
                "feed": {"id": 0, "title": first.outlet if first else "", "url": ""},
                "language": first.language if first else None,
            },
            "matches": [],
            "entities": {"countries": [c for c in (event.origin, event.destination) if c]},
            "flight": flight_data(event),
        },
        now=now,
    )


def record_lock_key(record_id: str) -> str:
    """The lock of a record's alert decisions. The ``notify-story:`` prefix is stop 39's
    (records took the story lock then): kept, so processes of two releases overlapping in
    a rolling restart take the same lock for one record."""
    return f"notify-story:{record_key(record_id)}"


def lock_records(conn: Connection, record_ids: Iterable[str]) -> None:
    """Hold the alert decisions of these records until ``conn``'s transaction ends (one
    statement for the batch, in key order; :mod:`wirewatch_notify.advisory_locks`)."""
    lock_keys(conn, (record_lock_key(r) for r in record_ids))


def newest_versions(conn: Connection, record_ids: Iterable[str]) -> dict[str, int]:
    """The newest version already read of each of these records (one query)."""
    wanted = sorted(set(record_ids))
    if not wanted:
        return {}
    rows = conn.execute(_NEWEST_VERSIONS, {"records": wanted}).all()
    return {str(record): int(version) for record, version in rows}


# Built once (every batch of flight records reads it).
_NEWEST_VERSIONS = select(_VERSIONS.c.record_id, _VERSIONS.c.version).where(
    _VERSIONS.c.record_id.in_(bindparam("records", expanding=True))
)


def record_versions(
    conn: Connection, events: Iterable[FlightRecordEvent], *, now: datetime
) -> None:
    """Keep the newest version of each record among ``events`` (never a lower one than
    kept), read ``now``: every event read, whether it alerts or matches no route, so a
    later read of an older version knows. One statement; in record order (two processes
    upserting overlapping records take the row locks in one order)."""
    newest: dict[str, int] = {}
    for event in events:
        newest[event.record_id] = max(event.version, newest.get(event.record_id, 0))
    rows = [
        {"record_id": record, "version": newest[record], "updated_at": now}
        for record in sorted(newest)
    ]
    mark_read(conn, _VERSIONS, "record_id", "version", rows)


def purge_versions(engine: Engine, before: datetime, *, limit: int = PURGE_CHUNK) -> int:
    """Forget up to ``limit`` records none of whose events was read since ``before`` (the
    delivery retention: their alerts and keys go then too); how many. In chunks: call
    again while it returns ``limit``."""
    return purge_unread(engine, _VERSIONS, _VERSIONS.c.record_id, before, limit)


def current(
    events: Iterable[FlightRecordEvent], newest: Mapping[str, int]
) -> list[FlightRecordEvent]:
    """The events not older than the newest version recorded or read before them."""
    seen, out = dict(newest), []
    for event in events:
        if event.version >= seen.get(event.record_id, 0):
            seen[event.record_id] = event.version
            out.append(event)
    return out


def record_alerts(
    engine: Engine,
    events: Sequence[FlightRecordEvent],
    routes: dict[int, tuple[Route, ...]],
    timings: dict[int, Timing],
    *,
    now: datetime,
) -> int:
    """Record the route alerts of a batch of flight record events; how many rows were new."""
    with engine.begin() as conn:
        return record_alerts_in(conn, events, routes, timings, now=now)


def record_alerts_in(
    conn: Connection,
    events: Sequence[FlightRecordEvent],
    routes: dict[int, tuple[Route, ...]],
    timings: dict[int, Timing],
    *,
    now: datetime,
) -> int:
    """:func:`record_alerts` in the caller's transaction (``conn``)."""
    records = {e.record_id for e in events}
    # One decision per record: a second notify process reads this one's rows.
    lock_records(conn, records)
    fresh = current(events, newest_versions(conn, records))
    record_versions(conn, events, now=now)
    if len(fresh) < len(events):
        kept = {id(e) for e in fresh}
        late = [(e.record_id, e.version) for e in events if id(e) not in kept]
        log.info("late flight record versions skipped", late=late[:20], count=len(late))
    new = flight_deliveries(fresh, routes, timings, now=now)
    return insert_deliveries(conn, new) if new else 0


def flight_deliveries(
    events: Iterable[FlightRecordEvent],
    routes: dict[int, tuple[Route, ...]],
    timings: dict[int, Timing],
    *,
    now: datetime,
) -> list[NewDelivery]:
    """Per (route subscription, record) the events match: the first alert, then one per
    status the record reaches; each with a never-sent row taking the other key (the
    status a first alert reports; the first alert's, once an update is sent). The events
    are the current ones (:func:`current`), in the order read."""
    out: dict[tuple[int, str], NewDelivery] = {}
    for event in events:
        first, status = record_key(event.record_id), status_key(event.record_id, event.status)
        sent, taken = (status, first) if status_changed(event) else (first, status)
        for sub_id, sub_routes in routes.items():
            if any(r.matches(event) for r in sub_routes):
                hold = release_at(timings.get(sub_id, Timing()), now)
                alert = flight_envelope(event, now=now)
                key_only = NewDelivery(sub_id, taken, {}, kind=DeliveryKind.KEY, cancelled=True)
                # The first of a batch wins, as in the outbox (a key is never sent twice).
                out.setdefault((sub_id, sent), NewDelivery(sub_id, sent, alert, hold_until=hold))
                out.setdefault((sub_id, taken), key_only)
    return list(out.values())


def without_routes(matched: Sequence[int], routes: dict[int, tuple[Route, ...]]) -> list[int]:
    """Item matching: route subscriptions get flight records, not items."""
    return [s for s in matched if s not in routes]
