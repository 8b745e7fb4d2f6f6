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
record's updates; a replay): an event older than the newest version already recorded for
the record (in a route alert's ``data.flight.version``, or earlier in the batch) adds
nothing, not even a key, so no alert reports a status the flight has moved past or stale
counts. The read and the insert are one decision per record (:func:`lock_records`), as
for stories.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, get_args

from sqlalchemy import JSON, ColumnElement, Integer, cast, func, select
from sqlalchemy.engine import Connection, Engine
from wirewatch_shared.events import FlightRecordEvent
from wirewatch_shared.logging import get_logger

from wirewatch_notify.models import Delivery, DeliveryKind, FlightRoute, Subscription
from wirewatch_notify.outbox import NewDelivery, insert_deliveries
from wirewatch_notify.payloads import ALERT_EVENT_TYPE, envelope
from wirewatch_notify.schemas import iso_country
from wirewatch_notify.story_alerts import lock_stories
from wirewatch_notify.timing import Timing, release_at

_ROUTES = FlightRoute.__table__  # type: ignore[attr-defined]
_SUBS = Subscription.__table__  # type: ignore[attr-defined]
_DELIVERIES = Delivery.__table__  # type: ignore[attr-defined]
_STATUSES: tuple[str, ...] = get_args(FlightRecordEvent.model_fields["status"].annotation)
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


def lock_records(conn: Connection, record_ids: Iterable[str]) -> None:
    """Hold the alert decisions of these records until ``conn``'s transaction ends: the
    story lock (one statement, in key order), on the record keys (``flight:…``, never a
    story id)."""
    lock_stories(conn, (record_key(r) for r in record_ids))


def _version(conn: Connection) -> ColumnElement[int]:
    """The record version in a route alert's payload, read by the database (parsing every
    payload in Python was most of a batch's time)."""
    payload = _DELIVERIES.c.payload
    if conn.dialect.name == "postgresql":
        found = func.json_extract_path_text(cast(payload, JSON), "data", "flight", "version")
    else:
        found = func.json_extract(payload, "$.data.flight.version")
    return cast(found, Integer)


def newest_versions(
    conn: Connection, record_ids: Iterable[str], subscription_ids: Iterable[int]
) -> dict[str, int]:
    """The newest version of each record that a route alert records (rows that only take
    a key carry no record). By (subscription, key): the outbox's unique index."""
    keys = {record_key(r): r for r in record_ids}
    keys.update({status_key(r, s): r for r in set(keys.values()) for s in _STATUSES})
    rows = conn.execute(
        select(_DELIVERIES.c.item_id, func.max(_version(conn)))
        .where(
            _DELIVERIES.c.subscription_id.in_(list(subscription_ids)),
            _DELIVERIES.c.item_id.in_(list(keys)),
            _DELIVERIES.c.kind == DeliveryKind.ALERT,
        )
        .group_by(_DELIVERIES.c.item_id)
    ).all()
    newest: dict[str, int] = {}
    for item_id, version in rows:
        record = keys[item_id]
        newest[record] = max(int(version or 0), newest.get(record, 0))
    return newest


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
    records = {e.record_id for e in events}
    with engine.begin() as conn:
        # One decision per record: a second notify process reads this one's rows.
        lock_records(conn, records)
        fresh = current(events, newest_versions(conn, records, routes))
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
