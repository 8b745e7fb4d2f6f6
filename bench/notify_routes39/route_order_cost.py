"""What reading the newest recorded version costs notify's flight-record batches (stop 39).

Before: ``flight_deliveries`` then ``outbox.enqueue``. After: ``record_alerts`` (the
per-record lock, the newest versions read from the recorded alerts, then the same insert).
Each variant on its own fresh database (SQLite, or PostgreSQL with ``--database-url``), the
same batches of 100 events (records at versions 1..3, every third a status change) for
``--subs`` route subscriptions; the variants alternate batch by batch, so a ratio holds on
a shared machine.

    flock /tmp/bench.lock .venv/bin/python bench/notify_routes39/route_order_cost.py \
        [--batches 30] [--subs 20] [--database-url postgresql+psycopg://…/db1,…/db2]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from wirewatch_notify import flight_alerts, outbox
from wirewatch_notify.flight_alerts import Route
from wirewatch_shared.events import FlightRecordEvent

from wirewatch.schema import upgrade

STATUSES = ("planned", "blocked", "completed")


def batch(n: int, size: int = 100) -> list[FlightRecordEvent]:
    """Batch ``n``: ``size`` records, each at version ``n % 3 + 1``."""
    version = n % 3 + 1
    status, previous = STATUSES[version - 1], (STATUSES[version - 2] if version > 1 else None)
    return [
        FlightRecordEvent(
            change="created" if version == 1 else "updated",
            record_id=f"r{n // 3}-{i}",
            version=version,
            origin="US",
            destination="VE",
            people=100 + i,
            status=status,  # type: ignore[arg-type]
            previous_status=previous,  # type: ignore[arg-type]
            source_count=version,
            updated_at=datetime.now(UTC),
        )
        for i in range(size)
    ]


def before(
    engine: Engine, events: list[FlightRecordEvent], routes: dict[int, tuple[Route, ...]]
) -> int:
    new = flight_alerts.flight_deliveries(events, routes, {}, now=datetime.now(UTC))
    return outbox.enqueue(engine, new)


def after(
    engine: Engine, events: list[FlightRecordEvent], routes: dict[int, tuple[Route, ...]]
) -> int:
    return flight_alerts.record_alerts(engine, events, routes, {}, now=datetime.now(UTC))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=30)
    parser.add_argument("--subs", type=int, default=20)
    parser.add_argument("--database-url", default="", help="two URLs, comma-separated")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    urls = (
        args.database_url.split(",")
        if args.database_url
        else [f"sqlite:///{tmp / name}.db" for name in ("before", "after")]
    )
    variants: dict[str, tuple[Engine, Callable[..., int]]] = {}
    for (name, run), url in zip((("before", before), ("after", after)), urls, strict=True):
        engine = create_engine(url)
        upgrade(engine)
        variants[name] = (engine, run)
    routes = {sub: (Route(None, "VE"),) for sub in range(1, args.subs + 1)}
    times: dict[str, list[float]] = {name: [] for name in variants}
    rows: dict[str, int] = dict.fromkeys(variants, 0)
    for n in range(args.batches):
        events = batch(n)
        for name, (engine, run) in variants.items():
            started = time.perf_counter()
            rows[name] += run(engine, events, routes)
            times[name].append(time.perf_counter() - started)
    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    for name in variants:
        print(f"{name}: median {medians[name]:.1f} ms per batch of 100, {rows[name]} rows")
    print(f"after/before: {medians['after'] / medians['before']:.2f}")


if __name__ == "__main__":
    main()
