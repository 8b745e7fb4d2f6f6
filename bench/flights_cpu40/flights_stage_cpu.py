"""The flights stage's CPU per story event, on its real handler path (stop 40).

Feeds the real stage code (``FlightsService._intake`` → ``_store`` → the event's JSON, as
``FlightsService.handle`` publishes it; the broker itself is left out) story events built
the way the pipeline sees them, one at a time as the stage's batch guard hands them over:

- ``bench``: the pipeline benchmark's item ("Deportation flight N carrying migrants lands
  in Caracas" + its padded summary), every item a story of its own;
- ``real``: every item of ``tests/data/flights_*.jsonl``, all tagged with the flights
  topic (the worst case: every item is extracted), grouped into stories by their
  ``story`` label in publication order (so later events carry up to 12 item refs and join
  an existing record), items without a label a story each.

Prints CPU ms per event (``time.process_time``: this process, every thread), split into
decode+extract (``_intake``), store (``_store``, the database transaction and the merge)
and the event's JSON. ``--profile PATH`` writes a cProfile of the whole loop.

``--broker`` (stop 40, batchpub40): the whole handler path instead, with the broker: the
events go in batches of ``--batch`` through the stage's own batch guard
(``guard.decoded`` → ``guard.isolate`` → ``FlightsService.handle``: the thread hop, the
store, the publishes and their confirmations) against an embedded Tansu broker (its own
process: its CPU is not counted); prints CPU ms per story event in total and the wall
time per batch. Whatever the code under test does with a batch (one record at a time, or
the whole batch) is what is measured.

Run: .venv/bin/python bench/flights_cpu40/flights_stage_cpu.py --corpus bench --events 1000
     [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test] (a fresh database
     is made on the server for the run and dropped after)
     [--broker --batch 20]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import sys
import time
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from wirewatch_flights.app import FlightsService
from wirewatch_flights.settings import FlightsSettings
from wirewatch_shared import streams
from wirewatch_shared.embedded import EmbeddedBroker
from wirewatch_shared.events import FeedItem

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
sys.path.insert(0, str(REPO / "bench" / "flights_cpu42"))
from flights_item_cost import PAD, _classified, _event, events_of  # noqa: E402
from flights_item_cost import database as _database  # noqa: E402


def bench_events(n: int) -> list[bytes]:
    """The pipeline benchmark's items, each opening a story of its own (a fixed clock: the
    same events every run)."""
    now = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
    out = []
    for i in range(n):
        item = FeedItem(
            item_id=f"hop-1-{i}",
            feed_id=1,
            feed_url="http://127.0.0.1/feed.xml",
            feed_title="Bench",
            title=f"Deportation flight 1-{i} carrying migrants lands in Caracas",
            summary=f"The charter flight carrying Venezuelan deportees landed, officials "
            f"said. {PAD}",
            link=f"http://example.org/hop-1-{i}",
            published=now,
            fetched_at=now,
            language="en",
        )
        out.append(_event(_classified(item), f"story-{i}", [], now))
    return out


def real_events(n: int) -> list[bytes]:
    """Every labelled flights item as story events (see the module docstring), cycled to
    ``n`` with fresh ids (stop 42's ``events_of``)."""
    rows = []
    for path in sorted(DATA.glob("flights_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return events_of(rows, n)


def database(url: str | None) -> AbstractContextManager[Engine]:
    """A fresh database: a SQLite file, or a new database on the PostgreSQL server (stop 42's)."""
    return _database(url, prefix="flcpu40")


def run(
    service: FlightsService, bodies: list[bytes], dump: list[bytes] | None = None
) -> dict[str, float]:
    """CPU seconds of each part over ``bodies``, handled one at a time as the guard does;
    each event's JSON appended to ``dump`` if given."""
    intake_s = store_s = json_s = 0.0
    events = 0
    for body in bodies:
        t0 = time.process_time()
        intake = service._intake(body)
        t1 = time.process_time()
        intake_s += t1 - t0
        if intake is None:
            continue
        for event in service._store([intake]):
            t2 = time.process_time()
            data = event.model_dump_json().encode()
            if dump is not None:
                dump.append(data)
            json_s += time.process_time() - t2
            events += 1
        store_s += time.process_time() - t1
    return {"intake": intake_s, "store": store_s - json_s, "json": json_s, "events": events}


async def run_handler(
    service: FlightsService, bodies: list[bytes], batch: int, timed_from: int
) -> dict[str, float]:
    """CPU seconds and wall seconds over ``bodies[timed_from:]``, fed in batches of
    ``batch`` through the stage's batch guard and handler (``bodies[:timed_from]``
    first, untimed: the warm-up)."""
    from wirewatch_shared.kafka_admin import ensure_streams

    await ensure_streams(str(service.settings.kafka_bootstrap), (streams.FLIGHTS,))
    await service.broker.connect()
    guard = service.guard
    cpu = wall = 0.0
    batches = 0
    try:
        for part, timed in ((bodies[:timed_from], False), (bodies[timed_from:], True)):
            for i in range(0, len(part), batch):
                chunk = part[i : i + batch]
                t0, w0 = time.process_time(), time.perf_counter()
                await guard.isolate(await guard.decoded(chunk))
                if timed:
                    cpu += time.process_time() - t0
                    wall += time.perf_counter() - w0
                    batches += 1
    finally:
        await service.broker.stop()
    return {"cpu": cpu, "wall": wall, "batches": batches}


def _normalised(data: bytes, ids: dict[str, str] | None = None) -> str:
    """An event's JSON with its record id replaced by its order of first appearance (ids
    are random) and its clock time left out."""
    event = json.loads(data)
    seen = _IDS if ids is None else ids
    event["record_id"] = seen.setdefault(event["record_id"], f"r{len(seen)}")
    event.pop("updated_at", None)
    return json.dumps(event, sort_keys=True, ensure_ascii=False)


_IDS: dict[str, str] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("bench", "real"), default="bench")
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--database-url", default=None, help="PostgreSQL server (else SQLite)")
    parser.add_argument("--profile", default=None, help="write a cProfile of the timed loop")
    parser.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="write every record event (warm-up included) as JSON lines, record ids as "
        "their order of appearance and updated_at left out: the same input must give the "
        "same file before and after a change",
    )
    parser.add_argument(
        "--broker",
        action="store_true",
        help="the whole handler path (guard, thread hop, publishes) with an embedded broker",
    )
    parser.add_argument("--batch", type=int, default=20, help="story events per batch (--broker)")
    args = parser.parse_args()
    if args.broker:
        main_broker(args)
        return
    make = bench_events if args.corpus == "bench" else real_events
    bodies = make(args.warmup + args.events)
    with database(args.database_url) as engine:
        settings = FlightsSettings(kafka_bootstrap="127.0.0.1:9", database_url="sqlite://")
        service = FlightsService(settings, engine)
        dump: list[bytes] | None = [] if args.dump else None
        run(service, bodies[: args.warmup], dump)
        timed = bodies[args.warmup :]
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        start = time.process_time()
        parts = run(service, timed, dump)
        total = time.process_time() - start
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
    if args.dump and dump is not None:
        args.dump.write_text("".join(_normalised(d) + "\n" for d in dump), encoding="utf-8")
    n = len(timed)
    db = "postgresql" if args.database_url else "sqlite"
    print(
        f"{args.corpus} on {db}: {n} story events, {int(parts['events'])} record events; "
        f"CPU ms per story event: total {total * 1000 / n:.3f} = intake (decode+extract) "
        f"{parts['intake'] * 1000 / n:.3f} + store {parts['store'] * 1000 / n:.3f} "
        f"+ event JSON {parts['json'] * 1000 / n:.3f}"
    )


def main_broker(args: argparse.Namespace) -> None:
    """``--broker``: see the module docstring."""
    import logging

    make = bench_events if args.corpus == "bench" else real_events
    bodies = make(args.warmup + args.events)
    with EmbeddedBroker() as broker, database(args.database_url) as engine:
        settings = FlightsSettings(
            kafka_bootstrap=broker.bootstrap, database_url="sqlite://", log_level="WARNING"
        )
        logging.getLogger().setLevel(logging.WARNING)
        service = FlightsService(settings, engine)
        parts = asyncio.run(run_handler(service, bodies, args.batch, args.warmup))
    n = args.events
    db = "postgresql" if args.database_url else "sqlite"
    print(
        f"{args.corpus} on {db}, broker, batches of {args.batch}: {n} story events; "
        f"CPU ms per story event {parts['cpu'] * 1000 / n:.3f}; "
        f"wall ms per batch {parts['wall'] * 1000 / max(1, parts['batches']):.2f}"
    )


if __name__ == "__main__":
    main()
