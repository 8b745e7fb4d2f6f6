"""What finding the newest version of a batch's flight records costs, alone (stop 40).

Before (stop 39): the versions read from the route alerts' payloads in the outbox (the
database's JSON functions, ``max`` per key, over every route subscription's keys). After:
one read of ``notify_flight_record_version`` by record id, then the upsert of the batch's
versions. Both on one database filled by ``record_alerts`` (``--batches`` batches of 100
records for ``--subs`` route subscriptions), each repetition a batch of 100 recorded
records in its own transaction, rolled back (the table stays as filled); the two
alternate, so a ratio holds on a shared machine. The rest of a batch (the lock, the
insert) is the same in both and left out: route_order_cost.py measures a whole batch.

    flock /tmp/bench.lock .venv/bin/python bench/notify_records40/version_read_cost.py \
        [--batches 30] [--subs 20] [--reps 200] [--database-url postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import get_args

from sqlalchemy import JSON, ColumnElement, Integer, cast, create_engine, func, select
from sqlalchemy.engine import Connection
from wirewatch_notify import flight_alerts
from wirewatch_notify.flight_alerts import Route, record_key, status_key
from wirewatch_notify.models import Delivery, DeliveryKind
from wirewatch_shared.events import FlightRecordEvent

from wirewatch.schema import upgrade

_DELIVERIES = Delivery.__table__  # type: ignore[attr-defined]
_STATUSES: tuple[str, ...] = get_args(FlightRecordEvent.model_fields["status"].annotation)


def _payload_version(conn: Connection) -> ColumnElement[int]:
    """Stop 39's ``flight_alerts._version``."""
    payload = _DELIVERIES.c.payload
    if conn.dialect.name == "postgresql":
        found = func.json_extract_path_text(cast(payload, JSON), "data", "flight", "version")
    else:
        found = func.json_extract(payload, "$.data.flight.version")
    return cast(found, Integer)


def from_payloads(conn: Connection, events: list[FlightRecordEvent], subs: list[int]) -> int:
    """Stop 39's ``newest_versions``: how many records it found."""
    keys = {record_key(e.record_id): e.record_id for e in events}
    keys.update({status_key(r, s): r for r in set(keys.values()) for s in _STATUSES})
    rows = conn.execute(
        select(_DELIVERIES.c.item_id, func.max(_payload_version(conn)))
        .where(
            _DELIVERIES.c.subscription_id.in_(subs),
            _DELIVERIES.c.item_id.in_(list(keys)),
            _DELIVERIES.c.kind == DeliveryKind.ALERT,
        )
        .group_by(_DELIVERIES.c.item_id)
    ).all()
    return len({keys[item_id] for item_id, _ in rows})


def from_table(conn: Connection, events: list[FlightRecordEvent], _subs: list[int]) -> int:
    """Stop 40: the read, then the batch's versions kept."""
    found = flight_alerts.newest_versions(conn, (e.record_id for e in events))
    flight_alerts.record_versions(conn, events, now=datetime.now(UTC))
    return len(found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=30)
    parser.add_argument("--subs", type=int, default=20)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    # The batches of route_order_cost.py (stop 39's study), so the two read alike.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "notify_routes39"))
    from route_order_cost import batch

    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'versions.db'}"
    engine = create_engine(url)
    upgrade(engine)
    routes: dict[int, tuple[Route, ...]] = {
        sub: (Route(None, "VE"),) for sub in range(1, args.subs + 1)
    }
    for n in range(args.batches):
        flight_alerts.record_alerts(engine, batch(n), routes, {}, now=datetime.now(UTC))
    subs = list(routes)
    variants = {"payloads (stop 39)": from_payloads, "table (stop 40)": from_table}
    times: dict[str, list[float]] = {name: [] for name in variants}
    found: dict[str, int] = dict.fromkeys(variants, 0)
    for rep in range(args.reps):
        events = batch(3 * (rep % (args.batches // 3)) + 2)  # recorded records, at v3
        for name, run in variants.items():
            with engine.connect() as conn:
                trans = conn.begin()
                started = time.perf_counter()
                found[name] += run(conn, events, subs)
                times[name].append(time.perf_counter() - started)
                trans.rollback()
    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    for name in variants:
        print(f"{name}: median {medians[name]:.2f} ms per batch of 100, found {found[name]}")
    before, after = medians.values()
    print(f"after/before: {after / before:.2f} ({engine.dialect.name}, {args.subs} subs)")


if __name__ == "__main__":
    main()
